package io.repovitals.github;

/**
 * A failure talking to GitHub that ends the run (exit status 1) or, for a single metric, becomes
 * a {@code missing} reason. The message is one line a user can act on and never holds the token.
 */
public final class GitHubException extends RuntimeException {
    /** What went wrong, so callers can decide between failing the run and marking data missing. */
    public enum Kind { BAD_CREDENTIALS, NOT_FOUND, FORBIDDEN, RATE_LIMITED, UNREACHABLE, SERVER_ERROR, BAD_RESPONSE }

    private final Kind kind;
    private final int status;

    public GitHubException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public GitHubException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
