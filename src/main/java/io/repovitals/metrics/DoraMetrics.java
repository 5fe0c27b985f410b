package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Deployments;
import io.repovitals.collect.DeploymentsCollector;
import io.repovitals.collect.Deployments.Deployment;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.model.MetricDef;
import io.repovitals.model.MetricDef.Unit;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * metrics.md §dora.*: the four keys from the configured deployments, PRs merged into the default
 * branch and incident issues. Unlike prs.* and issues.*, bots count here. Pure.
 */
public final class DoraMetrics implements MetricFamily {
    public static final List<String> DEFAULT_INCIDENT_LABELS = List.of("incident");
    static final Duration INCIDENT_WITHIN = Duration.ofHours(24);

    public static final MetricDef DEPLOYMENTS = MetricDef.count("dora.deployments", "deployments");
    public static final MetricDef FREQUENCY = new MetricDef("dora.deployment_frequency_per_week", Unit.PER_WEEK, "deployments per week");
    public static final MetricDef LEAD_TIME_P50 = new MetricDef("dora.lead_time_hours.p50", Unit.HOURS, "median lead time for changes");
    public static final MetricDef CHANGE_FAILURE_RATE = new MetricDef("dora.change_failure_rate", Unit.RATIO, "change failure rate");
    public static final MetricDef TIME_TO_RESTORE_P50 = new MetricDef("dora.time_to_restore_hours.p50", Unit.HOURS, "median time to restore");

    public static final List<MetricDef> DEFS = List.of(DEPLOYMENTS, FREQUENCY, LEAD_TIME_P50, CHANGE_FAILURE_RATE, TIME_TO_RESTORE_P50);

    private final Set<String> incidentLabels;

    public DoraMetrics() {
        this(DEFAULT_INCIDENT_LABELS);
    }

