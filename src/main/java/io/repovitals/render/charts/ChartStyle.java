package io.repovitals.render.charts;

import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The one look of every chart: white background, faint grid, the Okabe-Ito palette (readable with
 * the common colour-vision deficiencies) and, per series, its own dash pattern and marker, so lines
 * differ without colour too. Fonts are the JDK's logical ones, present wherever AWT has any font.
 */
final class ChartStyle {
    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    /** Okabe-Ito, without its yellow, which is too light on white; black last. */
    static final Color[] PALETTE = {
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000)};

    static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};

    static final int MAX_MARKED_POINTS = 31;

    private static final float LINE_WIDTH = 2.5f;
    static final BasicStroke[] STROKES = {
            new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND),
            stroke(10f, 5f),
            stroke(2.5f, 4f),
            stroke(12f, 4f, 2.5f, 4f),
            stroke(6f, 6f),
            stroke(16f, 4f),
            stroke(2.5f, 8f)};

    /** Forecast bands: the series colour at about a fifth of its strength. */
    static final int BAND_ALPHA = 56;

    private static final Color TEXT = new Color(0x222222);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x9A9A9A);

    private ChartStyle() {}

    static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static Marker marker(int index) {
        return MARKERS[index % MARKERS.length];
    }

    static BasicStroke stroke(int index) {
        return STROKES[index % STROKES.length];
    }

    static Color band(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), BAND_ALPHA);
    }

    static void apply(XYStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(TEXT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartTitleBoxVisible(false);
        styler.setChartPadding(12);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(AXIS);
        styler.setPlotGridLinesVisible(true);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendSeriesLineLength(36);
        styler.setMarkerSize(6);
        styler.setLocale(Locale.ENGLISH);
        styler.setTimezone(TimeZone.getTimeZone("UTC"));
        styler.setDatePattern("MMM d");
        styler.setYAxisDecimalPattern("#,##0.#");
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    private static BasicStroke stroke(float... dashes) {
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
    }
}
