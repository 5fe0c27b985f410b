package io.repovitals.render.charts;

import io.repovitals.analyze.Analyzer;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade end to end: a history with every charted metric gives every chart, each drawable three ways. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartsTest {
    static List<Snapshot> fullHistory(int days) {
        return TestHistories.daily()
                .ramp("repo.stars", days, 120, 0.5).ramp("repo.forks", days, 10, 0.05)
                .ramp("prs.opened", days, 8, 0.01).ramp("prs.merged", days, 6, 0.01)
                .ramp("prs.time_to_first_review_hours.p50", days, 9, -0.02).ramp("prs.time_to_first_review_hours.p90", days, 30, -0.05)
                .ramp("prs.time_to_merge_hours.p50", days, 20, -0.03).ramp("prs.time_to_merge_hours.p90", days, 70, -0.1)
                .ramp("issues.open_age_days.mean", days, 40, 0.1).ramp("issues.open_age_days.p50", days, 30, 0.1)
                .ramp("issues.awaiting_first_response", days, 5, 0.02).ramp("issues.stale", days, 12, -0.02)
                .ramp("ci.duration_minutes.p50", days, 8, 0.01).ramp("ci.duration_minutes.p90", days, 15, 0.02)
                .ramp("ci.failure_rate", days, 0.1, -0.0005)
                .ramp("contributors.active", days, 4, 0.01)
                .build();
    }

    @Test
    void should_give_every_chart_for_a_full_history_and_draw_each_as_png_svg_and_mermaid() throws IOException {
        List<Snapshot> history = fullHistory(120);
        Charts charts = new Charts();

        List<ChartSpec> specs = charts.specs(history, new Analyzer().analyze(TestHistories.REPO, history));

        assertThat(specs).extracting(ChartSpec::id).containsExactly("stars", "forks", "pr-throughput", "review-merge-time",
                "issue-age", "issue-attention", "ci-duration", "ci-failure-rate", "health-score");
        for (ChartSpec spec : specs) {
            assertThat(ImageIO.read(new ByteArrayInputStream(charts.png(spec)))).as(spec.id()).isNotNull();
            assertThat(new String(charts.svg(spec), StandardCharsets.UTF_8)).as(spec.id()).contains("<svg");
            assertThat(charts.mermaid(spec)).as(spec.id()).startsWith("```mermaid\n").endsWith("```\n");
        }
    }

    @Test
    void should_mention_where_each_line_starts_and_ends_in_the_alt_text() {
        List<Snapshot> history = fullHistory(120);

        List<ChartSpec> specs = new Charts().specs(history, new Analyzer().analyze(TestHistories.REPO, history));

        // 120 days from 120 by 0.5 a day: the 90 shown run from day 31 (135) to day 120 (179.5); forks 11.5 to 15.95.
        // Each has its own chart, and its alt text keeps the chart's title.
        assertThat(specs.get(0).altText()).startsWith("Stars, last 90 days: Stars rose from 135 to 179.5 over 89 days."
                + " Stars forecast ");
        assertThat(specs.get(1).altText()).startsWith("Forks, last 90 days: Forks rose from 11.5 to 16 over 89 days.");
    }
}
