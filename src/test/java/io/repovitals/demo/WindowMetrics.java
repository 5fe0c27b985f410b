package io.repovitals.demo;

import io.repovitals.demo.RepoSimulation.Comment;
import io.repovitals.demo.RepoSimulation.Commit;
import io.repovitals.demo.RepoSimulation.Deployment;
import io.repovitals.demo.RepoSimulation.Issue;
import io.repovitals.demo.RepoSimulation.Pr;
import io.repovitals.demo.RepoSimulation.Review;
import io.repovitals.demo.RepoSimulation.Run;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One day's snapshot of a {@link RepoSimulation}: every metric of metrics.md computed from the
 * events of its window {@code [asOf - 7 days, asOf)} or from the state at asOf, by the catalog's
 * definitions; an empty population is listed in {@code missing} with the reason the collector gives.
 */
final class WindowMetrics {
    static final int WINDOW_DAYS = 7;

    private final RepoSimulation sim;
    /** Logins active in any earlier snapshot, for contributors.new. */
    private final Set<String> seenActive = new HashSet<>();
    private boolean firstSnapshot = true;

    /** Each merged PR's first successful deployment at or after its merge (none yet: left out). */
    private final Map<Pr, Deployment> firstDeployment = new HashMap<>();
    /** Successful deployments failed by the incident rule: an incident opened within 24 h after, before the next one. */
    private final Set<Deployment> causedIncident = new HashSet<>();

    WindowMetrics(RepoSimulation sim) {
        this.sim = sim;
        List<Deployment> successes = sim.deployments.stream().filter(d -> !d.failed()).toList();
        int next = 0;
        for (Pr pr : sim.prs.stream().filter(p -> p.merged() != null).sorted((a, b) -> a.merged().compareTo(b.merged())).toList()) {
            while (next < successes.size() && successes.get(next).at().isBefore(pr.merged())) {
                next++;
            }
            if (next < successes.size()) {
                firstDeployment.put(pr, successes.get(next));
            }
        }
        List<Deployment> all = sim.deployments;
        for (int i = 0; i < all.size(); i++) {
            Deployment deployment = all.get(i);
            Instant until = i + 1 < all.size() ? all.get(i + 1).at() : Instant.MAX;
            Instant dayLater = deployment.at().plus(Duration.ofHours(24));
            if (!deployment.failed() && sim.issues.stream().anyMatch(issue -> issue.incident()
                    && !issue.created().isBefore(deployment.at()) && !issue.created().isAfter(dayLater)
                    && issue.created().isBefore(until))) {
                causedIncident.add(deployment);
            }
        }
    }

    /** Snapshots must be asked for in date order (contributors.new remembers the earlier ones). */
    Snapshot snapshot(LocalDate day, boolean backfilled) {
        Instant asOf = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = asOf.minus(Duration.ofDays(WINDOW_DAYS));
        Map<String, Number> metrics = new TreeMap<>();
        Map<String, String> missing = new TreeMap<>();
        Out out = new Out(metrics, missing);
        repo(out, day, asOf, backfilled);
        List<Commit> commits = sim.commits.stream().filter(c -> in(c.at(), from, asOf)).toList();
        commits(out, commits);
        prs(out, from, asOf);
        issues(out, from, asOf);
        ci(out, from, asOf);
        Map<String, ContributorStats> rows = contributors(out, commits, from, asOf);
        dora(out, from, asOf);
        List<TrafficDay> traffic = new ArrayList<>();
        if (backfilled) {
            for (String name : List.of("traffic.views", "traffic.unique_visitors", "traffic.clones", "traffic.unique_cloners")) {
                missing.put(name, "backfilled day: GitHub serves traffic only for the 14 days before the run that sees it");
            }
        } else {
            for (int back = 14; back >= 1; back--) {
                LocalDate point = day.minusDays(back);
                RepoSimulation.Traffic t = sim.traffic[sim.index(point)];
                traffic.add(new TrafficDay(point, t.views(), t.uniqueVisitors(), t.clones(), t.uniqueCloners()));
            }
        }
        Random cost = new Random(sim.profile.seed() ^ day.toEpochDay());
        int requests = 14 + commits.size() / 25 + cost.nextInt(6);
        CollectionStats collection = new CollectionStats(requests, requests - 4 - cost.nextInt(3),
                700 + 60L * requests + cost.nextInt(900), false);
        return new Snapshot(Snapshot.SCHEMA_VERSION, sim.profile.fullName(), asOf, WINDOW_DAYS, new TreeMap<>(metrics),
                new TreeMap<>(missing), List.copyOf(rows.values()), traffic, collection);
    }

