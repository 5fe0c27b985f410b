package io.repovitals.render.charts;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Draws a {@link ChartSpec} with XChart, headless, {@value ChartStyle#WIDTH}x{@value ChartStyle#HEIGHT}
 * pixels, as PNG or SVG (VectorGraphics2D: text becomes paths, so the SVG needs no font to show).
 */
public final class ChartRenderer {
    private ChartRenderer() {}

    public static byte[] png(ChartSpec spec) {
        XYChart chart = chart(spec);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException | Error e) {
            throw failure(spec, "PNG", e);
        }
    }

    public static byte[] svg(ChartSpec spec) {
        XYChart chart = chart(spec);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException | RuntimeException | Error e) {
            throw failure(spec, "SVG", e);
        }
        return out.toByteArray();
    }

    static XYChart chart(ChartSpec spec) {
        XYChart chart = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(spec.title());
        chart.setXAxisTitle("");
        chart.setYAxisTitle(spec.yLabel());
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisTitleVisible(false);
        // The report's heading above the image is the chart's one title (and the alt text repeats it).
        chart.getStyler().setChartTitleVisible(false);
        if (spec.isScore()) {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        }
        for (int i = 0; i < spec.series().size(); i++) {
            ChartSpec.Series line = spec.series().get(i);
            Color colour = ChartStyle.colour(i);
            // Bands first, so that the lines are drawn over them.
            int index = i;
            spec.bandOf(line.name()).ifPresent(band -> addBand(chart, band, colour, index));
        }
        for (int i = 0; i < spec.series().size(); i++) {
            ChartSpec.Series line = spec.series().get(i);
            List<Date> days = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (ChartSpec.Point point : line.points()) {
                days.add(date(point.day()));
                values.add(point.value());
            }
            XYSeries series = chart.addSeries(line.name(), days, values);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setLineColor(ChartStyle.colour(i));
            series.setLineStyle(ChartStyle.stroke(i));
            // Past a month of daily points markers crowd into a thick band; the dash patterns still tell lines apart.
            series.setMarker(line.points().size() <= ChartStyle.MAX_MARKED_POINTS ? ChartStyle.marker(i) : SeriesMarkers.NONE);
            series.setMarkerColor(ChartStyle.colour(i));
        }
        return chart;
    }

    /** The range as one closed polygon: along the upper bound forward, back along the lower bound. */
    private static void addBand(XYChart chart, ChartSpec.Band band, Color colour, int index) {
        List<Date> days = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ChartSpec.BandPoint point : band.points()) {
            days.add(date(point.day()));
            values.add(point.upper());
        }
        for (int i = band.points().size() - 1; i >= 0; i--) {
            days.add(date(band.points().get(i).day()));
            values.add(band.points().get(i).lower());
        }
        XYSeries series = chart.addSeries(band.series() + " forecast (95% range)", days, values);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(ChartStyle.band(colour));
        series.setLineColor(ChartStyle.band(colour));
        series.setLineStyle(ChartStyle.stroke(index));
        series.setMarker(SeriesMarkers.NONE);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static ChartRenderException failure(ChartSpec spec, String format, Throwable cause) {
        if (cause instanceof VirtualMachineError error) {
            throw error;
        }
        return new ChartRenderException("cannot draw chart '" + spec.id() + "' as " + format + ": " + cause
                + " (charts need AWT with fontconfig and at least one font, e.g. Debian's fonts-dejavu-core;"
                + " or set charts: mermaid, which needs neither)", cause);
    }
}
