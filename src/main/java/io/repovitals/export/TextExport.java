package io.repovitals.export;

import io.repovitals.store.History;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A format written as one UTF-8 stream, so that it can also be gzipped on the way out. */
interface TextExport {
    /**
     * Writes the histories (in the order given) to {@code out}, flushed but left open for the caller to close.
     *
     * @return the number of records written (rows, snapshots or samples), for the log
     */
    long write(List<History> histories, OutputStream out) throws IOException;
}