    /** Writes values with the catalog's type: counts and flags as integers, the rest as decimals. */
    private record Out(Map<String, Number> metrics, Map<String, String> missing) {
        void put(String name, double value) {
            MetricDef def = MetricCatalog.byName(name).orElseThrow(() -> new IllegalArgumentException("not in the catalog: " + name));
            boolean whole = def.unit() == MetricDef.Unit.COUNT || def.unit() == MetricDef.Unit.FLAG;
            switch (def.unit()) {
                case HOURS, MINUTES, DAYS -> metrics.put(name, StrictMath.round(value * 100) / 100.0);
                default -> metrics.put(name, whole ? (Number) StrictMath.round(value) : (Number) value);
            }
        }

        void percentiles(String prefix, Collection<Double> values, String reason, String... stats) {
            for (String stat : stats) {
                String name = prefix + "." + stat;
                if (values.isEmpty()) {
                    missing.put(name, reason);
                } else if (stat.equals("mean")) {
                    put(name, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                } else if (stat.equals("min") || stat.equals("max")) {
                    var summary = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
                    put(name, stat.equals("min") ? summary.getMin() : summary.getMax());
                } else {
                    double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
                    put(name, new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                            .evaluate(data, Double.parseDouble(stat.substring(1))));
                }
            }
        }

        void ratio(String name, double numerator, double denominator, String reason) {
            if (denominator == 0) {
                missing.put(name, reason);
            } else {
                put(name, numerator / denominator);
            }
        }
    }

    private void repo(Out out, LocalDate day, Instant asOf, boolean backfilled) {
        int today = sim.index(day);
        out.put("repo.stars", sim.stars[today]);
        out.put("repo.forks", sim.forks[today]);
        out.put("repo.forks_gained", sim.forks[today] - sim.forks[today - WINDOW_DAYS]);
        LocalDate weekAgo = day.minusDays(WINDOW_DAYS);
        if (weekAgo.isBefore(sim.first)) {
            out.missing().put("repo.stars_gained", "GitHub withholds star times from this token and the history has no repo.stars at " + weekAgo);
        } else {
            out.put("repo.stars_gained", sim.stars[today] - sim.stars[today - WINDOW_DAYS]);
        }
        if (backfilled) {
            out.missing().put("repo.watchers", "no history on GitHub: a backfilled day cannot know it");
            out.missing().put("repo.branches", "no history on GitHub: a backfilled day cannot know it");
        } else {
            out.put("repo.watchers", sim.watchers[today]);
            out.put("repo.branches", sim.branches[today]);
        }
        out.put("repo.open_issues", sim.issues.stream().filter(i -> open(i.created(), i.closed(), asOf)).count());
        out.put("repo.open_prs", sim.prs.stream().filter(p -> open(p.created(), p.closed(), asOf)).count());
    }

    private static void commits(Out out, List<Commit> commits) {
        Set<String> authors = new TreeSet<>();
        Set<Integer> files = new HashSet<>();
        long added = 0;
        long deleted = 0;
        for (Commit commit : commits) {
            authors.add(commit.author());
            files.addAll(commit.files());
            added += commit.added();
            deleted += commit.deleted();
        }
        out.put("commits.count", commits.size());
        out.put("commits.authors", authors.size());
        out.ratio("commits.per_author", commits.size(), authors.size(), "no commit by a person in the window");
        out.put("commits.hotfix", commits.stream().filter(Commit::hotfix).count());
        out.put("commits.reverts", commits.stream().filter(Commit::revert).count());
        out.put("code.lines_added", added);
        out.put("code.lines_deleted", deleted);
        out.put("code.files_changed", files.size());
    }

