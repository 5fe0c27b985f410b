package io.repovitals.render.charts;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PNG and SVG files of the expected size, and pixels that prove the lines and the band are drawn. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartRendererTest {
    private static final LocalDate START = LocalDate.parse("2026-10-22");
    private static final Color BLUE = new Color(0x0072B2);
    private static final Color VERMILLION = new Color(0xD55E00);

    /** 30 days rising from 0 to 290 (blue, the first colour). */
    private static ChartSpec.Series rising() {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new ChartSpec.Point(START.plusDays(i), i * 10));
        }
        return new ChartSpec.Series("Rising", "repo.stars", points);
    }

    /** 30 days at 150 (vermillion when it is the second series). */
    private static ChartSpec.Series flat() {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new ChartSpec.Point(START.plusDays(i), 150));
        }
        return new ChartSpec.Series("Flat", "repo.forks", points);
    }

    private static ChartSpec spec(List<ChartSpec.Series> series, List<ChartSpec.Band> bands) {
        return new ChartSpec("test", "Test chart", "count", series, bands, "alt");
    }

    private static BufferedImage image(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO reads the PNG").isNotNull();
        return image;
    }

    private static boolean near(int rgb, Color colour, int tolerance) {
        Color pixel = new Color(rgb);
        return Math.abs(pixel.getRed() - colour.getRed()) <= tolerance
                && Math.abs(pixel.getGreen() - colour.getGreen()) <= tolerance
                && Math.abs(pixel.getBlue() - colour.getBlue()) <= tolerance;
    }

    private static int count(BufferedImage image, Color colour, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), colour, tolerance)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The highest (smallest y) pixel of the colour in a column, or -1; the legend is below the plot. */
    private static int topmost(BufferedImage image, int x, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (near(image.getRGB(x, y), colour, 12)) {
                return y;
            }
        }
        return -1;
    }

    @Test
    void should_write_a_png_of_800_by_400() throws IOException {
        BufferedImage image = image(ChartRenderer.png(spec(List.of(rising()), List.of())));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("light background").isEqualTo(0xFFFFFF);
    }

    @Test
    void should_write_an_svg_whose_root_is_800_by_400() throws Exception {
        byte[] svg = ChartRenderer.svg(spec(List.of(rising(), flat()), List.of()));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();

        assertThat(root.getLocalName() == null ? root.getTagName() : root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("800px");
        assertThat(root.getAttribute("height")).isEqualTo("400px");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 400");
    }

    @Test
    void should_draw_the_rising_series_in_its_colour_from_bottom_left_to_top_right() throws IOException {
        BufferedImage image = image(ChartRenderer.png(spec(List.of(rising()), List.of())));

        assertThat(count(image, BLUE, 12)).as("pixels of the line").isGreaterThan(600);
        // Across the middle of the plot every column has the line, and it climbs (y shrinks) left to right.
        List<Integer> tops = new ArrayList<>();
        for (int x = 150; x <= 650; x += 50) {
            tops.add(topmost(image, x, BLUE));
        }
        assertThat(tops).doesNotContain(-1);
        for (int i = 1; i < tops.size(); i++) {
            assertThat(tops.get(i)).as("column %d", 150 + 50 * i).isLessThan(tops.get(i - 1));
        }
        // From about 0 to about 290 over 500 of the ~730 plot pixels: the line climbs well over half the plot height.
        assertThat(tops.get(0) - tops.get(tops.size() - 1)).isGreaterThan(150);
    }

    @Test
    void should_lack_a_series_colour_when_that_series_is_removed() throws IOException {
        BufferedImage both = image(ChartRenderer.png(spec(List.of(rising(), flat()), List.of())));
        BufferedImage risingOnly = image(ChartRenderer.png(spec(List.of(rising()), List.of())));

        assertThat(count(both, VERMILLION, 12)).isGreaterThan(400);
        assertThat(count(risingOnly, VERMILLION, 40)).isZero();
        // The flat line is horizontal: in the plot's middle columns its topmost pixel is on one row.
        assertThat(topmost(both, 300, VERMILLION)).isBetween(topmost(both, 500, VERMILLION) - 1, topmost(both, 500, VERMILLION) + 1);
    }

    @Test
    void should_leave_the_title_to_the_heading_above_the_picture() {
        // One title per chart: the report's heading; the picture draws none (its alt text still starts with it).
        assertThat(ChartRenderer.chart(spec(List.of(rising()), List.of())).getStyler().isChartTitleVisible()).isFalse();
    }

    @Test
    void should_fill_the_forecast_band_with_a_translucent_tint_of_the_series_colour() throws IOException {
        ChartSpec.Series series = rising();
        ChartSpec.Band band = new ChartSpec.Band("Rising", List.of(
                new ChartSpec.BandPoint(series.last().day(), 290, 290, 290),
                new ChartSpec.BandPoint(series.last().day().plusDays(30), 250, 340, 430)));
        BufferedImage withBand = image(ChartRenderer.png(spec(List.of(series), List.of(band))));
        BufferedImage without = image(ChartRenderer.png(spec(List.of(series), List.of())));

        // Blue at alpha 56/255 over white: 255 - (255 - c) * 56 / 255 per channel.
        Color tint = new Color(255 - 255 * 56 / 255, 255 - (255 - 0x72) * 56 / 255, 255 - (255 - 0xB2) * 56 / 255);
        assertThat(count(withBand, tint, 6)).as("band pixels").isGreaterThan(3000);
        // Without the band only the line's anti-aliased edges come near the tint (80 pixels on the plot, which is
        // taller since the picture has no title of its own): under a twentieth of the band's.
        assertThat(count(without, tint, 6)).isLessThan(150);
    }

    @Test
    void should_draw_a_single_point_chart() throws IOException {
        ChartSpec single = spec(List.of(new ChartSpec.Series("One", "repo.stars",
                List.of(new ChartSpec.Point(START, 7)))), List.of());

        BufferedImage image = image(ChartRenderer.png(single));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(count(image, BLUE, 12)).as("the marker").isGreaterThan(10);
    }
}
