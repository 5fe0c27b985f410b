package io.repovitals.github;

import java.util.Objects;

/**
 * A conversation comment on an issue or pull request, as far as the sticky comments need it.
 *
 * @param authorLogin null for a deleted (ghost) account
 * @param url         the comment on github.com, for the log
 */
public record IssueComment(long id, String authorLogin, String body, String url) {
    public IssueComment {
        Objects.requireNonNull(body, "body");
    }

    /** metrics.md's bot rule as REST can tell it from the login alone: only GitHub Apps have logins ending in [bot]. */
    public boolean byBot() {
        return Bots.isBot(null, authorLogin);
    }
}
