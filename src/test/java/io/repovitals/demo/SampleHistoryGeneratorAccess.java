package io.repovitals.demo;

import java.util.List;
import java.util.Map;

/** The generated sample's snapshot files, for tests in other packages (store's parser test). */
public final class SampleHistoryGeneratorAccess {
    private SampleHistoryGeneratorAccess() {}

    public static List<byte[]> snapshotFiles() {
        return SampleHistoryGenerator.files().entrySet().stream().filter(file -> file.getKey().endsWith(".json"))
                .map(Map.Entry::getValue).toList();
    }
}
