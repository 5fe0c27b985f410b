package io.repovitals.model;

import java.util.Locale;

/**
 * Numbers for people: "45 min", "12.5 h", "3 d 4 h", "41 %", "12,345"; a missing value is "–"
 * (never 0). Units come from the catalog's {@link MetricDef.Unit}. Tables use {@link #value}, the
 * analysis's sentences {@link #prose}, which keeps one decimal so that two values in one sentence
 * ("9.5 h, usually 3.0 h") read alike.
 */
public final class HumanFormat {
    public static final String MISSING = "–";

    private HumanFormat() {}

    /** Under an hour in minutes, under two days in hours (one decimal), else days and whole hours. */
    public static String hours(Double hours) {
        if (!finite(hours)) {
            return MISSING;
        }
        if (hours < 0) {
            return "-" + hours(-hours);
        }
        long minutes = Math.round(hours * 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        if (hours < 48) {
            return decimal(hours) + " h";
        }
        long wholeHours = Math.round(hours);
        long days = wholeHours / 24;
        long rest = wholeHours % 24;
        return rest == 0 ? days + " d" : days + " d " + rest + " h";
    }

    public static String minutes(Double minutes) {
        if (!finite(minutes)) {
            return MISSING;
        }
        return Math.abs(minutes) < 60 ? decimal(minutes) + " min" : hours(minutes / 60);
    }

    public static String days(Double days) {
        return finite(days) ? hours(days * 24) : MISSING;
    }

    /** A share 0..1 as a whole percentage. */
    public static String ratio(Double share) {
        return finite(share) ? String.format(Locale.ROOT, "%d %%", Math.round(share * 100)) : MISSING;
    }

    /** A whole number with thousands separators. */
    public static String count(Number value) {
        if (value == null || !finite(value.doubleValue())) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%,d", Math.round(value.doubleValue()));
    }

    /** Thousands separators, at most one decimal, none when whole. */
    public static String number(Double value) {
        return finite(value) ? decimal(value) : MISSING;
    }

    /** Signed, for changes: "+2.5", "-1", "±0". */
    public static String change(Double delta) {
        if (!finite(delta)) {
            return MISSING;
        }
        double rounded = Math.round(delta * 10) / 10.0;
        if (rounded == 0) {
            return "±0";
        }
        return (rounded > 0 ? "+" : "-") + decimal(Math.abs(rounded));
    }

    /** A metric value in its catalog unit. */
    public static String value(MetricDef.Unit unit, Number value) {
        if (value == null || !finite(value.doubleValue())) {
            return MISSING;
        }
        double v = value.doubleValue();
        return switch (unit) {
            case COUNT -> count(v);
            case HOURS -> hours(v);
            case MINUTES -> minutes(v);
            case DAYS -> days(v);
            case RATIO -> ratio(v);
            case PER_WEEK -> decimal(v) + " a week";
            case FLAG -> v == 0 ? "no" : "yes";
            case NUMBER -> decimal(v);
        };
    }

    /** A metric value in a sentence: "41 %", "9.5 h", "45.0 min", "12.5 days", "1325.7". */
    public static String prose(MetricDef.Unit unit, double value) {
        return switch (unit) {
            case RATIO -> plain(value * 100) + unit.symbol();
            case HOURS, MINUTES, DAYS -> String.format(Locale.ROOT, "%.1f", value) + unit.symbol();
            case COUNT, PER_WEEK, FLAG, NUMBER -> plain(value);
        };
    }

    /** Whole numbers without decimals, others with at most one, no thousands separators (sentences, not tables). */
    public static String plain(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%d", (long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String decimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%,d", (long) rounded);
        }
        return String.format(Locale.ROOT, "%,.1f", rounded);
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
