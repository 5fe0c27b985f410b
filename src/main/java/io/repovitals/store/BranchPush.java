package io.repovitals.store;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * One push of the history branch, naming the tip it was built on, so that a run that pushed first
 * is never overwritten: its outcome is landed, refused for a reason a retry on the new tip cures, or
 * a {@link HistoryException} saying what the server refused.
 */
final class BranchPush {
    private BranchPush() {}

    /** Null when the push landed, else why it was refused in a way that a retry on the new tip can fix. */
    static String push(HistoryRemote remote, String branch, Repository repository, ObjectId commit, ObjectId base,
                       int timeoutSeconds) {
        String ref = Constants.R_HEADS + branch;
        try (Transport transport = remote.open(repository, timeoutSeconds)) {
            RemoteRefUpdate update = new RemoteRefUpdate(repository, commit.name(), ref, false, null,
                    base == null ? ObjectId.zeroId() : base);
            RemoteRefUpdate result = transport.push(NullProgressMonitor.INSTANCE, List.of(update)).getRemoteUpdate(ref);
            switch (result.getStatus()) {
                case OK, UP_TO_DATE:
                    return null;
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                    return "another run pushed first";
                case REJECTED_OTHER_REASON:
                    String message = result.getMessage() == null ? "" : result.getMessage();
                    // A server updating the ref for a concurrent push reports a lock failure: same cause, same cure.
                    if (message.toLowerCase(Locale.ROOT).contains("lock")) {
                        return "another run was pushing at the same time";
                    }
                    throw new HistoryException(HistoryException.Kind.PUSH_REJECTED, "history: the server at " + remote
                            + " refused the push to branch '" + branch + "': " + RemoteFailures.oneLine(remote.redact(message)), null);
                default:
                    throw new HistoryException(HistoryException.Kind.PUSH_REJECTED, "history: the push to branch '"
                            + branch + "' at " + remote + " ended as " + result.getStatus(), null);
            }
        } catch (IOException e) {
            throw RemoteFailures.of(remote, branch, "push to", e);
        }
    }
}
