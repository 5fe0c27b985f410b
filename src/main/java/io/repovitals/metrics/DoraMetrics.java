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
import java.util.stream.Stream;

/**
 * metrics.md §dora.*: the four keys from the configured deployments, PRs merged into the default
 * branch and incident issues. Unlike prs.* and issues.*, bots count here. Pure.
 */
public final class DoraMetrics implements MetricFamily {
    public static final List<String> DEFAULT_INCIDENT_LABELS = List.of("incident");
    static final Duration INCIDENT_WITHIN = Duration.ofHours(24);

    static final String TITLE = "dora.* — delivery performance (the four keys)";
    static final String ABOUT = "A **deployment** comes from the configured source (`dora-source`): `deployments`"
            + " (default; GitHub Deployments in environment `dora-environment`, default `production`, whose latest"
            + " status other than `inactive` is `success`; deployed at that status's `created_at`; `inactive` only"
            + " retires a deployment, so it never decides), `releases` (published, non-draft, non-prerelease releases;"
            + " deployed at `published_at`), or `workflow:<file>` (successful runs of that workflow on the default"
            + " branch; deployed at `updated_at`). An **incident** is an issue carrying one of `incident-labels`"
            + " (default `incident`). Unlike `prs.*` and `issues.*`, the DORA keys count bot PRs and bot-opened"
            + " incidents: they measure delivery, and a dependency bump is a change too. A PR's oldest commit is the"
            + " one with the smallest committed date among the PR's own commits.\n\n"
            + "DORA performance bands (elite / high / medium / low) are the analysis's job, not the snapshot's.";
    private static final String NO_DEPLOYMENTS = "the deployments could not be fetched";
    private static final String NO_ISSUES = "the issues could not be fetched, or were fetched for a span that does"
            + " not cover the window";

    public static final MetricDef DEPLOYMENTS = MetricDef.count("dora.deployments", "deployments")
            .withDefinition("deployments in window").withMissingWhen(NO_DEPLOYMENTS)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef FREQUENCY = new MetricDef("dora.deployment_frequency_per_week", Unit.PER_WEEK, "deployments per week")
            .withLabel("deployments a week")
            .withDefinition("`dora.deployments * 7 / windowDays`").withMissingWhen(NO_DEPLOYMENTS)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef LEAD_TIME_P50 = new MetricDef("dora.lead_time_hours.p50", Unit.HOURS, "median lead time for changes")
            .withLabel("median lead time")
            .withDefinition(Stats.words("p50") + ", for PRs merged into the default branch whose first deployment at or"
                    + " after `mergedAt` is in window, of that deployment's time minus the committed date of the PR's"
                    + " oldest commit")
            .withExcluded("PRs merged into other branches")
            .withMissingWhen("the deployments or the pull requests could not be fetched, or the pull requests were"
                    + " fetched for a span that does not cover the window; or the window has a deployment but none was"
                    + " found in the " + DeploymentsCollector.DEFAULT_HORIZON.toDays()
                    + " days before, so which earlier merges it shipped is not known; or no merged PR was first deployed"
                    + " in the window")
                .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef CHANGE_FAILURE_RATE = new MetricDef("dora.change_failure_rate", Unit.RATIO, "change failure rate")
            .withDefinition("failed deployments / deployments, over deployments in window. Source `deployments`: the"
                    + " population is production deployments whose latest status other than `inactive` is `success`,"
                    + " `failure` or `error` (timed at that status); `failure` and `error` are failed, and a `success` is"
                    + " failed when an incident is opened at or after it, within " + INCIDENT_WITHIN.toHours()
                    + " hours, and before the next deployment of the population. Other sources: successful deployments,"
                    + " failed by the same incident rule")
            .withMissingWhen(NO_DEPLOYMENTS + "; or " + NO_ISSUES + "; or no deployment in the window")
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef TIME_TO_RESTORE_P50 = new MetricDef("dora.time_to_restore_hours.p50", Unit.HOURS, "median time to restore")
            .withDefinition(Stats.words("p50") + " of `closedAt - createdAt` over incidents closed in window")
            .withMissingWhen(NO_ISSUES + "; or no incident was closed in the window")
            .withBetter(MetricDef.Better.LOWER);

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
    public String title() {
        return TITLE;
    }

    @Override
    public String about() {
        return ABOUT;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        Optional<Deployments> deployments = data.get(Deployments.class);
        Optional<Issues> issues = data.get(Issues.class);
        Optional<String> issuesMissing = MetricFamily.unusable(data, window.start(), window, Issues.class);
        List<Instant> incidentsOpened = issuesMissing.isPresent() ? List.of() : incidents(issues.get()).stream()
                .map(Issues.Issue::createdAt).filter(window::happenedBy).sorted().toList();

        List<Outcome> outcomes = new ArrayList<>();
        Optional<String> deploymentsMissing = MetricFamily.unusable(data, window.start(), window, Deployments.class);
        if (deploymentsMissing.isPresent()) {
            Stream.of(DEPLOYMENTS, FREQUENCY, LEAD_TIME_P50, CHANGE_FAILURE_RATE)
                    .forEach(def -> outcomes.add(Outcome.missing(def, deploymentsMissing.get())));
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
        Optional<String> unusable = MetricFamily.unusable(data, window.start(), window, PullRequests.class);
        if (unusable.isPresent()) {
            return Outcome.missing(LEAD_TIME_P50, unusable.get());
        }
        PullRequests pulls = data.get(PullRequests.class).orElseThrow();
        Instant from = latest(deployments.coveredFrom(), pulls.mergedSince());
        boolean deployedInWindow = successes.stream().anyMatch(d -> window.contains(d.at()));
        boolean deployedBefore = successes.stream().anyMatch(d -> !d.at().isBefore(from) && d.at().isBefore(window.start()));
        if (deployedInWindow && !deployedBefore) {
            return Outcome.missing(LEAD_TIME_P50, "no deployment was found in the " + DeploymentsCollector.DEFAULT_HORIZON.toDays()
                    + " days before " + from + ", so which pull requests merged before then the window's first deployment"
                    + " shipped is not known");
        }
        List<Double> hours = new ArrayList<>();
        for (PullRequests.PullRequest pr : pulls.items()) {
            if (pr.mergedAt() == null || pr.oldestCommitAt() == null || pr.mergedAt().isBefore(from)
                    || !pr.baseRefName().equals(pulls.defaultBranch())) {
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