    private void prs(Out out, Instant from, Instant asOf) {
        List<Pr> merged = sim.prs.stream().filter(p -> p.merged() != null && in(p.merged(), from, asOf)).toList();
        long closedUnmerged = sim.prs.stream().filter(p -> p.merged() == null && in(p.closed(), from, asOf)).count();
        out.put("prs.opened", sim.prs.stream().filter(p -> in(p.created(), from, asOf)).count());
        out.put("prs.merged", merged.size());
        out.put("prs.closed_unmerged", closedUnmerged);
        out.ratio("prs.merge_ratio", merged.size(), merged.size() + closedUnmerged,
                "no pull request was merged or closed in the window");
        String noMerge = "no pull request was merged in the window";
        out.percentiles("prs.time_to_merge_hours", merged.stream().map(p -> hours(p.created(), p.merged())).toList(),
                noMerge, "mean", "p50", "p90");
        List<Double> firstReviews = sim.prs.stream()
                .filter(p -> !p.reviews().isEmpty() && in(p.reviews().get(0).at(), from, asOf))
                .map(p -> hours(p.created(), p.reviews().get(0).at())).toList();
        out.percentiles("prs.time_to_first_review_hours", firstReviews,
                "no pull request had its first review in the window", "p50", "p90");
        out.put("prs.awaiting_first_review", sim.prs.stream()
                .filter(p -> open(p.created(), p.closed(), asOf) && (p.reviews().isEmpty() || p.reviews().get(0).at().isAfter(asOf)))
                .count());
        List<Long> reviewCounts = merged.stream()
                .map(p -> p.reviews().stream().filter(r -> !r.at().isAfter(p.merged())).count()).toList();
        out.ratio("prs.reviews_per_pr", reviewCounts.stream().mapToLong(Long::longValue).sum(), merged.size(), noMerge);
        out.ratio("prs.review_coverage", reviewCounts.stream().filter(n -> n > 0).count(), merged.size(), noMerge);
        out.percentiles("prs.size_lines", merged.stream().map(p -> (double) p.lines()).toList(), noMerge, "p50");
    }

    private void issues(Out out, Instant from, Instant asOf) {
        out.put("issues.opened", sim.issues.stream().filter(i -> in(i.created(), from, asOf)).count());
        List<Issue> closed = sim.issues.stream().filter(i -> i.closed() != null && in(i.closed(), from, asOf)).toList();
        out.put("issues.closed", closed.size());
        out.percentiles("issues.time_to_first_response_hours", sim.issues.stream()
                .filter(i -> i.firstResponse() != null && in(i.firstResponse(), from, asOf))
                .map(i -> hours(i.created(), i.firstResponse())).toList(),
                "no issue had its first response in the window", "p50", "p90");
        out.percentiles("issues.time_to_close_hours", closed.stream().map(i -> hours(i.created(), i.closed())).toList(),
                "no issue was closed in the window", "p50");
        List<Issue> open = sim.issues.stream().filter(i -> open(i.created(), i.closed(), asOf)).toList();
        out.percentiles("issues.open_age_days", open.stream().map(i -> hours(i.created(), asOf) / 24).toList(),
                "no issue was open at asOf", "mean", "p50");
        out.put("issues.awaiting_first_response", open.stream()
                .filter(i -> i.firstResponse() == null || i.firstResponse().isAfter(asOf)).count());
        Instant staleBefore = asOf.minus(Duration.ofDays(30));
        out.put("issues.stale", open.stream().filter(i -> lastActivity(i, asOf).isBefore(staleBefore)).count());
    }

    /** The issue's last activity seen at asOf (it is open then, so its close is later). */
    private static Instant lastActivity(Issue issue, Instant asOf) {
        if (!issue.lastActivity().isAfter(asOf)) {
            return issue.lastActivity();
        }
        return issue.firstResponse() != null && !issue.firstResponse().isAfter(asOf) ? issue.firstResponse() : issue.created();
    }

    private void ci(Out out, Instant from, Instant asOf) {
        List<Run> runs = sim.runs.stream().filter(r -> in(r.created(), from, asOf)).toList();
        long failures = runs.stream().filter(r -> !r.conclusion().equals("success")).count();
        out.put("ci.runs", runs.size());
        out.put("ci.failures", failures);
        out.ratio("ci.failure_rate", failures, runs.size(), "no decided runs in the window");
        out.percentiles("ci.duration_minutes", runs.stream().map(Run::minutes).toList(), "no decided runs in the window",
                "min", "p50", "p75", "p90", "p95", "max", "mean");
        Run latest = null;
        for (Run run : sim.runs) {
            if (run.defaultBranch() && run.created().isBefore(asOf)) {
                latest = run;
            }
        }
        out.put("ci.default_branch_passing", latest != null && latest.conclusion().equals("success") ? 1 : 0);
    }

