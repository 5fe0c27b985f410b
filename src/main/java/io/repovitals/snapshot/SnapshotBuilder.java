package io.repovitals.snapshot;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.model.Window;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns computed outcomes into the contract's snapshot: values into {@code metrics}, the rest into {@code missing}. */
public final class SnapshotBuilder {
    private SnapshotBuilder() {}

    public static Snapshot build(RepoRef repo, Window window, List<Outcome> outcomes, List<ContributorStats> contributors,
                                 List<TrafficDay> traffic, CollectionStats collection) {
        SortedMap<String, Number> metrics = new TreeMap<>();
        SortedMap<String, String> missing = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            String name = outcome.def().name();
            if (metrics.containsKey(name) || missing.containsKey(name)) {
                throw new IllegalArgumentException("metric computed twice: " + name);
            }
            if (outcome instanceof Outcome.Value value) {
                metrics.put(name, number(value.def(), value.value()));
            } else if (outcome instanceof Outcome.Missing gap) {
                missing.put(name, gap.reason());
            }
        }
        return new Snapshot(Snapshot.SCHEMA_VERSION, repo.fullName(), window.asOf(), window.days(), metrics, missing,
                contributors, traffic, collection);
    }

    /** Counts are integers in JSON (metrics.md "Conventions"). */
    private static Number number(MetricDef def, double value) {
        // Not a ternary: "? Long : Double" would unbox both and promote the count to double.
        if (def.unit() == MetricDef.Unit.COUNT || def.unit() == MetricDef.Unit.FLAG) {
            return Long.valueOf(Math.round(value));
        }
        return Double.valueOf(value);
    }
}
