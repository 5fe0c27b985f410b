package io.repovitals.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The history could not be read or stored. The message is one line a user can act on and never
 * holds the token. It is an {@link UncheckedIOException} so that {@code Main} already turns it into
 * exit status 1 with just that line (contract.md "Exit status"); {@link #kind()} lets a caller tell
 * the cases apart.
 */
public final class HistoryException extends UncheckedIOException {
    public enum Kind {
        /** No answer, unknown host, or no repository at that path. */
        UNREACHABLE,
        /** The server refused the token (HTTP 401/403), e.g. a token without {@code contents: write}. */
        AUTH_REJECTED,
        /** The server refused the push for another reason (a hook, a protected branch). */
        PUSH_REJECTED,
        /** Other runs kept pushing first until the retries ran out. */
        CONTENDED,
        /** Anything else while talking to git. */
        FAILED
    }

    private final Kind kind;

    public HistoryException(Kind kind, String message, IOException cause) {
        super(message, cause == null ? new IOException(message) : cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
