package io.repovitals.render;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HtmlReportTest {
    @Test
    void should_make_one_self_contained_page_with_the_chart_inlined() {
        String markdown = new Reports(Optional.empty()).weekly(Fixtures.report(Fixtures.history(), null,
                List.of(ChartView.image("Stars", "stars over 90 days", "charts/acme/rocket/2026-11-20/stars.png"))));

        String html = HtmlReport.render(markdown, "acme/rocket, week 2026-W47",
                Map.of("charts/acme/rocket/2026-11-20/stars.png", new EmbeddedImage(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>acme/rocket, week 2026-W47</title>", "<style>");
        // 0x89 'P' 'N' 'G' in base64 is iVBORw==.
        assertThat(html).contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"stars over 90 days\" />");
        assertThat(html).doesNotContain("<script", "<link", "charts/acme/rocket/2026-11-20/stars.png");
        // GFM tables become HTML tables: key metrics and all metrics, plus the contributors.
        assertThat(html.split("<table>", -1)).hasSize(4);
    }

    @Test
    void should_show_raw_html_and_script_links_as_text() {
        String html = HtmlReport.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", "t", Map.of());

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("href=\"javascript");
    }

    @Test
    void should_refuse_an_image_without_an_image_mime_type() {
        assertThatThrownBy(() -> new EmbeddedImage(new byte[0], "text/html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an embedded image needs an image/* MIME type such as image/png, got text/html");
    }
}