    private Map<String, ContributorStats> contributors(Out out, List<Commit> commits, Instant from, Instant asOf) {
        Map<String, int[]> counts = new TreeMap<>(); // commits, prs opened, prs merged, reviews, comments
        Map<String, long[]> lines = new HashMap<>();
        Set<String> active = new TreeSet<>();
        for (Commit commit : commits) {
            counts.computeIfAbsent(commit.author(), k -> new int[5])[0]++;
            long[] sum = lines.computeIfAbsent(commit.author(), k -> new long[2]);
            sum[0] += commit.added();
            sum[1] += commit.deleted();
            active.add(commit.author());
        }
        for (Pr pr : sim.prs) {
            if (in(pr.created(), from, asOf)) {
                counts.computeIfAbsent(pr.author(), k -> new int[5])[1]++;
                active.add(pr.author());
            }
            if (pr.merged() != null && in(pr.merged(), from, asOf)) {
                counts.computeIfAbsent(pr.author(), k -> new int[5])[2]++;
            }
            for (Review review : pr.reviews()) {
                if (in(review.at(), from, asOf)) {
                    counts.computeIfAbsent(review.login(), k -> new int[5])[3]++;
                    active.add(review.login());
                }
            }
        }
        for (Comment comment : sim.comments) {
            if (in(comment.at(), from, asOf)) {
                counts.computeIfAbsent(comment.login(), k -> new int[5])[4]++;
                active.add(comment.login());
            }
        }
        for (Issue issue : sim.issues) {
            if (in(issue.created(), from, asOf)) {
                counts.computeIfAbsent(issue.author(), k -> new int[5]);
                active.add(issue.author());
            }
        }
        out.put("contributors.active", active.size());
        if (firstSnapshot) {
            out.missing().put("contributors.new", "no earlier snapshot to tell new contributors from returning ones");
        } else {
            out.put("contributors.new", active.stream().filter(login -> !seenActive.contains(login)).count());
        }
        firstSnapshot = false;
        seenActive.addAll(active);
        Map<String, Integer> ninetyDays = new HashMap<>();
        Instant since = asOf.minus(Duration.ofDays(90));
        sim.commits.stream().filter(c -> in(c.at(), since, asOf)).forEach(c -> ninetyDays.merge(c.author(), 1, Integer::sum));
        List<Integer> perAuthor = ninetyDays.values().stream().sorted((a, b) -> b - a).toList();
        int total = perAuthor.stream().mapToInt(Integer::intValue).sum();
        int covered = 0;
        int busFactor = 0;
        while (2 * covered < total) {
            covered += perAuthor.get(busFactor++);
        }
        out.put("contributors.bus_factor", busFactor);
        Map<String, ContributorStats> rows = new TreeMap<>();
        counts.forEach((login, c) -> {
            long[] sum = lines.getOrDefault(login, new long[2]);
            rows.put(login, new ContributorStats(login, c[0], c[1], c[2], c[3], c[4], sum[0], sum[1]));
        });
        return rows;
    }

    private void dora(Out out, Instant from, Instant asOf) {
        List<Deployment> all = sim.deployments;
        List<Deployment> inWindow = all.stream().filter(d -> in(d.at(), from, asOf)).toList();
        long successes = inWindow.stream().filter(d -> !d.failed()).count();
        out.put("dora.deployments", successes);
        out.put("dora.deployment_frequency_per_week", successes * 7.0 / WINDOW_DAYS);
        List<Double> leadTimes = new ArrayList<>();
        for (Map.Entry<Pr, Deployment> shipped : firstDeployment.entrySet()) {
            if (in(shipped.getValue().at(), from, asOf)) {
                leadTimes.add(hours(shipped.getKey().oldestCommit(), shipped.getValue().at()));
            }
        }
        out.percentiles("dora.lead_time_hours", leadTimes, "no merged pull request was first deployed in the window", "p50");
        long failed = inWindow.stream().filter(d -> d.failed() || causedIncident.contains(d)).count();
        out.ratio("dora.change_failure_rate", failed, inWindow.size(), "no deployment in the window");
        out.percentiles("dora.time_to_restore_hours", sim.issues.stream()
                .filter(i -> i.incident() && i.closed() != null && in(i.closed(), from, asOf))
                .map(i -> hours(i.created(), i.closed())).toList(), "no incident was closed in the window", "p50");
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    /** Open at asOf: opened at or before it, not closed at or before it. */
    private static boolean open(Instant created, Instant closed, Instant asOf) {
        return !created.isAfter(asOf) && (closed == null || closed.isAfter(asOf));
    }

    private static double hours(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 3_600_000.0;
    }
}
