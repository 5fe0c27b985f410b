package io.repovitals.render;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;

import java.util.List;
import java.util.Map;

/**
 * A plain Markdown report of collected snapshots: one table of the catalog's metrics per
 * repository and the missing ones with their reasons. The full weekly report replaces it later.
 */
public final class SnapshotReport {
    private SnapshotReport() {}

    public static String markdown(List<Snapshot> snapshots) {
        StringBuilder md = new StringBuilder("## repo-vitals\n\n");
        for (Snapshot snapshot : snapshots) {
            md.append("### ").append(MdEscape.text(snapshot.repository())).append("\n\n")
                    .append("As of ").append(snapshot.asOf()).append(", window ").append(snapshot.windowDays())
                    .append(" days.\n\n")
                    .append("| metric | value |\n|---|---:|\n");
            for (MetricDef def : MetricCatalog.all()) {
                Number value = snapshot.metrics().get(def.name());
                if (value != null) {
                    md.append("| `").append(def.name()).append("` | ").append(format(value)).append(" |\n");
                }
            }
            if (!snapshot.missing().isEmpty()) {
                md.append("\nNot available:\n\n");
                for (Map.Entry<String, String> gap : snapshot.missing().entrySet()) {
                    md.append("- `").append(gap.getKey()).append("`: ").append(MdEscape.text(gap.getValue())).append('\n');
                }
            }
            md.append("\n<sub>").append(snapshot.collection().requests()).append(" API requests, ")
                    .append(snapshot.collection().durationMs()).append(" ms</sub>\n\n");
        }
        return md.toString();
    }

    private static String format(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return String.valueOf(value.longValue());
        }
        double v = value.doubleValue();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
