package io.repovitals.store;

import io.repovitals.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sample history bundled for {@code demo}: snapshots listed in {@code repovitals/demo/index.txt}. */
public final class BundledSample {
    private static final String DIR = "/repovitals/demo/";

    private BundledSample() {}

    public static List<Snapshot> snapshots() {
        List<Snapshot> snapshots = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                try {
                    snapshots.add(SnapshotCodec.read(read(name)));
                } catch (IOException e) {
                    throw new IllegalStateException("bundled sample " + name + " does not parse", e);
                }
            }
        }
        return snapshots;
    }

    private static String read(String name) {
        try (InputStream in = BundledSample.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled sample " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
