package io.repovitals.metrics;

import io.repovitals.collect.Account;

import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.model.MetricDef;
import io.repovitals.model.MetricDef.Unit;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * metrics.md §commits.* and §code.*: commits of the default branch committed in the window, merge
 * commits (two or more parents) left out. Bots count in every metric but the author ones. Pure.
 */
public final class CommitMetrics implements MetricFamily {
    // Before the definitions, which quote it.
    static final Pattern HOTFIX_LINE = Pattern.compile("(?i)\\bhot[- ]?fix");

    static final String TITLE = "commits.* and code.* — the default branch";
    static final String ABOUT = "Population: commits reachable from the default branch's current head whose"
            + " **committed date** is in window, **merge commits (two or more parents) excluded**. Bots count in"
            + " every metric but the two about authors.";
    private static final String UNFETCHED = "the commits could not be fetched, or were fetched for a span that does"
            + " not cover the window";
    private static final String MERGES = "merge commits";
    private static final String MERGES_AND_BOTS = "merge commits; commits by bots and `ignore-users`";

    public static final MetricDef COUNT = MetricDef.count("commits.count", "commits to the default branch").withLabel("commits")
            .withDefinition("number of commits in the population")
            .withExcluded(MERGES).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef AUTHORS = MetricDef.count("commits.authors", "distinct commit authors")
            .withDefinition("distinct non-bot authors (GitHub login when linked, else lower-cased author e-mail)")
            .withExcluded(MERGES_AND_BOTS).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef PER_AUTHOR = new MetricDef("commits.per_author", Unit.NUMBER, "commits per author")
            .withDefinition("non-bot commits in the population / `commits.authors`")
            .withExcluded(MERGES_AND_BOTS)
            .withMissingWhen(UNFETCHED + "; or no commit in the window is by a person (`commits.authors` is 0)");
    public static final MetricDef HOTFIX = MetricDef.count("commits.hotfix", "hotfix commits")
            .withDefinition("commits whose message's first line matches `" + HOTFIX_LINE.pattern() + "`")
            .withExcluded(MERGES).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef REVERTS = MetricDef.count("commits.reverts", "revert commits")
            .withDefinition("commits whose first line starts with `Revert \"` or whose message contains"
                    + " `This reverts commit`")
            .withExcluded(MERGES).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef LINES_ADDED = MetricDef.count("code.lines_added", "lines added")
            .withDefinition("sum of additions over the population")
            .withExcluded(MERGES).withMissingWhen(UNFETCHED);
    public static final MetricDef LINES_DELETED = MetricDef.count("code.lines_deleted", "lines deleted")
            .withDefinition("sum of deletions over the population")
            .withExcluded(MERGES).withMissingWhen(UNFETCHED);
    public static final MetricDef FILES_CHANGED = MetricDef.count("code.files_changed", "distinct files changed")
            .withDefinition("distinct file paths changed by the population")
            .withExcluded(MERGES)
            .withMissingWhen(UNFETCHED + "; or the commits came from the GitHub API, which has no per-commit file list"
                    + " (the reason says so)");

    public static final List<MetricDef> DEFS = List.of(COUNT, AUTHORS, PER_AUTHOR, HOTFIX, REVERTS,
            LINES_ADDED, LINES_DELETED, FILES_CHANGED);

    private final Set<String> ignoreUsers;

    public CommitMetrics() {
        this(Set.of());
    }

    public CommitMetrics(Set<String> ignoreUsers) {
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
        return from(data, Commits.class, window, commits -> compute(commits, window));
    }

    private List<Outcome> compute(Commits commits, Window window) {
        List<Commits.Commit> population = population(commits, window);
        List<Commits.Commit> human = population.stream().filter(commit -> !isBot(commit, ignoreUsers)).toList();
        Set<String> authors = human.stream().map(Commits.Commit::authorKey).collect(Collectors.toSet());

        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(Outcome.value(COUNT, population.size()));
        outcomes.add(Outcome.value(AUTHORS, authors.size()));
        outcomes.add(Stats.ratio(PER_AUTHOR, human.size(), authors.size(), "no commit by a person in the window"));
        outcomes.add(Outcome.value(HOTFIX, population.stream().filter(c -> HOTFIX_LINE.matcher(c.headline()).find()).count()));
        outcomes.add(Outcome.value(REVERTS, population.stream().filter(CommitMetrics::isRevert).count()));
        outcomes.add(Outcome.value(LINES_ADDED, population.stream().mapToLong(Commits.Commit::additions).sum()));
        outcomes.add(Outcome.value(LINES_DELETED, population.stream().mapToLong(Commits.Commit::deletions).sum()));
        if (commits.pathsUnavailable().isPresent()) {
            outcomes.add(Outcome.missing(FILES_CHANGED, commits.pathsUnavailable().get()));
        } else {
            Set<String> paths = new HashSet<>();
            population.forEach(commit -> paths.addAll(commit.paths().orElseThrow()));
            outcomes.add(Outcome.value(FILES_CHANGED, paths.size()));
        }
        return outcomes;
    }

    /** metrics.md: committed in the window, merge commits left out. */
    static List<Commits.Commit> population(Commits commits, Window window) {
        return commits.items().stream().filter(commit -> !commit.merge() && window.contains(commit.committedDate())).toList();
    }

    static boolean isBot(Commits.Commit commit, Set<String> ignoreUsersLowerCase) {
        return commit.bot() || commit.login() != null && ignoreUsersLowerCase.contains(commit.login().toLowerCase(Locale.ROOT));
    }

    static boolean isRevert(Commits.Commit commit) {
        return commit.headline().startsWith("Revert \"") || commit.revertMarker();
    }
}
