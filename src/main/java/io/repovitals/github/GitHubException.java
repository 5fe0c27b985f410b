package io.repovitals.github;

/**
 * A failure talking to GitHub that ends the run (exit status 1) or, for a single metric, becomes
 * a {@code missing} reason. The message is one line a user can act on and never holds the token.
 */
public final class GitHubException extends RuntimeException {
    /** What went wrong, so callers can decide between failing the run and marking data missing. */
    public enum Kind {
        BAD_CREDENTIALS, NOT_FOUND, FORBIDDEN, RATE_LIMITED, UNREACHABLE, SERVER_ERROR, BAD_RESPONSE,
        /** The run's {@code rate-limit-budget} is spent; nothing was sent. */
        BUDGET_EXHAUSTED,
        /** A statistics endpoint still answered {@code 202 Accepted} after the allowed polls. */
        NOT_READY
    }

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

    /**
     * True when the data exists and another run could have it (rate limit, request budget, 5xx,
     * dropped connection, statistics not ready, odd answer): a dataset lost this way makes the
     * snapshot partial. False for answers that will not change (403 without permission, 404, 401).
     */
    public boolean isTransient() {
        return kind != Kind.BAD_CREDENTIALS && kind != Kind.FORBIDDEN && kind != Kind.NOT_FOUND;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
