package io.repovitals.metrics;

import io.repovitals.analyze.Grade;
import io.repovitals.config.Inputs;
import io.repovitals.model.MetricDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes docs/metrics.md, the metric catalog, from the definitions in the code: a section per family
 * of {@link MetricCatalog#families()} (its title, about and defs), plus the conventions below. Run by
 * scripts/generate-metrics-doc.sh; MetricCatalogTest fails when the committed file differs.
 */
public final class CatalogDocument {
    public static final Path FILE = Path.of("docs/metrics.md");
    public static final String REGENERATE = "scripts/generate-metrics-doc.sh";

    private static final String INTRO = """
            # Metric catalog

            <!-- Generated from the metric definitions in src/main/java/io/repovitals/metrics by
                 scripts/generate-metrics-doc.sh. Do not edit: MetricCatalogTest fails when this file is stale. -->

            A metric has a dotted name, a label (its words in the analysis's sentences and the charts), a unit
            and one exact definition. Code, templates, exports and tests use these names verbatim. A metric that
            could not be computed is **absent** from a snapshot's `metrics` and listed in `missing` with a
            one-line reason (the column "missing when" says in which cases); it is never written as 0. The
            column "better" says which way is good news: the report's trend arrows and its digest call a
            significant change "better" or "worse" by it, and say nothing of one for a metric where it is neither.

            ## Conventions

            - **asOf**: the instant the snapshot describes. Default: now. Settable (`--as-of`, input `as-of`) so
              that runs are reproducible. No metric reads the wall clock when asOf is set.
            - **window**: `[asOf - windowDays, asOf)`, half-open, UTC. Default `windowDays = 7` (input
              `window-days`). "in window" means the named timestamp lies in that interval.
            - **state at asOf** (counts of open things, ages, "awaiting" counts): every event stamped at or before
              asOf has happened. So an item opened exactly at asOf is open at asOf, yet not "opened in window".
              `repo.watchers` and `repo.branches` have no history on GitHub: a snapshot takes their value at
              collection time whatever its asOf (backfilled days leave them missing).
            - **bots**: an account is a bot if its GraphQL `__typename` is `Bot`, its REST `type` is `Bot`, or its
              login ends with `[bot]`; plus every login in the `ignore-users` setting. By default bot-authored PRs
              and issues are left out of every `prs.*` and `issues.*` metric, and a bot's review or comment never
              counts as a review or response. Ghost (deleted) authors are not bots.
            - **percentiles**: linear interpolation between closest ranks (Hyndman-Fan type 7; numpy's default,
              Excel `PERCENTILE.INC`; commons-math3 `Percentile` with `EstimationType.R_7`). `p50` is the median.
              Over an empty population the metric is absent.
            - **mean** over an empty population: absent. A ratio with a zero denominator: absent.
            - **durations**: hours as a decimal number unless the name says `_minutes` or `_days`. A negative
              duration (clock skew, odd data) is clamped to 0.
            - **counts** are integers in JSON; every other unit is a decimal.
            """;

    private CatalogDocument() {}

    /** Regenerates the file; the argument, if any, is where to write it instead of docs/metrics.md. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /** The whole of docs/metrics.md. */
    public static String render() {
        StringBuilder text = new StringBuilder(INTRO);
        for (MetricFamily section : MetricCatalog.families()) {
            text.append("\n## ").append(section.title()).append("\n\n");
            text.append(section.about()).append("\n\n");
            text.append("| name | label | unit | better | definition | excluded | missing when |\n");
            text.append("|---|---|---|---|---|---|---|\n");
            for (MetricDef def : section.defs()) {
                text.append("| `").append(def.name()).append("` | ").append(cell(def.label())).append(" | ")
                        .append(unit(def.unit())).append(" | ").append(def.better().words()).append(" | ")
                        .append(cell(def.definition())).append(" | ")
                        .append(def.excluded().isEmpty() ? "—" : cell(def.excluded())).append(" | ")
                        .append(cell(def.missingWhen())).append(" |\n");
            }
        }
        text.append("\n## Analysis outputs (computed from the history, not collected)\n\n");
        text.append(analysisOutputs()).append('\n');
        return text.toString();
    }

    /** Every metric the document defines, in its order. */
    static List<MetricDef> documented() {
        return MetricCatalog.families().stream().flatMap(section -> section.defs().stream()).toList();
    }

    static String unit(MetricDef.Unit unit) {
        return switch (unit) {
            case COUNT -> "count";
            case HOURS -> "hours";
            case MINUTES -> "minutes";
            case DAYS -> "days";
            case RATIO -> "ratio 0..1";
            case PER_WEEK -> "per week";
            case FLAG -> "1 or 0";
            case NUMBER -> "number";
        };
    }

    /** A Markdown table cell: one line, its pipes escaped. */
    private static String cell(String text) {
        if (text.contains("\n")) {
            throw new IllegalArgumentException("a table cell must be one line: " + text);
        }
        return text.replace("|", "\\|");
    }

    /** Worded from the code that computes them: the health-weights default and Grade's bands. */
    private static String analysisOutputs() {
        List<String> bands = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            if (grade != Grade.F) {
                int lowest = Stream.iterate(0, score -> score + 1).limit(101)
                        .filter(score -> Grade.of(score) == grade).findFirst().orElseThrow();
                bands.add(grade + " (>= " + lowest + ")");
            }
        }
        String weights = Stream.of(Inputs.HEALTH_WEIGHTS.defaultText().split(","))
                .map(entry -> "`" + entry.replace("=", "` ")).collect(Collectors.joining(", "));
        return "`health.score` (0..100) and `health.grade` are in `analysis.json` and the reports, never in a"
                + " snapshot's `metrics`. The score is the weighted mean of five components, each 0..100 and"
                + " normalised against the repository's own history (fixed reference bands stand in while the history"
                + " is short); a component without data is left out and the other weights re-normalised. The weights"
                + " are the `health-weights` setting, by default " + weights + ". The grade is "
                + String.join(", ", bands) + ", else F. Trends, forecasts and anomalies are computed from the history"
                + " too (see the [README](../README.md)).";
    }
}
