package io.repovitals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.repovitals.model.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Snapshot files as JSON (contract.md "Snapshot file"): ISO-8601 instants, stable key order, pretty-printed. */
public final class SnapshotCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Thread-safe and resolved once: the history is parsed in parallel (HistoryReader). */
    private static final ObjectReader SNAPSHOT = JSON.readerFor(Snapshot.class);
    private static final ObjectReader SNAPSHOTS = JSON.readerForListOf(Snapshot.class);
    private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
            JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private SnapshotCodec() {}

    public static String write(Snapshot snapshot) {
        return toJson(snapshot);
    }

    /** Several snapshots (collect over several repositories) as one JSON array. */
    public static String writeAll(List<Snapshot> snapshots) {
        return toJson(snapshots);
    }

    /**
     * As {@link #writeAll(List)}, streamed into {@code out} (left open) without building the whole
     * text in memory: an export of years of history for many repositories runs to tens of megabytes.
     */
    public static void writeAll(List<Snapshot> snapshots, java.io.OutputStream out) throws IOException {
        JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, snapshots);
        out.write('\n');
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

    /**
     * Parses a snapshot file's bytes as stored in the history branch (UTF-8), with the same checks
     * as {@link #read(String)}. A file from a newer program is recognised even when its new fields
     * break parsing, so the reason given is the version, not a confusing parse error.
     */
    public static Snapshot read(byte[] json) throws IOException {
        Snapshot snapshot = SnapshotParser.snapshot(json);
        try {
            if (snapshot == null) { // not in the shape this program writes: data binding decides, as it always did
                snapshot = SNAPSHOT.readValue(json);
            }
        } catch (IOException | RuntimeException e) {
            int version = peekSchemaVersion(json);
            if (version > Snapshot.SCHEMA_VERSION) {
                throw newer(version);
            }
            throw e;
        }
        if (snapshot.schemaVersion() > Snapshot.SCHEMA_VERSION) {
            throw newer(snapshot.schemaVersion());
        }
        return snapshot;
    }

    /**
     * Parses a weekly file's bytes (a JSON array of snapshots, as {@link #writeAll}), with the same
     * checks as {@link #read(byte[])} for every element.
     */
    public static List<Snapshot> readAll(byte[] json) throws IOException {
        List<Snapshot> snapshots = SnapshotParser.snapshots(json);
        try {
            if (snapshots == null) {
                snapshots = SNAPSHOTS.readValue(json);
            }
        } catch (IOException | RuntimeException e) {
            int version = peekSchemaVersion(json);
            if (version > Snapshot.SCHEMA_VERSION) {
                throw newer(version);
            }
            throw e;
        }
        if (snapshots == null) {
            throw new IllegalArgumentException("not a valid weekly file: null instead of an array of snapshots");
        }
        for (Snapshot snapshot : snapshots) {
            if (snapshot == null) {
                throw new IllegalArgumentException("not a valid weekly file: null element");
            }
            if (snapshot.schemaVersion() > Snapshot.SCHEMA_VERSION) {
                throw newer(snapshot.schemaVersion());
            }
        }
        return snapshots;
    }

    /** The encoded bytes of a weekly file (UTF-8, as {@link #writeAll(List)}). */
    public static byte[] bytesAll(List<Snapshot> snapshots) {
        return writeAll(snapshots).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A snapshot as one line of JSON (UTF-8, same keys and order as {@link #write(Snapshot)}, no
     * indentation): for files shipped inside the jar, such as the demo's sample history.
     */
    public static byte[] compactBytes(Snapshot snapshot) {
        try {
            return (COMPACT.writeValueAsString(snapshot) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode snapshot", e);
        }
    }

    /** The encoded bytes of a snapshot file (UTF-8, as {@link #write(Snapshot)}). */
    public static byte[] bytes(Snapshot snapshot) {
        return write(snapshot).getBytes(StandardCharsets.UTF_8);
    }

    /** One line saying why {@link #read} refused a file, without Jackson's multi-line source excerpt. */
    public static String describe(Exception failure) {
        String text;
        if (failure instanceof JsonProcessingException json) {
            String location = json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            text = "not a valid snapshot: " + json.getOriginalMessage() + location;
        } else if (failure instanceof IllegalArgumentException) {
            text = failure.getMessage();
        } else {
            text = "not a valid snapshot: " + failure;
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    private static int peekSchemaVersion(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root != null && root.isArray()) {
                int newest = 0;
                for (JsonNode element : root) {
                    JsonNode version = element.path("schemaVersion");
                    newest = Math.max(newest, version.canConvertToInt() ? version.asInt() : 0);
                }
                return newest;
            }
            JsonNode version = root == null ? null : root.path("schemaVersion");
            return version != null && version.canConvertToInt() ? version.asInt() : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static IllegalArgumentException newer(int version) {
        return new IllegalArgumentException("snapshot schemaVersion " + version
                + " is newer than this program reads (" + Snapshot.SCHEMA_VERSION + ")");
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode snapshot", e);
        }
    }
}
