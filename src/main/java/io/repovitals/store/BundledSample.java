package io.repovitals.store;

import io.repovitals.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sample history bundled for {@code demo}: the snapshot files listed in
 * {@code repovitals/demo/index.txt} (about 200 days of two invented repositories, written by
 * scripts/generate-demo-history.sh). Read once per JVM; the files are parsed in parallel.
 */
public final class BundledSample {
    private static final String DIR = "/repovitals/demo/";

    private BundledSample() {}

    /** The latest snapshot of each bundled repository, in the order the index first names them: what the demo reports on. */
    public static List<Snapshot> snapshots() {
        return Loaded.HISTORIES.values().stream().map(days -> days.get(days.size() - 1)).toList();
    }

    /** Every bundled snapshot by repository ({@code owner/name}, index order), each list in date order. */
    public static Map<String, List<Snapshot>> histories() {
        return Loaded.HISTORIES;
    }

    /** Loaded on first use, by the JVM's class initialisation (thread-safe, once). */
    private static final class Loaded {
        static final Map<String, List<Snapshot>> HISTORIES = load();
    }

    private static Map<String, List<Snapshot>> load() {
        List<String> names = new ArrayList<>();
        for (String line : new String(read("index.txt"), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        List<byte[]> files = names.stream().map(BundledSample::read).toList();
        Snapshot[] parsed = new Snapshot[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> parsed[i] = parse(names.get(i), files.get(i)));
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        for (Snapshot snapshot : parsed) {
            histories.computeIfAbsent(snapshot.repository(), key -> new ArrayList<>()).add(snapshot);
        }
        Map<String, List<Snapshot>> ordered = new LinkedHashMap<>();
        histories.forEach((repository, days) -> {
            days.sort(java.util.Comparator.comparing(Snapshot::asOf));
            ordered.put(repository, List.copyOf(days));
        });
        return Collections.unmodifiableMap(ordered);
    }

    private static Snapshot parse(String name, byte[] json) {
        try {
            return SnapshotCodec.read(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("bundled sample " + name + " does not parse: " + SnapshotCodec.describe(e), e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = BundledSample.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled sample " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
