package io.repovitals.pipeline;

import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ChartFormat;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.Reports;
import io.repovitals.render.WaitingPr;
import io.repovitals.render.charts.Charts;
import io.repovitals.runtime.Log;
import io.repovitals.store.Chart;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The render step of a run: which files go to the history branch and output-dir, and which links each report uses. */
class ReportRenderingTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final String REPO = "octo-org/widgets";
    private static final ReportRendering.ChartHost HOST =
            new ReportRendering.ChartHost("https://github.com", RepoRef.parse(REPO), "repo-vitals-data");

    /** 30 daily snapshots: stars 100..129, forks 10 throughout, 2 PRs merged a day. */
    private static List<Snapshot> history() {
        List<Snapshot> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TreeMap<String, Number> metrics = new TreeMap<>();
            metrics.put("repo.stars", 100L + i);
            metrics.put("repo.forks", 10L);
            metrics.put("prs.opened", 3L);
            metrics.put("prs.merged", 2L);
            days.add(new Snapshot(Snapshot.SCHEMA_VERSION, REPO, AS_OF.minus(Duration.ofDays(29 - i)), 7, metrics,
                    new TreeMap<>(), List.of(), List.of(), CollectionStats.NONE));
        }
        return days;
    }

    private static ReportRendering.Rendered render(ChartFormat format, Optional<ReportRendering.ChartHost> host,
                                                   Map<String, List<WaitingPr>> waiting) {
        Map<String, List<Snapshot>> histories = Map.of(REPO, history());
        OrgAnalysis analysis = new Analyzer().analyzeAll(histories);
        Log quiet = Log.create(false, false, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), System::nanoTime);
        return new ReportRendering(new Reports(Optional.empty()), new Charts(), format, quiet)
                .render(analysis, histories, waiting, host);
    }

    @Test
    void should_link_png_charts_in_the_history_branch_for_the_issue_and_locally_for_report_md() throws Exception {
        ReportRendering.Rendered rendered = render(ChartFormat.PNG, Optional.of(HOST), Map.of());

        String starsUrl = "https://github.com/octo-org/widgets/blob/repo-vitals-data/charts/octo-org/widgets/2026-11-20/stars.png?raw=true";
        assertThat(rendered.weeklyForIssue().get(REPO)).contains("](" + starsUrl + ")");
        assertThat(rendered.localReport()).contains("](charts/octo-org/widgets/stars.png)")
                .doesNotContain("?raw=true");
        byte[] png = rendered.localFiles().get("charts/octo-org/widgets/stars.png");
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(800);
        // The history branch gets the same images plus the full weekly report the issue links to when shortened.
        assertThat(rendered.stored()).extracting(Chart::path)
                .contains("charts/octo-org/widgets/2026-11-20/stars.png", "charts/octo-org/widgets/2026-11-20/report.md");
        Chart fullReport = rendered.stored().stream().filter(chart -> chart.format() == Chart.Format.MARKDOWN).findFirst().orElseThrow();
        assertThat(new String(fullReport.bytes(), StandardCharsets.UTF_8)).isEqualTo(rendered.weeklyForIssue().get(REPO));
        assertThat(rendered.fullReportUrl().get(REPO)).isEqualTo(
                "https://github.com/octo-org/widgets/blob/repo-vitals-data/charts/octo-org/widgets/2026-11-20/report.md?raw=true");
        // report.html carries the images inside it.
        assertThat(rendered.html()).contains("data:image/png;base64,").doesNotContain("src=\"charts/");
    }

    @Test
    void should_keep_images_local_when_the_history_is_not_on_a_github_server() {
        ReportRendering.Rendered rendered = render(ChartFormat.SVG, Optional.empty(), Map.of());

        assertThat(rendered.stored()).isEmpty();
        assertThat(rendered.fullReportUrl()).isEmpty();
        assertThat(rendered.localFiles()).containsKey("charts/octo-org/widgets/stars.svg");
        assertThat(new String(rendered.localFiles().get("charts/octo-org/widgets/stars.svg"), StandardCharsets.UTF_8))
                .contains("<svg");
        // No server to link to: the issue copy carries no image link that would break.
        assertThat(rendered.weeklyForIssue().get(REPO)).doesNotContain("](charts/").doesNotContain(".svg");
        assertThat(rendered.html()).contains("data:image/svg+xml;base64,");
    }

    @Test
    void should_inline_mermaid_blocks_without_any_file() {
        ReportRendering.Rendered rendered = render(ChartFormat.MERMAID, Optional.of(HOST), Map.of());

        assertThat(rendered.localFiles()).isEmpty();
        assertThat(rendered.stored()).extracting(Chart::format).containsOnly(Chart.Format.MARKDOWN);
        String weekly = rendered.weeklyForIssue().get(REPO);
        assertThat(weekly).contains("```mermaid\n").contains("xychart-beta");
        // The block is fenced exactly once: no fence inside the fence.
        String block = weekly.substring(weekly.indexOf("```mermaid\n") + 11);
        assertThat(block.substring(0, block.indexOf("```"))).doesNotContain("mermaid");
    }

    @Test
    void should_leave_charts_out_with_none() {
        ReportRendering.Rendered rendered = render(ChartFormat.NONE, Optional.of(HOST), Map.of());

        assertThat(rendered.localFiles()).isEmpty();
        assertThat(rendered.weeklyForIssue().get(REPO)).doesNotContain("### Charts");
        assertThat(rendered.stored()).extracting(Chart::format).containsOnly(Chart.Format.MARKDOWN);
    }

    @Test
    void should_list_the_waiting_pull_requests_of_a_live_run() {
        WaitingPr waiting = new WaitingPr(REPO, 42, "Fix | the @admins <b>", "ghost", AS_OF.minus(Duration.ofHours(50)), 50.0);
        ReportRendering.Rendered rendered = render(ChartFormat.NONE, Optional.empty(), Map.of(REPO, List.of(waiting)));

        assertThat(rendered.localReport()).contains("#42").doesNotContain("@admins").doesNotContain("<b>");
    }

    @Test
    void should_strip_one_mermaid_fence() {
        assertThat(ReportRendering.unfenced("```mermaid\nxychart-beta\n    line [1, 2]\n```\n"))
                .isEqualTo("xychart-beta\n    line [1, 2]");
    }
}
