package io.repovitals.render.charts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One chart, decided from the history and drawn by {@link ChartRenderer} or {@link MermaidCharts}.
 *
 * @param id     file name without extension, e.g. {@code stars-forks}
 * @param yLabel the y axis title, with its unit
 * @param series at least one, each with at least one point, oldest first
 * @param bands  forecast ranges, each tied to a series by name; may be empty
 * @param altText one or two sentences a screen-reader user can use instead of the picture
 */
public record ChartSpec(String id, String title, String yLabel, List<Series> series, List<Band> bands, String altText) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ChartSpec {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id '" + id + "' must be lower-case letters, digits and '-'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(altText, "altText");
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        if (series.isEmpty()) {
            throw new IllegalArgumentException(id + ": a chart needs at least one series");
        }
        for (Band band : bands) {
            if (series.stream().noneMatch(s -> s.name().equals(band.series()))) {
                throw new IllegalArgumentException(id + ": band for unknown series '" + band.series() + "'");
            }
        }
    }

    /** A 0..100 score chart: its axis should show the whole scale, not zoom into the values. */
    public boolean isScore() {
        return series.stream().allMatch(line -> line.metric().equals(ChartDefinitions.HEALTH_SCORE));
    }

    /** The band of the named series, if it has one. */
    public Optional<Band> bandOf(String seriesName) {
        return bands.stream().filter(band -> band.series().equals(seriesName)).findFirst();
    }

    /** A day's value. */
    public record Point(LocalDate day, double value) {
        public Point {
            Objects.requireNonNull(day, "day");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a chart point needs a finite value, got " + value);
            }
        }
    }

    /** One line of the chart; {@code metric} is the snapshot metric it shows (or {@code health.score}). */
    public record Series(String name, String metric, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metric, "metric");
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException(name + ": a series needs at least one point");
            }
            for (int i = 1; i < points.size(); i++) {
                if (!points.get(i).day().isAfter(points.get(i - 1).day())) {
                    throw new IllegalArgumentException(name + ": points must be one per day, oldest first");
                }
            }
        }

        public Point first() {
            return points.get(0);
        }

        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    /**
     * A forecast range: from the series' last point (where it is a single value) out to the forecast day.
     *
     * @param series the name of the series it continues
     */
    public record Band(String series, List<BandPoint> points) {
        public Band {
            Objects.requireNonNull(series, "series");
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException(series + ": a forecast band needs a start and an end");
            }
        }

        public BandPoint end() {
            return points.get(points.size() - 1);
        }
    }

    /** The expected value and its range on one day. */
    public record BandPoint(LocalDate day, double lower, double expected, double upper) {
        public BandPoint {
            Objects.requireNonNull(day, "day");
            if (!(lower <= expected && expected <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("a band point needs finite lower <= expected <= upper");
            }
        }
    }
}
