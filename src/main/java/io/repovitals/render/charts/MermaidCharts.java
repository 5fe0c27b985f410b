package io.repovitals.render.charts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A chart as a mermaid {@code xychart-beta} block, which GitHub draws in Markdown with nothing hosted.
 * Mermaid wants every line to have a value at every x label and draws no legend, so: more than
 * {@value #MAX_DAILY_LABELS} days are shown one point a week (each week's latest value), a line
 * without a value at some label is bridged linearly between its neighbours (held flat at its ends),
 * and the title names each line's colour. Forecast bands are not drawn; the alt text has them.
 */
public final class MermaidCharts {
    static final int MAX_DAILY_LABELS = 16;
    private static final String[] COLOUR_NAMES = {"blue", "vermillion", "green", "purple", "orange", "sky blue", "black"};
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    // Inside a quoted mermaid string: no quote, no newline, no markup, no @mention.
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ,.:;()/%+'_-]");

    private MermaidCharts() {}

    public static String block(ChartSpec spec) {
        boolean weekly = distinctDays(spec).size() > MAX_DAILY_LABELS;
        List<LocalDate> labels = labels(spec, weekly);
        StringBuilder out = new StringBuilder("```mermaid\n");
        out.append("%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"")
                .append(palette(spec.series().size())).append("\"}}}}%%\n");
        out.append("xychart-beta\n");
        legend(spec, weekly).ifPresent(legend -> out.append("    title \"").append(text(legend)).append("\"\n"));
        out.append("    x-axis [").append(labels.stream().map(day -> "\"" + LABEL.format(day) + "\"")
                .collect(Collectors.joining(", "))).append("]\n");
        out.append("    y-axis \"").append(text(spec.yLabel())).append(spec.isScore() ? "\" 0 --> 100\n" : "\"\n");
        for (ChartSpec.Series series : spec.series()) {
            out.append("    line [").append(values(series, labels, weekly).stream().map(MermaidCharts::number)
                    .collect(Collectors.joining(", "))).append("]\n");
        }
        return out.append("```\n").toString();
    }

    /**
     * The report's heading above the block is the chart's title, so mermaid's title line carries only what
     * the heading does not say: which colour is which line, and that points are weekly. Absent when there is neither.
     */
    private static java.util.Optional<String> legend(ChartSpec spec, boolean weekly) {
        List<String> parts = new ArrayList<>();
        if (weekly) {
            parts.add("one point a week");
        }
        if (spec.series().size() > 1) {
            List<String> colours = new ArrayList<>();
            for (int i = 0; i < spec.series().size(); i++) {
                colours.add(COLOUR_NAMES[i % COLOUR_NAMES.length] + ": " + text(spec.series().get(i).name()));
            }
            parts.add(String.join("; ", colours));
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", parts));
    }

    /** Every day with a point; weekly: the last day and every 7th day before it that ends a week with a point. */
    static List<LocalDate> labels(ChartSpec spec, boolean weekly) {
        TreeSet<LocalDate> days = distinctDays(spec);
        if (!weekly) {
            return List.copyOf(days);
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate end = days.last(); !end.isBefore(days.first()); end = end.minusDays(7)) {
            if (!days.subSet(end.minusDays(6), true, end, true).isEmpty()) {
                weeks.add(0, end);
            }
        }
        return weeks;
    }

    private static TreeSet<LocalDate> distinctDays(ChartSpec spec) {
        TreeSet<LocalDate> days = new TreeSet<>();
        spec.series().forEach(series -> series.points().forEach(point -> days.add(point.day())));
        return days;
    }

    /** The series' value at each label: its point that day (weekly: its latest point that week), else bridged. */
    static List<Double> values(ChartSpec.Series series, List<LocalDate> labels, boolean weekly) {
        TreeMap<LocalDate, Double> byDay = new TreeMap<>();
        series.points().forEach(point -> byDay.put(point.day(), point.value()));
        Double[] values = new Double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            LocalDate label = labels.get(i);
            Map.Entry<LocalDate, Double> latest = byDay.floorEntry(label);
            LocalDate earliestAccepted = weekly ? label.minusDays(6) : label;
            if (latest != null && !latest.getKey().isBefore(earliestAccepted)) {
                values[i] = latest.getValue();
            }
        }
        return bridge(values);
    }

    /** Fills the gaps: linear between known neighbours, flat before the first and after the last. */
    private static List<Double> bridge(Double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.add(values[i]);
                continue;
            }
            int before = i - 1;
            while (before >= 0 && values[before] == null) {
                before--;
            }
            int after = i + 1;
            while (after < values.length && values[after] == null) {
                after++;
            }
            if (before < 0 && after >= values.length) {
                out.add(0.0); // cannot happen: a series has at least one point on a label
            } else if (before < 0) {
                out.add(values[after]);
            } else if (after >= values.length) {
                out.add(values[before]);
            } else {
                double share = (i - before) / (double) (after - before);
                out.add(values[before] + share * (values[after] - values[before]));
            }
        }
        return out;
    }

    private static String palette(int count) {
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            colours.add(String.format(Locale.ROOT, "#%06X", ChartStyle.colour(i).getRGB() & 0xFFFFFF));
        }
        return String.join(", ", colours);
    }

    static String text(String text) {
        return UNSAFE.matcher(text).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%d", (long) rounded);
        }
        return String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0$", "");
    }
}