    /** @param incidentLabels the {@code incident-labels} setting: an issue with one of them is an incident (case-insensitive) */
    public DoraMetrics(List<String> incidentLabels) {
        if (incidentLabels.isEmpty()) {
            throw new IllegalArgumentException("at least one incident label");
        }
        this.incidentLabels = incidentLabels.stream().map(label -> label.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<MetricDef> defs() {
        return DEFS;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        Optional<Deployments> deployments = data.get(Deployments.class);
        Optional<Issues> issues = data.get(Issues.class);
        Optional<String> issuesMissing = issues.isEmpty() ? Optional.of(data.absentReason(Issues.class))
                : Stats.notCovered("issues", issues.get().since(), issues.get().asOf(), window.start(), window);
        List<Instant> incidentsOpened = issuesMissing.isPresent() ? List.of() : incidents(issues.get()).stream()
                .map(Issues.Issue::createdAt).filter(window::happenedBy).sorted().toList();

        List<Outcome> outcomes = new ArrayList<>();
        if (deployments.isEmpty()) {
            String reason = data.absentReason(Deployments.class);
            outcomes.add(Outcome.missing(DEPLOYMENTS, reason));
            outcomes.add(Outcome.missing(FREQUENCY, reason));
            outcomes.add(Outcome.missing(LEAD_TIME_P50, reason));
            outcomes.add(Outcome.missing(CHANGE_FAILURE_RATE, reason));
        } else {
            List<Deployment> successes = deployments.get().successes();
            long inWindow = successes.stream().filter(d -> window.contains(d.at())).count();
            outcomes.add(Outcome.value(DEPLOYMENTS, inWindow));
            outcomes.add(Outcome.value(FREQUENCY, inWindow * 7.0 / window.days()));
            outcomes.add(leadTime(data, deployments.get(), successes, window));
            outcomes.add(issuesMissing.isPresent() ? Outcome.missing(CHANGE_FAILURE_RATE, issuesMissing.get())
                    : changeFailureRate(deployments.get().items(), incidentsOpened, window));
        }
        if (issuesMissing.isPresent()) {
            outcomes.add(Outcome.missing(TIME_TO_RESTORE_P50, issuesMissing.get()));
        } else {
            List<Double> restore = incidents(issues.get()).stream().filter(issue -> window.contains(issue.closedAt()))
                    .map(issue -> Stats.hours(issue.createdAt(), issue.closedAt())).toList();
            outcomes.add(Stats.percentile(TIME_TO_RESTORE_P50, restore, 50, "no incident was closed in the window"));
        }
        return outcomes;
    }

    private List<Issues.Issue> incidents(Issues issues) {
        return issues.items().stream()
                .filter(issue -> issue.labels().stream().anyMatch(label -> incidentLabels.contains(label.toLowerCase(Locale.ROOT))))
                .toList();
    }

    /**
     * For PRs merged into the default branch whose first deployment at or after the merge is in the window. Only
     * PRs merged at or after {@code from}, the later of the deployments' and the merged PRs' coverage starts, are
     * matched: the first deployment of an earlier one is not known (and for a collector's dataset, which starts at
     * the last deployment before its range, it came before the window anyway). When no deployment between
     * {@code from} and the window start is known, the window's first deployment may have shipped PRs merged before
     * {@code from}: missing, rather than a median of some of them.
     */
    private static Outcome leadTime(Datasets data, Deployments deployments, List<Deployment> successes, Window window) {
        Optional<PullRequests> pulls = data.get(PullRequests.class);
        if (pulls.isEmpty()) {
            return Outcome.missing(LEAD_TIME_P50, data.absentReason(PullRequests.class));
        }
        Optional<String> uncovered = Stats.notCovered("pull requests", pulls.get().since(), pulls.get().asOf(), window.start(), window);
        if (uncovered.isPresent()) {
            return Outcome.missing(LEAD_TIME_P50, uncovered.get());
        }
        Instant from = latest(deployments.coveredFrom(), pulls.get().mergedSince());
        boolean deployedInWindow = successes.stream().anyMatch(d -> window.contains(d.at()));
        boolean deployedBefore = successes.stream().anyMatch(d -> !d.at().isBefore(from) && d.at().isBefore(window.start()));
        if (deployedInWindow && !deployedBefore) {
            return Outcome.missing(LEAD_TIME_P50, "no deployment was found in the " + DeploymentsCollector.DEFAULT_HORIZON.toDays()
                    + " days before " + from + ", so which pull requests merged before then the window's first deployment"
                    + " shipped is not known");
        }
        List<Double> hours = new ArrayList<>();
        for (PullRequests.PullRequest pr : pulls.get().items()) {
            if (pr.mergedAt() == null || pr.oldestCommitAt() == null || pr.mergedAt().isBefore(from)
                    || !pr.baseRefName().equals(pulls.get().defaultBranch())) {
                continue;
            }
            successes.stream().map(Deployment::at).filter(at -> !at.isBefore(pr.mergedAt())).findFirst()
                    .filter(window::contains)
                    .ifPresent(at -> hours.add(Stats.hours(pr.oldestCommitAt(), at)));
        }
        return Stats.percentile(LEAD_TIME_P50, hours, 50, "no merged pull request was first deployed in the window");
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Failed deployments / deployments in the window. A deployment failed by its status is failed; a
     * successful one is failed when an incident was opened at or after it, within 24 hours, and before
     * the next deployment (an incident opened after asOf has not happened yet).
     */
    private static Outcome changeFailureRate(List<Deployment> population, List<Instant> incidentsOpened, Window window) {
        int total = 0;
        int failed = 0;
        for (int i = 0; i < population.size(); i++) {
            Deployment deployment = population.get(i);
            if (!window.contains(deployment.at())) {
                continue;
            }
            total++;
            Instant next = i + 1 < population.size() ? population.get(i + 1).at() : Instant.MAX;
            Instant until = deployment.at().plus(INCIDENT_WITHIN);
            boolean incident = incidentsOpened.stream()
                    .anyMatch(at -> !at.isBefore(deployment.at()) && !at.isAfter(until) && at.isBefore(next));
            if (deployment.failedByStatus() || incident) {
                failed++;
            }
        }
        return Stats.ratio(CHANGE_FAILURE_RATE, failed, total, "no deployment in the window");
    }
}
