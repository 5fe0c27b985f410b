package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Anomaly;
import io.repovitals.analyze.ComponentScore;
import io.repovitals.analyze.HealthScore;
import io.repovitals.analyze.OrgAnalysis;
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
        return markdown(snapshots, OrgAnalysis.of(List.of()));
    }

    /** With each repository's health score, its components' explanations and its anomalies. */
    public static String markdown(List<Snapshot> snapshots, OrgAnalysis analysis) {
        StringBuilder md = new StringBuilder("## repo-vitals\n\n");
        for (Snapshot snapshot : snapshots) {
            md.append("### ").append(MdEscape.text(snapshot.repository())).append("\n\n")
                    .append("As of ").append(snapshot.asOf()).append(", window ").append(snapshot.windowDays())
                    .append(" days.\n\n");
            analysis.repositories().stream().filter(one -> one.repository().equals(snapshot.repository())).findFirst()
                    .ifPresent(one -> health(md, one));
            md.append("| metric | value |\n|---|---:|\n");
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

    private static void health(StringBuilder md, Analysis analysis) {
        HealthScore health = analysis.health();
        md.append("**Health ").append(health.score() == null ? "not yet rated" : Math.round(health.score()) + " (" + health.grade() + ")")
                .append("**: ").append(MdEscape.text(health.explanation())).append("\n\n");
        for (ComponentScore component : health.components()) {
            md.append("- ").append(MdEscape.text(component.explanation())).append('\n');
        }
        for (Anomaly anomaly : analysis.anomalies()) {
            md.append("- Unusual: ").append(MdEscape.text(anomaly.sentence())).append('\n');
        }
        md.append('\n');
    }

    private static String format(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return String.valueOf(value.longValue());
        }
        double v = value.doubleValue();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
