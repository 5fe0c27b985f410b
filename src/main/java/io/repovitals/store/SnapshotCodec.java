package io.repovitals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.repovitals.model.Snapshot;

import java.util.List;

/** Snapshot files as JSON (contract.md "Snapshot file"): ISO-8601 instants, stable key order, pretty-printed. */
public final class SnapshotCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SnapshotCodec() {}

    public static String write(Snapshot snapshot) {
        return toJson(snapshot);
    }

    /** Several snapshots (collect over several repositories) as one JSON array. */
    public static String writeAll(List<Snapshot> snapshots) {
        return toJson(snapshots);
    }

    /** Parses a snapshot; rejects files written by a newer program, which this one cannot read faithfully. */
    public static Snapshot read(String json) throws JsonProcessingException {
        Snapshot snapshot = JSON.readValue(json, Snapshot.class);
        if (snapshot.schemaVersion() > Snapshot.SCHEMA_VERSION) {
            throw new IllegalArgumentException("snapshot schemaVersion " + snapshot.schemaVersion()
                    + " is newer than this program reads (" + Snapshot.SCHEMA_VERSION + ")");
        }
        return snapshot;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode snapshot", e);
        }
    }
}
