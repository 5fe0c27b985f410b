package io.repovitals.metrics;

import io.repovitals.collect.Account;
import io.repovitals.collect.Comment;
import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * metrics.md §contributors.*: the contributions of each non-bot login in a window, and the
 * snapshot's per-contributor rows (one for every active login and every login with a PR merged in
 * the window; no bot, no ghost). A contribution is authoring a commit of the {@code commits.*}
 * population (linked login only), opening a PR or issue, submitting a non-PENDING review (on any
 * PR, one's own included), or a conversation comment on an issue or PR. Logins match whatever their
 * case; a row shows GitHub's spelling (the API's), else the one of the no-reply address. Pure.
 */
public final class ContributorRows {
    private ContributorRows() {}

    /** The rows, sorted by login; empty when pull requests, issues or commits are absent or do not cover the window. */
    public static List<ContributorStats> compute(Datasets data, Window window) {
        return compute(data, window, Set.of());
    }

    public static List<ContributorStats> compute(Datasets data, Window window, Set<String> ignoreUsers) {
        return tally(data, window, ignoreUsers).map(tallies -> tallies.values().stream()
                .filter(tally -> tally.active() || tally.prsMerged > 0)
                .map(Tally::row)
                .toList()).orElse(List.of());
    }

    /** The reason contributions cannot be counted for the window, if they cannot. */
    static Optional<String> unavailable(Datasets data, Window window) {
        return MetricFamily.unusable(data, window.start(), window, PullRequests.class, Issues.class, Commits.class);
    }

    /** Each non-bot login's contributions in the window, keyed by lower-cased login; empty when unavailable. */
    static Optional<Map<String, Tally>> tally(Datasets data, Window window, Set<String> ignoreUsers) {
        if (unavailable(data, window).isPresent()) {
            return Optional.empty();
        }
        Set<String> ignored = Account.ignoreList(ignoreUsers);
        Map<String, Tally> tallies = new TreeMap<>();
        Commits commits = data.get(Commits.class).orElseThrow();
        for (Commits.Commit commit : CommitMetrics.population(commits, window)) {
            if (commit.login() != null && !CommitMetrics.isBot(commit, ignored)) {
                Tally tally = tallies.computeIfAbsent(commit.login().toLowerCase(Locale.ROOT),
                        key -> new Tally(commit.login(), commits.loginsSpelledByGitHub()));
                tally.commits++;
                tally.linesAdded += commit.additions();
                tally.linesDeleted += commit.deletions();
            }
        }
        for (PullRequests.PullRequest pr : data.get(PullRequests.class).orElseThrow().items()) {
            if (window.contains(pr.createdAt())) {
                of(tallies, pr.author(), ignored).ifPresent(tally -> tally.prsOpened++);
            }
            if (window.contains(pr.mergedAt())) {
                of(tallies, pr.author(), ignored).ifPresent(tally -> tally.prsMerged++);
            }
            for (PullRequests.Review review : pr.reviews()) {
                if (review.submitted() && window.contains(review.submittedAt())) {
                    of(tallies, review.author(), ignored).ifPresent(tally -> tally.reviews++);
                }
            }
            comments(tallies, pr.comments(), window, ignored);
        }
        for (Issues.Issue issue : data.get(Issues.class).orElseThrow().items()) {
            if (window.contains(issue.createdAt())) {
                of(tallies, issue.author(), ignored).ifPresent(tally -> tally.issuesOpened++);
            }
            comments(tallies, issue.comments(), window, ignored);
        }
        return Optional.of(tallies);
    }

    private static void comments(Map<String, Tally> tallies, List<Comment> comments, Window window, Set<String> ignored) {
        for (Comment comment : comments) {
            if (window.contains(comment.createdAt())) {
                of(tallies, comment.author(), ignored).ifPresent(tally -> tally.comments++);
            }
        }
    }

    /** The tally of a person: none for a bot, an ignored login or a ghost. */
    private static Optional<Tally> of(Map<String, Tally> tallies, Account account, Set<String> ignored) {
        if (account.ghost() || account.botOrIgnored(ignored)) {
            return Optional.empty();
        }
        Tally tally = tallies.computeIfAbsent(account.login().toLowerCase(Locale.ROOT), key -> new Tally(account.login(), true));
        tally.spellAsGitHub(account.login());
        return Optional.of(tally);
    }

    /** One login's contributions in the window. */
    static final class Tally {
        private String login;
        private boolean spelledByGitHub;
        int commits;
        int prsOpened;
        int prsMerged;
        int reviews;
        int comments;
        int issuesOpened;
        long linesAdded;
        long linesDeleted;

        Tally(String login, boolean spelledByGitHub) {
            this.login = login;
            this.spelledByGitHub = spelledByGitHub;
        }

        /** A login read from a no-reply address gives way to GitHub's spelling of it (API accounts). */
        void spellAsGitHub(String githubLogin) {
            if (!spelledByGitHub) {
                login = githubLogin;
                spelledByGitHub = true;
            }
        }

        boolean active() {
            return commits + prsOpened + reviews + comments + issuesOpened > 0;
        }

        ContributorStats row() {
            return new ContributorStats(login, commits, prsOpened, prsMerged, reviews, comments, linesAdded, linesDeleted);
        }
    }

    static List<String> activeLogins(Map<String, Tally> tallies) {
        List<String> active = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            if (tally.active()) {
                active.add(key);
            }
        });
        return active;
    }
}
