package io.repovitals.metrics;

import io.repovitals.collect.Account;

import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * metrics.md §contributors.*: active and new contributors in the window, and the bus factor of the
 * default branch over {@code [asOf - 90 days, asOf)}. Pure: earlier snapshots come in as arguments.
 */
public final class ContributorMetrics implements MetricFamily {
    // Before the definitions, which quote it.
    static final int BUS_FACTOR_DAYS = 90;

    static final String TITLE = "contributors.*";
    static final String ABOUT = "A **contribution** is, by a non-bot login: authoring a commit in the `commits.*`"
            + " population (linked login only), opening a PR or issue, submitting a non-PENDING review (on any PR, one's"
            + " own included), or commenting on an issue or PR (conversation comments).\n\n"
            + "Per-contributor rows (`contributors` array of a snapshot): `login`, `commits`, `prs_opened`, `prs_merged`,"
            + " `reviews`, `comments`, `lines_added`, `lines_deleted`, each over the window; one row for every active"
            + " login and for every login with a PR merged in the window; no bot, no ghost.";
    private static final String UNFETCHED = "the pull requests, issues or commits could not be fetched, or were"
            + " fetched for a span that does not cover the window";
    private static final String BOTS = "bots and `ignore-users`";

    public static final MetricDef ACTIVE = MetricDef.count("contributors.active", "active contributors")
            .withDefinition("distinct logins with a contribution in window")
            .withExcluded(BOTS).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef NEW = MetricDef.count("contributors.new", "new contributors")
            .withDefinition("active logins not seen active in any earlier snapshot of the history (first run: any"
                    + " earlier day of the backfill)")
            .withExcluded(BOTS)
            .withMissingWhen(UNFETCHED + "; or the history has no earlier snapshot to tell new contributors from"
                    + " returning ones")
                .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef BUS_FACTOR = MetricDef.count("contributors.bus_factor", "bus factor")
            .withDefinition("the smallest number of authors whose commits make at least half of the default branch's"
                    + " non-merge, non-bot commits committed in `[asOf - " + BUS_FACTOR_DAYS + " days, asOf)`")
            .withExcluded("merge commits; commits by " + BOTS)
            .withMissingWhen("the commits could not be fetched, or were fetched for a span that does not cover"
                    + " those " + BUS_FACTOR_DAYS + " days; or no commit by a person was committed in them")
                .withBetter(MetricDef.Better.HIGHER);

    public static final List<MetricDef> DEFS = List.of(ACTIVE, NEW, BUS_FACTOR);

    private final Set<String> ignoreUsers;

    public ContributorMetrics() {
        this(Set.of());
    }

    public ContributorMetrics(Set<String> ignoreUsers) {
        this.ignoreUsers = Account.ignoreList(ignoreUsers);
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
        List<Outcome> outcomes = new ArrayList<>();
        Optional<Map<String, ContributorRows.Tally>> tallies = ContributorRows.tally(data, window, ignoreUsers);
        if (tallies.isEmpty()) {
            String reason = ContributorRows.unavailable(data, window).orElseThrow();
            outcomes.add(Outcome.missing(ACTIVE, reason));
            outcomes.add(Outcome.missing(NEW, reason));
        } else {
            List<String> active = ContributorRows.activeLogins(tallies.get());
            outcomes.add(Outcome.value(ACTIVE, active.size()));
            outcomes.add(newContributors(active, window, earlier));
        }
        outcomes.add(busFactor(data, window));
        return outcomes;
    }

    private static Outcome newContributors(List<String> active, Window window, List<Snapshot> earlier) {
        List<Snapshot> before = earlier.stream().filter(snapshot -> snapshot.asOf().isBefore(window.asOf())).toList();
        if (before.isEmpty()) {
            return Outcome.missing(NEW, "no earlier snapshot to tell new contributors from returning ones");
        }
        Set<String> seen = new HashSet<>();
        for (Snapshot snapshot : before) {
            for (ContributorStats row : snapshot.contributors()) {
                if (wasActive(row)) {
                    seen.add(row.login().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Outcome.value(NEW, active.stream().filter(login -> !seen.contains(login)).count());
    }

    /**
     * A stored row is for an active login unless its only count is a merged PR (rows also list the
     * authors of PRs merged in the window). An all-zero row is an active login whose contribution the
     * row has no column for (opening an issue).
     */
    static boolean wasActive(ContributorStats row) {
        boolean counted = row.commits() + row.prsOpened() + row.reviews() + row.comments() > 0;
        return counted || row.prsMerged() == 0;
    }

    /** The fewest authors whose non-merge, non-bot commits of [asOf - 90 days, asOf) make at least half of them. */
    private Outcome busFactor(Datasets data, Window window) {
        Window ninetyDays = new Window(window.asOf(), BUS_FACTOR_DAYS);
        Instant start = window.asOf().minus(Duration.ofDays(BUS_FACTOR_DAYS));
        Optional<String> unusable = MetricFamily.unusable(data, start, window, Commits.class);
        if (unusable.isPresent()) {
            String why = data.get(Commits.class).isEmpty() ? "" : " (the bus factor needs 90 days)";
            return Outcome.missing(BUS_FACTOR, unusable.get() + why);
        }
        Commits commits = data.get(Commits.class).orElseThrow();
        Map<String, Integer> perAuthor = new HashMap<>();
        for (Commits.Commit commit : CommitMetrics.population(commits, ninetyDays)) {
            if (!CommitMetrics.isBot(commit, ignoreUsers)) {
                perAuthor.merge(commit.authorKey(), 1, Integer::sum);
            }
        }
        int total = perAuthor.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return Outcome.missing(BUS_FACTOR, "no commit by a person on the default branch in the last 90 days");
        }
        List<Integer> counts = perAuthor.values().stream().sorted((a, b) -> b - a).toList();
        int authors = 0;
        int covered = 0;
        while (2 * covered < total) {
            covered += counts.get(authors++);
        }
        return Outcome.value(BUS_FACTOR, authors);
    }
}
