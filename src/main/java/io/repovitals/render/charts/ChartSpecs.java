package io.repovitals.render.charts;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.Forecast;
import io.repovitals.analyze.HealthScore;
import io.repovitals.model.Snapshot;
import io.repovitals.render.charts.ChartDefinitions.ChartDef;
import io.repovitals.render.charts.ChartDefinitions.SeriesDef;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides the charts of one repository from its history: the last {@code days} days (by UTC day of
 * asOf, the latest snapshot being "now"), one point per day that measured the metric. A metric missing
 * on every day is left out of its chart; a chart left without series is not drawn.
 */
public final class ChartSpecs {
    public static final int DEFAULT_DAYS = 90;
    /** The health components look back 27 weeks: older snapshots cannot change a score. */
    private static final Duration HEALTH_LOOKBACK = Duration.ofDays(7 * 29);

    private final AnalysisSettings settings;
    private final int days;

    public ChartSpecs(AnalysisSettings settings, int days) {
        if (days < 2) {
            throw new IllegalArgumentException("chart days must be at least 2, got " + days);
        }
        this.settings = settings;
        this.days = days;
    }

    /** Points a series needs to be drawn. */
    static final int MIN_POINTS = 2;

    public ChartSpecs() {
        this(AnalysisSettings.DEFAULTS, DEFAULT_DAYS);
    }

    /** The charts of one repository; empty for an empty history or one of a single day. */
    public List<ChartSpec> specs(List<Snapshot> history, Analysis analysis) {
        List<Snapshot> byDay = onePerDay(history);
        if (byDay.isEmpty()) {
            return List.of();
        }
        LocalDate latest = day(byDay.get(byDay.size() - 1));
        LocalDate firstDay = latest.minusDays(days - 1L);
        List<Snapshot> shown = byDay.stream().filter(s -> !day(s).isBefore(firstDay)).toList();
        int windowDays = byDay.get(byDay.size() - 1).windowDays();

        List<ChartSpec> charts = new ArrayList<>();
        for (ChartDef def : ChartDefinitions.ALL) {
            List<ChartSpec.Series> series = new ArrayList<>();
            for (SeriesDef seriesDef : def.series()) {
                List<ChartSpec.Point> points = seriesDef.metric().equals(ChartDefinitions.HEALTH_SCORE)
                        ? healthPoints(byDay, firstDay)
                        : points(shown, seriesDef);
                // One point draws no line: a repository's first day (no backfill) gets no charts yet.
                if (points.size() >= MIN_POINTS) {
                    series.add(new ChartSpec.Series(seriesDef.name(), seriesDef.metric(), points));
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            List<ChartSpec.Band> bands = bands(def, series, analysis, latest);
            String yLabel = def.yLabel().replace("{window}", Integer.toString(windowDays));
            String title = def.title() + ", last " + days + " days";
            charts.add(new ChartSpec(def.id(), title, yLabel, series, bands, AltText.of(title, def.unit(), series, bands)));
        }
        return charts;
    }

    private static List<ChartSpec.Point> points(List<Snapshot> snapshots, SeriesDef def) {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            Number value = snapshot.metrics().get(def.metric());
            if (value != null && Double.isFinite(value.doubleValue())) {
                points.add(new ChartSpec.Point(day(snapshot), value.doubleValue() * def.scale()));
            }
        }
        return points;
    }

    /**
     * The health score as the analysis would have given it on the latest day and every 7th day before,
     * each from the history up to that day (weekly points: the score is weekly, and it keeps this cheap).
     */
    private List<ChartSpec.Point> healthPoints(List<Snapshot> byDay, LocalDate firstDay) {
        List<ChartSpec.Point> points = new ArrayList<>();
        LocalDate next = day(byDay.get(byDay.size() - 1));
        for (int end = byDay.size() - 1; end >= 0 && !next.isBefore(firstDay); end--) {
            Snapshot snapshot = byDay.get(end);
            LocalDate day = day(snapshot);
            if (day.isAfter(next) || day.isBefore(firstDay)) {
                continue;
            }
            Instant from = snapshot.asOf().minus(HEALTH_LOOKBACK);
            int start = end;
            while (start > 0 && !byDay.get(start - 1).asOf().isBefore(from)) {
                start--;
            }
            Double score = HealthScore.of(byDay.subList(start, end + 1), settings.weights()).score();
            if (score != null) {
                points.add(0, new ChartSpec.Point(day, score));
            }
            next = day.minusDays(7);
        }
        return points;
    }

    /** A forecast band from each forecast series' last point out to the forecast's day. */
    private static List<ChartSpec.Band> bands(ChartDef def, List<ChartSpec.Series> series, Analysis analysis,
                                              LocalDate latest) {
        List<ChartSpec.Band> bands = new ArrayList<>();
        for (ChartSpec.Series line : series) {
            double scale = def.series().stream().filter(s -> s.metric().equals(line.metric()))
                    .mapToDouble(SeriesDef::scale).findFirst().orElse(1);
            Optional.ofNullable(analysis.forecasts().get(line.metric())).ifPresent(forecast -> {
                ChartSpec.Point last = line.last();
                LocalDate end = latest.plusDays(forecast.days());
                if (end.isAfter(last.day())) {
                    bands.add(band(line.name(), last, end, forecast, scale));
                }
            });
        }
        return bands;
    }

    private static ChartSpec.Band band(String name, ChartSpec.Point last, LocalDate end, Forecast forecast, double scale) {
        // The range is nothing at the last measured point and widens to the forecast's interval.
        return new ChartSpec.Band(name, List.of(
                new ChartSpec.BandPoint(last.day(), last.value(), last.value(), last.value()),
                new ChartSpec.BandPoint(end, forecast.lower() * scale, forecast.value() * scale, forecast.upper() * scale)));
    }

    /** Sorted by asOf; of two snapshots on one UTC day the later stands for the day (a re-run replaces it). */
    private static List<Snapshot> onePerDay(List<Snapshot> history) {
        TreeMap<LocalDate, Snapshot> byDay = new TreeMap<>();
        for (Snapshot snapshot : history) {
            byDay.merge(day(snapshot), snapshot, (a, b) -> b.asOf().isBefore(a.asOf()) ? a : b);
        }
        return List.copyOf(byDay.values());
    }

    static LocalDate day(Snapshot snapshot) {
        return LocalDate.ofInstant(snapshot.asOf(), ZoneOffset.UTC);
    }
}
