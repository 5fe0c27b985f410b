package io.repovitals.store;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;

import java.io.IOException;
import java.util.Locale;

/** What a failed fetch or push of the history branch means, in one line that says what to do and never shows the token. */
final class RemoteFailures {
    private RemoteFailures() {}

    /** One line naming what failed and what to do, never the token. */
    static HistoryException of(HistoryRemote remote, String branch, String action, IOException e) {
        String detail = oneLine(remote.redact(chain(e)));
        String lower = detail.toLowerCase(Locale.ROOT);
        String prefix = "history: cannot " + action + " branch '" + branch + "' at " + remote + ": ";
        if (e instanceof NoRemoteRepositoryException || lower.contains("repository not found")) {
            return new HistoryException(HistoryException.Kind.UNREACHABLE,
                    prefix + "no git repository there (check history-remote)", e);
        }
        if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains(" 401")
                || lower.contains(" 403") || lower.contains("forbidden") || lower.contains("not permitted")) {
            return new HistoryException(HistoryException.Kind.AUTH_REJECTED, prefix
                    + "the token was rejected (it needs 'contents: write' on that repository to store the history)", e);
        }
        if (e instanceof TransportException && hasNetworkCause(e)) {
            return new HistoryException(HistoryException.Kind.UNREACHABLE, prefix + "the server cannot be reached ("
                    + detail + ")", e);
        }
        return new HistoryException(HistoryException.Kind.FAILED, prefix + detail, e);
    }

    private static boolean hasNetworkCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** The messages of the exception and its causes, most specific last, without repeats. */
    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
