package io.repovitals.store;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small snapshots for store tests: one repository, one instant, one metric value. */
final class Snapshots {
    private Snapshots() {}

    static Snapshot of(String repository, String asOf, long prsMerged) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, repository, Instant.parse(asOf), 7,
                new TreeMap<>(Map.of("prs.merged", prsMerged)), new TreeMap<>(), List.of(), List.of(),
                CollectionStats.NONE);
    }
}
