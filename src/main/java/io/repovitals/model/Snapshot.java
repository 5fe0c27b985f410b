package io.repovitals.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One repository's snapshot, exactly the "Snapshot file" of contract.md. Metric values are
 * {@link Long} for counts and {@link Double} otherwise, so counts stay integers in JSON.
 */
@JsonPropertyOrder({"schemaVersion", "repository", "asOf", "windowDays", "metrics", "missing", "contributors",
        "traffic", "collection"})
public record Snapshot(
        int schemaVersion,
        String repository,
        Instant asOf,
        int windowDays,
        SortedMap<String, Number> metrics,
        SortedMap<String, String> missing,
        List<ContributorStats> contributors,
        List<TrafficDay> traffic,
        CollectionStats collection) {

    /** The snapshot file format this program writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Snapshot {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(asOf, "asOf");
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        missing = Collections.unmodifiableSortedMap(new TreeMap<>(missing));
        contributors = List.copyOf(contributors);
        traffic = List.copyOf(traffic);
        Objects.requireNonNull(collection, "collection");
        for (String name : metrics.keySet()) {
            if (missing.containsKey(name)) {
                throw new IllegalArgumentException(name + " cannot be both measured and missing");
            }
        }
    }
}
