package io.repovitals.pipeline;

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

import java.util.ArrayList;
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
     * One repository's snapshots (rebuilt past days, then the run's own day) and what to say about them.
     *
     * @param filledDays how many of {@code days} fill days skipped since the last stored snapshot (0 on a
     *                   first run, whose rebuilt days are its backfill)
     */
    record Collected(List<Snapshot> days, List<String> notes, List<WaitingPr> waiting, int filledDays) {
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
        return RepositoryPool.collectAll(repositories, CONCURRENCY, repo -> {
            History history = histories.getOrDefault(repo, History.empty(repo));
            return one(repo, history, rebuild ? daysToRebuild(context.settings(), history) : 0);
        }, context.log());
    }

    private Collected one(RepoRef repo, History history, int rebuiltDays) {
        Settings settings = context.settings();
        // One fetch covers every rebuilt day: a longer range costs only the extra items it holds.
        List<Window> windows = DaySnapshots.windows(settings.collection().asOf(), rebuiltDays,
                settings.collection().windowDays());
        long started = context.ticker().nanos();
        try (RequestCounter.Tally cost = github.requests().tally()) {
            RepositoryCollector collector = new RepositoryCollector(context.clock(), context.ticker(),
                    settings.environment().workspace(), gitFetch(), settings.collection().doraSource(), settings.collection().doraEnvironment());
            Datasets data = collector.fetch(github, repo, CollectionRange.of(windows));
            List<MetricFamily> families = MetricCatalog.families(settings.collection().ignoreUsers(), settings.collection().staleDays(),
                    settings.collection().incidentLabels());
            CollectionStats stats = new CollectionStats(cost.requests(), cost.graphqlCost(),
                    context.ticker().since(started).toMillis(), data.partialReason().isPresent(),
                    collector.gitBytes(), collector.gitMillis());
            List<Snapshot> days = DaySnapshots.compute(repo, data, windows, families, settings.collection().ignoreUsers(),
                    history.snapshots(), stats);
            Snapshot own = days.get(days.size() - 1);
            List<String> notes = new ArrayList<>();
            notes.add(own.metrics().size() + " metrics, " + own.missing().size() + " missing, " + cost.requests()
                    + " requests" + (collector.gitBytes() > 0 ? ", " + collector.gitBytes() + " bytes fetched over git" : "")
                    + (days.size() > 1 ? ", " + (days.size() - 1) + (history.isEmpty() ? " days backfilled"
                    : " skipped days filled") : ""));
            data.partialReason().ifPresent(reason -> notes.add("warning:partial snapshot: " + reason));
            own.missing().forEach((name, reason) -> notes.add("warning:" + name + " missing: " + reason));
            List<WaitingPr> waiting = data.get(PullRequests.class)
                    .map(pulls -> WaitingPrs.longest(repo, pulls, settings.collection().asOf(), settings.collection().ignoreUsers(),
                            ReportRendering.WAITING_PRS_SHOWN))
                    .orElse(null);
            return new Collected(days, notes, waiting, history.isEmpty() ? 0 : days.size() - 1);
        }
    }

    /** The history over git smart HTTP from GITHUB_SERVER_URL with the run's token, when no clone serves it. */
    private GitFetch gitFetch() {
        Settings settings = context.settings();
        return new GitFetch(settings.environment().serverUrl(), settings.token(), settings.collection().gitFetchMaxBytes());
    }
}
