package io.repovitals.export;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.MetricDef;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.store.History;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest snapshot of each repository in the OpenMetrics 1.0 text exposition format: one gauge
 * family {@code repo_vitals_<metric, dots as underscores>} per metric, with HELP (the catalog's
 * summary) and TYPE lines, one sample per repository labelled {@code repo} and {@code org},
 * stamped with the snapshot's asOf (Unix seconds), and {@code # EOF} last. Missing metrics have no
 * sample (absent, never 0), and a repository with no snapshot has none at all.
 */
final class OpenMetricsExport implements TextExport {
    static final String PREFIX = "repo_vitals_";

    @Override
    public long write(List<History> histories, OutputStream stream) throws IOException {
        // Family name -> (catalog name, samples): a family's samples must be written together.
        Map<String, Family> families = new TreeMap<>();
        for (History history : histories) {
            if (history.latest().isEmpty()) {
                continue;
            }
            Snapshot latest = history.latest().get();
            for (Map.Entry<String, Number> metric : latest.metrics().entrySet()) {
                families.computeIfAbsent(familyName(metric.getKey()), name -> new Family(metric.getKey(), new java.util.ArrayList<>()))
                        .samples().add(new Sample(RepoRef.parse(latest.repository()), metric.getValue(), latest));
            }
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        long samples = 0;
        for (Map.Entry<String, Family> family : families.entrySet()) {
            String name = family.getKey();
            out.write("# TYPE " + name + " gauge\n");
            out.write("# HELP " + name + " " + escape(help(family.getValue().metric())) + "\n");
            for (Sample sample : family.getValue().samples()) {
                out.write(name + "{repo=\"" + escape(sample.repo().fullName()) + "\",org=\""
                        + escape(sample.repo().owner()) + "\"} " + MetricValues.text(sample.value()) + " "
                        + seconds(sample.snapshot()) + "\n");
                samples++;
            }
        }
        out.write("# EOF\n");
        out.flush();
        return samples;
    }

    private record Family(String metric, List<Sample> samples) {}

    private record Sample(RepoRef repo, Number value, Snapshot snapshot) {}

    /** {@code prs.time_to_merge_hours.p50} -> {@code repo_vitals_prs_time_to_merge_hours_p50}; anything outside [a-zA-Z0-9_] becomes _. */
    static String familyName(String metric) {
        return PREFIX + metric.replaceAll("[^a-zA-Z0-9_]", "_");
    }

    private static String help(String metric) {
        return MetricCatalog.byName(metric).map(MetricDef::summary).filter(text -> !text.isBlank())
                .map(summary -> metric + ": " + summary).orElse("repo-vitals metric " + metric);
    }

    private static String seconds(Snapshot snapshot) {
        return BigDecimal.valueOf(snapshot.asOf().getEpochSecond())
                .add(BigDecimal.valueOf(snapshot.asOf().getNano(), 9)).stripTrailingZeros().toPlainString();
    }

    /** OpenMetrics label values and HELP text (its escaped-string) escape backslash, double quote and line feed. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
