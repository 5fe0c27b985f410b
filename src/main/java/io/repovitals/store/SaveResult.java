package io.repovitals.store;

import java.util.List;

/**
 * What {@link HistoryStore#save} (or {@link HistoryStore#fold}) did.
 *
 * @param commit   the branch tip after saving (hex id); empty when there is no branch (nothing to store)
 * @param created  true when this run made a commit; false when the branch already held exactly these files
 * @param attempts pushes tried (1 unless another run pushed first)
 * @param written  paths written by the commit (for a fold: the weekly files; the folded daily files are removed)
 * @param kept     files this run would have replaced but kept, with the reason (unreadable, or a later snapshot)
 */
public record SaveResult(String commit, boolean created, int attempts, List<String> written, List<UnreadableFile> kept) {
    public SaveResult {
        written = List.copyOf(written);
        kept = List.copyOf(kept);
    }
}
