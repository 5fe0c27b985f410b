package io.repovitals.publish;

import java.net.URI;
import java.util.OptionalInt;

/**
 * What {@link IssuePublisher} did for one repository.
 *
 * @param url            the issue's html URL (the action's {@code issue-url} output)
 * @param closedPrevious the earlier week's report issue it closed, if any
 */
public record PublishedIssue(int number, URI url, Action action, OptionalInt closedPrevious) {
    public enum Action { CREATED, UPDATED }

    /** One log line, e.g. {@code opened issue #12 (https://...), closed #11}. */
    public String describe() {
        return (action == Action.CREATED ? "opened" : "updated") + " issue #" + number + " (" + url + ")"
                + (closedPrevious.isPresent() ? ", closed the previous report #" + closedPrevious.getAsInt() : "");
    }
}
