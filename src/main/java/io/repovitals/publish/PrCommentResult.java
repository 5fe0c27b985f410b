package io.repovitals.publish;

import java.util.Objects;

/**
 * What {@link PrCommentPublisher} did on a pull request.
 *
 * @param url the comment on github.com
 */
public record PrCommentResult(Action action, int number, long commentId, String url) {
    public enum Action { CREATED, EDITED, UNCHANGED }

    public PrCommentResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(url, "url");
    }

    /** One line for the log, e.g. "pr-comment: edited the comment on #7 (https://...)". */
    public String logLine() {
        String done = switch (action) {
            case CREATED -> "created the comment";
            case EDITED -> "edited the comment";
            case UNCHANGED -> "the comment is already up to date";
        };
        return "pr-comment: " + done + " on #" + number + " (" + url + ")";
    }
}
