package io.repovitals.export;

import io.repovitals.model.Snapshot;
import io.repovitals.store.History;
import io.repovitals.store.SnapshotCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One JSON array of snapshot objects, repository by repository, each in date order: exactly the
 * snapshot file format (contract.md "Snapshot file"), so the names are those of the history and of
 * {@code collect}, and a reader of one reads the other.
 */
final class JsonExport implements TextExport {
    @Override
    public long write(List<History> histories, OutputStream out) throws IOException {
        List<Snapshot> snapshots = histories.stream().flatMap(history -> history.snapshots().stream()).toList();
        SnapshotCodec.writeAll(snapshots, out);
        out.flush();
        return snapshots.size();
    }
}
