package io.repovitals.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** One metric of metrics.md: its dotted name, its unit and a one-line summary for reports. */
public record MetricDef(String name, Unit unit, String summary) {
    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z0-9_]+)+");

    /** Counts are written as JSON integers; everything else as decimals. */
    public enum Unit { COUNT, HOURS, MINUTES, DAYS, RATIO, PER_WEEK, FLAG, NUMBER }

    public MetricDef {
        Objects.requireNonNull(unit, "unit");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric names are dotted lower case: " + name);
        }
    }

    public static MetricDef count(String name, String summary) {
        return new MetricDef(name, Unit.COUNT, summary);
    }

    /** The family, i.e. the part before the first dot ({@code repo} for {@code repo.stars}). */
    public String family() {
        return name.substring(0, name.indexOf('.'));
    }
}
