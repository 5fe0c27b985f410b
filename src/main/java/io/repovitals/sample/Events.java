package io.repovitals.sample;

import java.time.Instant;
import java.util.List;

/**
 * What happens in a simulated repository, as it finally happened (a {@link SimulatedGitHub} shows
 * each fetch only what had happened by its time). Logins are plain people: the sample has no bots.
 */
final class Events {
    private Events() {}

    /** A conversation comment on an issue or pull request. */
    record Comment(String login, Instant at) {}

    /** A submitted review; the pull request's last one approves. */
    record Review(String login, Instant at) {}

    /** A pull request into the default branch, squash-merged (one commit) when merged. */
    record Pr(int number, String author, Instant created, Instant oldestCommit, List<Review> reviews,
              List<Comment> comments, Instant merged, Instant closed, int additions, int deletions) {}

    /** A commit of the default branch; {@code files} are indexes into the repository's files. */
    record Commit(int serial, String author, Instant at, int added, int deleted, List<Integer> files,
                  boolean hotfix, boolean revert) {}

    /**
     * @param touched the last activity that is no comment and no close (a label, an edit), or {@code created}
     * @param closed  null while open to the simulation's end
     */
    record Issue(int number, String author, Instant created, List<Comment> comments, Instant closed, Instant touched,
                 boolean incident) {}

    /** A workflow run, decided (no cancelled runs) {@code millis} after it was created. */
    record Run(long id, Instant created, boolean defaultBranch, String conclusion, long millis) {}

    /** A production deployment's final status: success, or failure. */
    record Deployment(Instant at, boolean failed) {}

    /** One day's traffic. */
    record Traffic(int views, int uniqueVisitors, int clones, int uniqueCloners) {}
}
