package io.repovitals.collect;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * metrics.md §commits.*, §code.*, contributors: the commits of the default branch's history whose
 * committed date lies in {@code [since, asOf]}, merge commits included (the families leave them out).
 *
 * @param source           where they came from: {@code workspace clone} or {@code GitHub API}
 * @param pathsUnavailable why changed file paths are unknown (the API has no per-commit file list), when they are
 */
public record Commits(Instant since, Instant asOf, String source, Optional<String> pathsUnavailable,
                      List<Commit> items) implements Dataset {
    /** The start of {@link #source()} for commits read from GitHub's API. */
    public static final String API_SOURCE = "GitHub API";

    public Commits {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
        if (pathsUnavailable.isEmpty() && items.stream().anyMatch(commit -> commit.paths().isEmpty())) {
            throw new IllegalArgumentException("commits without paths need the reason");
        }
    }

    /**
     * Whether the logins are GitHub's spelling (the API's {@code author.user.login}), rather than read
     * from no-reply addresses in git, which may spell a login in another case.
     */
    public boolean loginsSpelledByGitHub() {
        return source.startsWith(API_SOURCE);
    }

    /**
     * @param login          the linked GitHub login, or null when the commit links to no user
     * @param email          the author e-mail, lower-cased (empty when git has none)
     * @param bot            the bot rule applied to the login, or to the git author name or e-mail when unlinked
     * @param headline       the first line of the message
     * @param revertMarker   whether the message contains {@code This reverts commit}
     * @param paths          the changed file paths, when known
     */
    public record Commit(
            String sha,
            Instant committedDate,
            String login,
            String email,
            boolean bot,
            int parents,
            String headline,
            boolean revertMarker,
            int additions,
            int deletions,
            Optional<List<String>> paths) {

        public Commit {
            Objects.requireNonNull(sha, "sha");
            Objects.requireNonNull(committedDate, "committedDate");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(headline, "headline");
            paths = paths.map(List::copyOf);
        }

        public boolean merge() {
            return parents >= 2;
        }

        /** metrics.md commits.authors: the login when linked, else the lower-cased e-mail. */
        public String authorKey() {
            return login != null ? login.toLowerCase(Locale.ROOT) : email;
        }
    }
}
