package io.repovitals.bench;

import io.repovitals.TestClients;
import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.GitUploadServer;
import io.repovitals.collect.Deployments;
import io.repovitals.collect.GitFetch;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepoState;
import io.repovitals.collect.RepositoryCollector;
import io.repovitals.collect.WorkflowRuns;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;

import org.eclipse.jgit.lib.Repository;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The collection benchmark of issue 3: {@link RepositoryCollector#fetch} against {@link FakeGitHub}
 * (50 ms per request) serving a {@link RepoModel} of about 100, 1,000 and 10,000 PRs per 90 days, for a
 * weekly run and for a first run with a 90-day backfill. Prints the requests made, the lower bound, their
 * ratio, wall seconds and peak heap, then the same per collection, then a check that the collectors got
 * exactly the items the model says they should. Each run is made three ways (issue 13): commits from the API,
 * from a clone in the workspace ({@link BenchRepository}), and fetched over git smart HTTP from a
 * {@link GitUploadServer} serving that repository (no latency added there); git MB and seconds are what the
 * fetch received and took. Not a test: it judges nothing.
 * <p>Usage: {@code bench/collect.sh [sizes...]} (default 100 1000 10000).
 *
 * <p>The lower bound is the sum over collections of ceil(items / 100), at least 1 per list that must be
 * asked at all, counting what a run on real GitHub must fetch for {@code [since, asOf]}, once:
 * <ul>
 * <li>stars starred and forks created since {@code since} (the repository's counts ride on their first page);</li>
 * <li>pull requests: the open ones plus those updated since {@code since}, with their open/close events riding
 *     along, plus those merged since the last successful production deployment before {@code since} when a
 *     success lies in range (dora.lead_time_hours.p50); plus, per PR, ceil(n / 100) - 1 more for its longest
 *     nested list (reviews, comments, commits);</li>
 * <li>issues: the open ones plus those updated since {@code since}; plus ceil(n / 100) - 1 for comments or labels;</li>
 * <li>commits of the default branch committed in {@code [min(since, firstWindowAsOf - 90 days), asOf]};</li>
 * <li>workflow runs created in {@code [since, asOf]}, plus 1 when none of them is a decided default-branch run
 *     before {@code firstWindowAsOf} (then the one before {@code since} must be looked up);</li>
 * <li>production deployments created in {@code [since - 7 days, asOf]} (the collector's lookback), or, when a
 *     success lies in range, from 7 days before the last success before {@code since} (90 days before
 *     {@code since} without one), with their statuses: GraphQL's {@code Deployment.statuses} nests them, so they
 *     cost no request of their own;</li>
 * <li>traffic: views and clones, 1 each.</li>
 * </ul>
 */
public final class CollectionBenchmark {
    static final Instant AS_OF = Instant.parse("2026-11-23T00:00:00Z");
    static final long LATENCY_MS = 50;
    static final String TOKEN = "ghs_bench000000000000000000000000000000";
    static final Duration LOOKBACK = Duration.ofDays(7);
    static final Duration HORIZON = Duration.ofDays(90);
    static final List<String> COLLECTIONS = List.of("repo state", "pull requests", "issues", "commits",
            "workflow runs", "deployments", "traffic");

    private CollectionBenchmark() {}

    /** Where the commits come from: the API (no clone, git-fetch-max-mb 0), a clone in the workspace, a git fetch. */
    enum CommitsFrom {
        API("API"), CLONE("clone"), FETCH("git fetch");

        final String label;

        CommitsFrom(String label) {
            this.label = label;
        }
    }

    record Result(int size, String run, CommitsFrom from, int requests, Map<String, Integer> perCollection,
                  Map<String, Integer> bound, double seconds, long gitBytes, double gitSeconds, long peakHeapMb,
                  List<String> checks) {
        int lowerBound() {
            return bound.values().stream().mapToInt(Integer::intValue).sum();
        }

        double ratio() {
            return (double) requests / lowerBound();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000, 10000);
        }
        System.out.printf(Locale.ROOT, "asOf %s, %d ms per request, java %s, max heap %d MB%n", AS_OF, LATENCY_MS,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            long start = System.nanoTime();
            RepoModel model = new RepoModel(size, AS_OF, 42L + size);
            System.out.printf(Locale.ROOT, "size %d: %d PRs (%d open), %d issues (%d open), %d commits, %d runs, "
                            + "%d deployments, %d stars, %d forks over %d days; %d objects generated in %.1f s%n",
                    size, model.prs.size(), model.openPrs(), model.issues.size(), model.openIssues(), model.commits.size(),
                    model.runs.size(), model.deployments.size(), model.stars.size(), model.forks.size(), RepoModel.SPAN,
                    model.objects(), (System.nanoTime() - start) / 1e9);
            Path workspace = Files.createTempDirectory("repo-vitals-bench-clone-");
            start = System.nanoTime();
            try (Repository git = BenchRepository.build(model, workspace);
                 FakeGitHub fake = new FakeGitHub(model, LATENCY_MS);
                 GitUploadServer server = new GitUploadServer(git, RepoModel.OWNER + "/" + RepoModel.NAME, TOKEN,
                         GitUploadServer.Mode.ACCEPT)) {
                System.out.printf(Locale.ROOT, "size %d: git repository of %d commits written in %.1f s%n", size,
                        model.commits.size(), (System.nanoTime() - start) / 1e9);
                Instant weeklySince = AS_OF.minus(Duration.ofDays(7));
                Instant firstWindowAsOf = AS_OF.minus(Duration.ofDays(90));
                for (CommitsFrom from : CommitsFrom.values()) {
                    Sources sources = new Sources(from, workspace, URI.create(server.serverUrl()));
                    results.add(run(fake, model, "weekly", weeklySince, AS_OF, sources));
                    results.add(run(fake, model, "first run, 90-day backfill", firstWindowAsOf.minus(Duration.ofDays(7)),
                            firstWindowAsOf, sources));
                }
            } finally {
                org.eclipse.jgit.util.FileUtils.delete(workspace.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
            }
        }
        print(results);
    }

    /** The workspace clone and the git server of one size, used as {@code from} says. */
    record Sources(CommitsFrom from, Path cloneDir, URI gitServer) {
        Optional<Path> workspace() {
            return from == CommitsFrom.CLONE ? Optional.of(cloneDir) : Optional.empty();
        }

        GitFetch gitFetch() {
            return from == CommitsFrom.FETCH ? new GitFetch(gitServer, Optional.of(Secret.of(TOKEN)), 200L << 20) : GitFetch.NEVER;
        }
    }

    private static Result run(FakeGitHub fake, RepoModel model, String name, Instant since, Instant firstWindowAsOf,
                              Sources sources) {
        GitHubClients github = TestClients.create(fake.api(), fake.graphql(), Secret.of(TOKEN));
        // The system ticker, so that the git fetch's seconds are measured.
        RepositoryCollector collector = new RepositoryCollector(Clock.fixed(AS_OF, ZoneOffset.UTC), System::nanoTime,
                sources.workspace(), sources.gitFetch(),
                new DoraSource.Deployments(), "production");
        RepoRef repo = RepoRef.parse(RepoModel.OWNER + "/" + RepoModel.NAME);
        fake.reset();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Datasets data = collector.fetch(github, repo, new io.repovitals.collect.CollectionRange(since, firstWindowAsOf, AS_OF));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        Map<String, Integer> served = fake.counts();
        int requests = github.requests().total();
        int servedTotal = served.entrySet().stream().filter(e -> !e.getKey().startsWith("detail"))
                .mapToInt(Map.Entry::getValue).sum();
        List<String> checks = new ArrayList<>();
        if (servedTotal != requests) {
            checks.add("the client counted " + requests + " requests, the fake served " + servedTotal);
        }
        Expected expected = new Expected(model, since, firstWindowAsOf);
        checks.addAll(expected.check(data));
        data.get(Commits.class).filter(commits -> !commits.source().startsWith(expectedSource(sources.from())))
                .ifPresent(commits -> checks.add("commits came from " + commits.source()));
        Map<String, Integer> bound = expected.bound();
        if (sources.from() != CommitsFrom.API) {
            bound.put("commits", 0); // git serves them: no request needed
        }
        Result result = new Result(model.prsPer90Days, name, sources.from(), requests, perCollection(served), bound,
                seconds, collector.gitBytes(), collector.gitMillis() / 1000.0, peak >> 20, checks);
        System.out.printf(Locale.ROOT, "  %-27s %-9s %5d requests, bound %5d, %6.2f s, git %.2f MB in %.2f s; served %s%n",
                name, sources.from().label, requests, result.lowerBound(), seconds, result.gitBytes() / 1e6,
                result.gitSeconds(), served);
        data.get(PullRequests.class).ifPresent(pulls -> System.out.printf(Locale.ROOT,
                "  %-27s merged PRs from %s (since %s): %d of %d PRs were updated before since%n", "", pulls.mergedSince(),
                pulls.since(), pulls.items().stream().filter(pr -> pr.updatedAt().isBefore(pulls.since()) && pr.closedAt() != null).count(),
                pulls.items().size()));
        return result;
    }

    private static String expectedSource(CommitsFrom from) {
        return switch (from) {
            case API -> "GitHub API";
            case CLONE -> "workspace clone";
            case FETCH -> "git fetch";
        };
    }

    private static Map<String, Integer> perCollection(Map<String, Integer> served) {
        Map<String, Integer> grouped = new LinkedHashMap<>();
        COLLECTIONS.forEach(collection -> grouped.put(collection, 0));
        served.forEach((what, count) -> {
            if (!what.startsWith("detail")) {
                grouped.merge(collection(what), count, Integer::sum);
            }
        });
        return grouped;
    }

    private static String collection(String served) {
        return switch (served) {
            case "graphql RepoState", "graphql RepoStateEvents" -> "repo state";
            case "graphql PullRequests", "graphql PullRequestMore" -> "pull requests";
            case "graphql Issues", "graphql IssueMore" -> "issues";
            case "graphql Commits" -> "commits";
            case "rest runs", "rest runs (anchor)" -> "workflow runs";
            case "graphql Deployments", "graphql DeploymentStatuses" -> "deployments";
            case "rest traffic" -> "traffic";
            default -> "other: " + served;
        };
    }

    /** What a run for {@code [since, asOf]} must fetch, from the model; and whether the collectors got it. */
    private static final class Expected {
        final List<RepoModel.Pr> prs;
        final List<RepoModel.Issue> issues;
        final List<RepoModel.Commit> commits;
        final List<RepoModel.Run> runs;
        final List<RepoModel.Deployment> deployments;
        final long decided;
        final long stars;
        final long forks;
        final boolean anchorNeeded;

        Expected(RepoModel model, Instant since, Instant firstWindowAsOf) {
            List<RepoModel.Deployment> production = model.deployments.stream()
                    .filter(d -> d.environment().equals("production")).toList();
            List<RepoModel.Status> deciding = production.stream().map(d -> decidingStatus(d, model.asOf))
                    .flatMap(Optional::stream).toList();
            // dora.lead_time_hours.p50: when a success is in range, the last success before since (the anchor)
            // and every PR merged since then; the anchor is the latest only once the deployments created up to
            // the lookback before it are read (the collectors' assumption: decided within the lookback).
            boolean deployedInRange = deciding.stream().anyMatch(st -> st.state().equals("success") && !st.at().isBefore(since));
            Optional<Instant> anchor = deciding.stream().filter(st -> st.state().equals("success") && st.at().isBefore(since))
                    .map(RepoModel.Status::at).max(Instant::compareTo).filter(at -> deployedInRange);
            Instant coveredFrom = anchor.orElse(since);
            Instant deploymentsFrom = !deployedInRange ? since.minus(LOOKBACK)
                    : anchor.map(at -> at.minus(LOOKBACK)).orElse(since.minus(HORIZON));
            prs = model.prs.stream().filter(pr -> pr.open() || !pr.updated.isBefore(since)
                    || pr.mergedAt != null && !pr.mergedAt.isBefore(coveredFrom)).toList();
            issues = model.issues.stream().filter(issue -> issue.open() || !issue.updated.isBefore(since)).toList();
            Instant commitsSince = since.isBefore(firstWindowAsOf.minus(Duration.ofDays(90)))
                    ? since : firstWindowAsOf.minus(Duration.ofDays(90));
            commits = model.commits.stream().filter(c -> !c.committed().isBefore(commitsSince)).toList();
            runs = model.runs.stream().filter(run -> !run.created().isBefore(since)).toList();
            deployments = production.stream().filter(d -> !d.created().isBefore(deploymentsFrom)).toList();
            // decided in [coveredFrom, asOf]: the newest status that is not inactive is success, failure or error
            decided = deciding.stream().filter(status -> !status.at().isBefore(coveredFrom)).count();
            stars = model.stars.stream().filter(at -> !at.isBefore(since)).count();
            forks = model.forks.stream().filter(at -> !at.isBefore(since)).count();
            anchorNeeded = runs.stream().noneMatch(run -> run.status().equals("completed")
                    && List.of("success", "failure").contains(run.conclusion())
                    && run.headBranch().equals(RepoModel.BRANCH) && run.created().isBefore(firstWindowAsOf));
        }

        Map<String, Integer> bound() {
            Map<String, Integer> bound = new LinkedHashMap<>();
            bound.put("repo state", pages(stars) + pages(forks));
            bound.put("pull requests", pages(prs.size()) + overflow(prs, pr -> max(pr.reviews.size(), pr.comments.size(), pr.commits.size())));
            bound.put("issues", pages(issues.size()) + overflow(issues, issue -> max(issue.comments.size(), issue.labels.size(), 0)));
            bound.put("commits", pages(commits.size()));
            bound.put("workflow runs", pages(runs.size()) + (anchorNeeded ? 1 : 0));
            bound.put("deployments", pages(deployments.size()));
            bound.put("traffic", 2);
            return bound;
        }

        static int pages(long items) {
            return (int) Math.max(1, (items + 99) / 100);
        }

        static <T> int overflow(List<T> items, ToIntFunction<T> longest) {
            int extra = 0;
            for (T item : items) {
                extra += Math.max(0, (longest.applyAsInt(item) + 99) / 100 - 1);
            }
            return extra;
        }

        static int max(int a, int b, int c) {
            return Math.max(a, Math.max(b, c));
        }

        List<String> check(Datasets data) {
            List<String> problems = new ArrayList<>();
            Optional<PullRequests> pulls = data.get(PullRequests.class);
            if (pulls.isEmpty()) {
                problems.add("pull requests absent: " + data.absentReason(PullRequests.class));
            } else {
                same(problems, "pull requests", prs.size(), pulls.get().items().size());
                same(problems, "PR reviews", prs.stream().mapToInt(pr -> pr.reviews.size()).sum(),
                        pulls.get().items().stream().mapToInt(pr -> pr.reviews().size()).sum());
                same(problems, "PR comments", prs.stream().mapToInt(pr -> pr.comments.size()).sum(),
                        pulls.get().items().stream().mapToInt(pr -> pr.comments().size()).sum());
            }
            Optional<Issues> issued = data.get(Issues.class);
            if (issued.isEmpty()) {
                problems.add("issues absent: " + data.absentReason(Issues.class));
            } else {
                same(problems, "issues", issues.size(), issued.get().items().size());
                same(problems, "issue comments", issues.stream().mapToInt(issue -> issue.comments.size()).sum(),
                        issued.get().items().stream().mapToInt(issue -> issue.comments().size()).sum());
                same(problems, "issue labels", issues.stream().mapToInt(issue -> issue.labels.size()).sum(),
                        issued.get().items().stream().mapToInt(issue -> issue.labels().size()).sum());
            }
            data.get(Commits.class).ifPresentOrElse(got -> same(problems, "commits", commits.size(), got.items().size()),
                    () -> problems.add("commits absent: " + data.absentReason(Commits.class)));
            data.get(WorkflowRuns.class).ifPresentOrElse(got -> same(problems, "workflow runs", runs.size(), got.runs().size()),
                    () -> problems.add("workflow runs absent: " + data.absentReason(WorkflowRuns.class)));
            data.get(RepoState.class).ifPresentOrElse(got -> {
                same(problems, "stars since", stars, got.starTimes().map(times -> since(times, got.since())).orElse(-1L));
                same(problems, "forks since", forks, since(got.forkTimes(), got.since()));
            }, () -> problems.add("repo state absent"));
            data.get(Deployments.class).ifPresentOrElse(got -> same(problems, "deployments decided", decided, got.items().size()),
                    () -> problems.add("deployments absent: " + data.absentReason(Deployments.class)));
            return problems;
        }

        /** The newest status at or before asOf that is not inactive, when it is success, failure or error. */
        static Optional<RepoModel.Status> decidingStatus(RepoModel.Deployment deployment, Instant asOf) {
            return deployment.statusesNewestFirst().stream()
                    .filter(status -> !status.state().equals("inactive") && !status.at().isAfter(asOf)).findFirst()
                    .filter(status -> List.of("success", "failure", "error").contains(status.state()));
        }

        private static long since(List<Instant> times, Instant since) {
            return times.stream().filter(at -> !at.isBefore(since)).count();
        }

        private static void same(List<String> problems, String what, long expected, long got) {
            if (expected != got) {
                problems.add(what + ": expected " + expected + ", collected " + got);
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| size (PRs) | run | commits from | requests | lower bound | ratio | wall s | git MB | git s | peak heap MB |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %d | %d | %.2f | %.1f | %.2f | %.2f | %d |%n", r.size(), r.run(),
                    r.from().label, r.requests(), r.lowerBound(), r.ratio(), r.seconds(), r.gitBytes() / 1e6, r.gitSeconds(),
                    r.peakHeapMb());
        }
        System.out.println();
        System.out.println("Requests / lower bound per collection:");
        System.out.println();
        StringBuilder header = new StringBuilder("| size | run |");
        StringBuilder rule = new StringBuilder("|---:|---|");
        for (String collection : COLLECTIONS) {
            header.append(' ').append(collection).append(" |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Result r : results) {
            StringBuilder row = new StringBuilder("| " + r.size() + " | " + r.run() + ", " + r.from().label + " |");
            for (String collection : COLLECTIONS) {
                row.append(' ').append(r.perCollection().getOrDefault(collection, 0)).append(" / ")
                        .append(r.bound().get(collection)).append(" |");
            }
            r.perCollection().keySet().stream().filter(key -> !COLLECTIONS.contains(key))
                    .forEach(key -> row.append(' ').append(key).append(": ").append(r.perCollection().get(key)));
            System.out.println(row);
        }
        System.out.println();
        boolean clean = true;
        for (Result r : results) {
            for (String problem : r.checks()) {
                System.out.println("CHECK " + r.size() + " " + r.run() + " " + r.from().label + ": " + problem);
                clean = false;
            }
        }
        if (clean) {
            System.out.println("Check: every run collected exactly the PRs, reviews, comments, issues, labels, commits,"
                    + " runs, stars, forks and decided deployments the model holds for its range.");
        }
    }
}
