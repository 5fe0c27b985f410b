package io.repovitals.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One metric of the catalog. These definitions are the catalog's one source: docs/metrics.md is
 * generated from them (scripts/generate-metrics-doc.sh), and a test fails when it is stale.
 *
 * @param name        dotted lower case, e.g. {@code repo.stars}
 * @param unit        how the value is measured and written
 * @param summary     a few words for report rows and export help texts
 * @param definition  the one exact definition (Markdown)
 * @param excluded    what the population leaves out (Markdown); empty when nothing is
 * @param missingWhen when the metric is absent from {@code metrics} and listed in {@code missing} (Markdown)
 */
public record MetricDef(String name, Unit unit, String summary, String definition, String excluded, String missingWhen) {
    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z0-9_]+)+");

    /** Counts are written as JSON integers; everything else as decimals. */
    public enum Unit { COUNT, HOURS, MINUTES, DAYS, RATIO, PER_WEEK, FLAG, NUMBER }

    public MetricDef {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(excluded, "excluded");
        Objects.requireNonNull(missingWhen, "missingWhen");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric names are dotted lower case: " + name);
        }
    }

    /** A metric with only its name, unit and summary so far; the {@code with...} methods add the rest. */
    public MetricDef(String name, Unit unit, String summary) {
        this(name, unit, summary, "", "", "");
    }

    public static MetricDef count(String name, String summary) {
        return new MetricDef(name, Unit.COUNT, summary);
    }

    public MetricDef withDefinition(String text) {
        return new MetricDef(name, unit, summary, text, excluded, missingWhen);
    }

    public MetricDef withExcluded(String text) {
        return new MetricDef(name, unit, summary, definition, text, missingWhen);
    }

    public MetricDef withMissingWhen(String text) {
        return new MetricDef(name, unit, summary, definition, excluded, text);
    }

    /** The family, i.e. the part before the first dot ({@code repo} for {@code repo.stars}). */
    public String family() {
        return name.substring(0, name.indexOf('.'));
    }
}
