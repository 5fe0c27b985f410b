package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.RepoState;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** metrics.md §repo.*: the state of the repository at asOf. Pure: no I/O, no clock. */
public final class RepoMetrics implements MetricFamily {
    static final String TITLE = "repo.* — the repository at asOf";
    static final String ABOUT = "The state of the repository at asOf, reconstructed from the timestamps GitHub keeps;"
            + " the two `_gained` counts are over the window.";
    private static final String UNREADABLE = "the repository could not be read (the reason names the failure)";
    private static final String NO_HISTORY = "; or the day is backfilled: GitHub keeps no history of it, so only the"
            + " run's own day has a value (taken at collection time)";

    public static final MetricDef STARS = MetricDef.count("repo.stars", "stargazers").withLabel("stars")
            .withDefinition("stargazer count at asOf")
            .withMissingWhen(UNREADABLE + "; or GitHub withholds `starredAt` from the token (it shows star times to"
                    + " admins and collaborators only) and asOf is more than an hour before the collection, so the"
                    + " count at asOf cannot be reconstructed")
                .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef FORKS = MetricDef.count("repo.forks", "forks")
            .withDefinition("fork count at asOf")
            .withMissingWhen(UNREADABLE)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef WATCHERS = MetricDef.count("repo.watchers", "watchers")
            .withDefinition("watcher (subscriber) count")
            .withMissingWhen(UNREADABLE + NO_HISTORY)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef OPEN_ISSUES = MetricDef.count("repo.open_issues", "open issues")
            .withDefinition("open issues at asOf")
            .withExcluded("pull requests")
            .withMissingWhen(UNREADABLE);
    public static final MetricDef OPEN_PRS = MetricDef.count("repo.open_prs", "open pull requests").withLabel("open PRs")
            .withDefinition("open pull requests at asOf, drafts included")
            .withMissingWhen(UNREADABLE);
    public static final MetricDef BRANCHES = MetricDef.count("repo.branches", "branches")
            .withDefinition("number of branches")
            .withMissingWhen(UNREADABLE + NO_HISTORY);
    public static final MetricDef STARS_GAINED = MetricDef.count("repo.stars_gained", "stars gained")
            .withDefinition("stargazers whose `starredAt` is in window; where GitHub withholds `starredAt` from the"
                    + " token, `repo.stars` at asOf minus `repo.stars` in the history's snapshot at `asOf - windowDays`")
            .withMissingWhen(UNREADABLE + "; or GitHub withholds `starredAt` and either `repo.stars` is missing or the"
                    + " history has no snapshot with `repo.stars` at `asOf - windowDays`")
                .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef FORKS_GAINED = MetricDef.count("repo.forks_gained", "forks gained")
            .withDefinition("forks whose `createdAt` is in window")
            .withMissingWhen(UNREADABLE)
            .withBetter(MetricDef.Better.HIGHER);

    public static final List<MetricDef> DEFS = List.of(STARS, FORKS, WATCHERS, OPEN_ISSUES, OPEN_PRS, BRANCHES,
            STARS_GAINED, FORKS_GAINED);

    /**
     * Counts read this close to asOf are taken as the counts at asOf even when the changes in
     * between cannot be seen (star times withheld): a scheduled run reads them seconds after asOf.
     */
    static final Duration LIVE_TOLERANCE = Duration.ofHours(1);

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
        return from(data, RepoState.class, window, state -> compute(state, window, starsOn(earlier, window.start())));
    }

    /** repo.stars of the stored snapshot whose asOf falls on the day of {@code instant}, if there is one. */
    static OptionalLong starsOn(List<Snapshot> earlier, Instant instant) {
        String day = instant.toString().substring(0, 10);
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Snapshot snapshot = earlier.get(i);
            Number stars = snapshot.metrics().get(STARS.name());
            if (stars != null && snapshot.asOf().toString().startsWith(day)) {
                return OptionalLong.of(stars.longValue());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * @param state                 the fetched state
     * @param window                the metric window
     * @param starsAtWindowStart    {@code repo.stars} of the history's snapshot at {@code asOf - windowDays},
     *                              used only when GitHub withholds star times
     */
    public static List<Outcome> compute(RepoState state, Window window, OptionalLong starsAtWindowStart) {
        Instant asOf = window.asOf();
        if (!state.covers(window.start(), asOf)) {
            throw new IllegalArgumentException("the state covers " + state.since() + " to " + state.asOf()
                    + ", not the window " + window.start() + " to " + asOf);
        }
        List<Outcome> outcomes = new ArrayList<>();
        Optional<Long> stars = starsAt(state, asOf);
        outcomes.add(stars.<Outcome>map(count -> Outcome.value(STARS, count))
                .orElseGet(() -> Outcome.missing(STARS, state.starTimesWithheld().orElseThrow()
                        + ", so the count at " + asOf + " cannot be reconstructed")));
        outcomes.add(Outcome.value(FORKS, state.forkCount() - countAfter(state.forkTimes(), asOf)));
        outcomes.add(Outcome.value(WATCHERS, state.watcherCount()));
        outcomes.add(Outcome.value(OPEN_ISSUES, openAt(state.openIssueCount(), state.changedIssues(), asOf)));
        outcomes.add(Outcome.value(OPEN_PRS, openAt(state.openPullRequestCount(), state.changedPullRequests(), asOf)));
        outcomes.add(Outcome.value(BRANCHES, state.branchCount()));
        outcomes.add(starsGained(state, window, stars, starsAtWindowStart));
        outcomes.add(Outcome.value(FORKS_GAINED, state.forkTimes().stream().filter(window::contains).count()));
        return outcomes;
    }

    private static Optional<Long> starsAt(RepoState state, Instant asOf) {
        if (state.starTimes().isPresent()) {
            return Optional.of(state.stargazerCount() - countAfter(state.starTimes().get(), asOf));
        }
        boolean live = !state.fetchedAt().isAfter(asOf.plus(LIVE_TOLERANCE));
        // Without star times the count now is the count at asOf only when asOf is (nearly) now.
        return live ? Optional.of(state.stargazerCount()) : Optional.empty();
    }

    private static Outcome starsGained(RepoState state, Window window, Optional<Long> stars, OptionalLong previous) {
        if (state.starTimes().isPresent()) {
            return Outcome.value(STARS_GAINED, state.starTimes().get().stream().filter(window::contains).count());
        }
        if (stars.isPresent() && previous.isPresent()) {
            return Outcome.value(STARS_GAINED, stars.get() - previous.getAsLong());
        }
        return Outcome.missing(STARS_GAINED, state.starTimesWithheld().orElseThrow()
                + " and the history has no repo.stars at " + window.start().toString().substring(0, 10));
    }

    private static long countAfter(List<Instant> times, Instant asOf) {
        return times.stream().filter(time -> time.isAfter(asOf)).count();
    }

    private static long openAt(long openNow, List<RepoState.TrackedItem> changed, Instant asOf) {
        long openNowAmongChanged = changed.stream().filter(RepoState.TrackedItem::openNow).count();
        long openThenAmongChanged = changed.stream().filter(item -> item.openAt(asOf)).count();
        return openNow - openNowAmongChanged + openThenAmongChanged;
    }
}
