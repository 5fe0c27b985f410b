package io.repovitals.pipeline;

import io.repovitals.collect.BatchedCollector;
import io.repovitals.collect.BatchedRepository;
import io.repovitals.collect.CollectionRange;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.GitFetch;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepositoryCollector;
import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestCounter;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.render.WaitingPr;
import io.repovitals.snapshot.DaySnapshots;
import io.repovitals.store.History;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collect step that {@code collect} and {@code run} share: which repositories, and for each one
 * fetch, from the one fetch its daily snapshots (the run's day, plus the rebuilt past days: the
 * backfill on a first run, the days skipped since the last stored snapshot otherwise), and what to
 * log about them.
 */
final class Collection {
    /** Repositories collected at once: enough to hide latency, few enough for GitHub's secondary limits. */
    static final int CONCURRENCY = 4;

    private final RunContext context;
    private final GitHubClients github;

    Collection(RunContext context, GitHubClients github) {
        this.context = context;
        this.github = github;
    }

    /**
     * One repository's snapshots (rebuilt past days, then the run's own day) and what to say about them: a
     * summary line, detail lines, and its gaps (one per kind, for {@link GapDigest}).
     *
     * @param filledDays how many of {@code days} fill days skipped since the last stored snapshot (0 on a
     *                   first run, whose rebuilt days are its backfill)
     */
    record Collected(List<Snapshot> days, String summary, List<String> notes, List<GapDigest.Gap> gaps,
                     List<WaitingPr> waiting, int filledDays) {
        Snapshot ownDay() {
            return days.get(days.size() - 1);
        }
    }

    /** The past days a run rebuilds for a repository with this stored history (CollectionRange.daysToRebuild). */
    static int daysToRebuild(Settings settings, History history) {
        return CollectionRange.daysToRebuild(history.latest().map(History::day), settings.collection().asOf(),
                settings.collection().backfillDays());
    }

    /** The selected repositories (named, of the organisations, of this shard), logged; none is a config error. */
    List<RepoRef> repositories() {
        Settings settings = context.settings();
        List<RepoRef> repositories = RepositorySelection.resolve(settings, github);
        if (repositories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), "",
                    "at least one owner/name (set repositories or organizations, or run inside Actions)");
        }
        context.log().info("collecting " + repositories.size() + (repositories.size() == 1 ? " repository" : " repositories")
                + (settings.selection().shard().count() > 1 ? " (shard " + settings.selection().shard() + ")" : ""));
        return repositories;
    }

    /**
     * Every repository, {@link #CONCURRENCY} at a time, in name order.
     *
     * @param histories each repository's stored history: when {@code rebuild} is set, an empty one gets the
     *                  backfill and the days skipped since a stored one's latest day are filled in
     */
    List<Collected> all(List<RepoRef> repositories, Map<RepoRef, History> histories, boolean rebuild) {
        Settings settings = context.settings();
        Map<RepoRef, List<Window>> windows = new LinkedHashMap<>();
        Map<RepoRef, CollectionRange> ranges = new LinkedHashMap<>();
        for (RepoRef repo : repositories) {
            History history = histories.getOrDefault(repo, History.empty(repo));
            // One fetch covers every rebuilt day: a longer range costs only the extra items it holds.
            List<Window> repoWindows = DaySnapshots.windows(settings.collection().asOf(),
                    rebuild ? daysToRebuild(settings, history) : 0, settings.collection().windowDays());
            windows.put(repo, repoWindows);
            ranges.put(repo, CollectionRange.of(repoWindows));
        }
        boolean commitsFromApi = settings.environment().workspace().isEmpty() && !gitFetch().enabled();
        BatchPlan plan = BatchPlan.make(github, context.clock(), ranges, settings.collection().doraEnvironment(),
                settings.collection().doraSource(), commitsFromApi, context.log());
        GapDigest gaps = new GapDigest();
        List<Collected> collected = RepositoryPool.collectAll(repositories, CONCURRENCY, repo -> {
            History history = histories.getOrDefault(repo, History.empty(repo));
            return one(repo, history, windows.get(repo), plan.get(repo));
        }, gaps, context.log());
        gaps.annotate(context.log());
        return collected;
    }

    private Collected one(RepoRef repo, History history, List<Window> windows, BatchedRepository batched) {
        Settings settings = context.settings();
        long started = context.ticker().nanos();
        try (RequestCounter.Tally cost = github.requests().tally()) {
            Datasets data;
            long gitBytes;
            long gitMillis;
            String how = "";
            if (batched == null) {
                RepositoryCollector collector = new RepositoryCollector(context.clock(), context.ticker(),
                        settings.environment().workspace(), gitFetch(), settings.collection().doraSource(), settings.collection().doraEnvironment());
                data = collector.fetch(github, repo, CollectionRange.of(windows));
                gitBytes = collector.gitBytes();
                gitMillis = collector.gitMillis();
            } else {
                BatchedCollector collector = new BatchedCollector(context.clock(), context.ticker(),
                        settings.environment().workspace(), gitFetch(), settings.collection().doraSource(), settings.collection().doraEnvironment());
                BatchedCollector.Collected result = collector.fetch(github, repo, CollectionRange.of(windows), batched);
                data = result.data();
                gitBytes = collector.gitBytes();
                gitMillis = collector.gitMillis();
                how = result.quiet() ? "quiet (from the batch alone), " : "active (collected: " + String.join(", ", result.collected()) + "), ";
                how += batched.archived() ? "archived, " : "";
                how += batched.fork() ? "fork, " : "";
                how += batched.defaultBranch().isEmpty() ? "empty, " : "";
            }
            List<MetricFamily> families = MetricCatalog.families(settings.collection().ignoreUsers(), settings.collection().staleDays(),
                    settings.collection().incidentLabels());
            CollectionStats stats = new CollectionStats(cost.requests(), cost.graphqlCost(),
                    context.ticker().since(started).toMillis(), data.partialReason().isPresent(), gitBytes, gitMillis);
            List<Snapshot> days = DaySnapshots.compute(repo, data, windows, families, settings.collection().ignoreUsers(),
                    history.snapshots(), stats);
            Snapshot own = days.get(days.size() - 1);
            String summary = how + own.metrics().size() + " metrics, " + own.missing().size() + " missing, " + cost.requests()
                    + " requests" + (gitBytes > 0 ? ", " + gitBytes + " bytes fetched over git" : "")
                    + (days.size() > 1 ? ", " + (days.size() - 1) + (history.isEmpty() ? " days backfilled"
                    : " skipped days filled") : "");
            List<GapDigest.Gap> gaps = GapDigest.of(repo, own.missing(), data.partialReason().orElse(null));
            List<String> notes = gaps.stream().map(GapDigest.Gap::line).toList();
            List<WaitingPr> waiting = data.get(PullRequests.class)
                    .map(pulls -> WaitingPrs.longest(repo, pulls, settings.collection().asOf(), settings.collection().ignoreUsers(),
                            ReportRendering.WAITING_PRS_SHOWN, settings.environment().serverUrl().toString()))
                    .orElse(null);
            return new Collected(days, summary, notes, gaps, waiting, history.isEmpty() ? 0 : days.size() - 1);
        }
    }

    /** The history over git smart HTTP from GITHUB_SERVER_URL with the run's token, when no clone serves it. */
    private GitFetch gitFetch() {
        Settings settings = context.settings();
        return new GitFetch(settings.environment().serverUrl(), settings.token(), settings.collection().gitFetchMaxBytes());
    }
}
