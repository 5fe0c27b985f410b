package io.repovitals.render;

import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.Analyzer;
import io.repovitals.model.Snapshot;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal escaping changes nothing a reader sees: each golden file, rendered by a GFM renderer
 * (CommonMark with GitHub's tables, strikethrough and autolinks; raw HTML passed through, as GitHub
 * passes it to its sanitiser), gives the same HTML as the same report rendered with the older escaping
 * of every punctuation character. And the golden file is smaller for it, with no escaped decimal point.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoldenGfmTest {
    private static final List<Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();

    private final Reports minimal = new Reports(Optional.empty());
    private final Reports everything = new Reports(Optional.empty(), AnalysisSettings.DEFAULTS,
            MarkdownOutputFormat.escapingEverything());

    @Test
    void should_render_the_weekly_report_the_same_as_with_everything_escaped() throws IOException {
        assertSameHtml("report.md", reports -> reports.weekly(Fixtures.report(Fixtures.history(), Fixtures.waiting(),
                List.of(ChartView.image("Stars", "stars over 90 days", "https://example.org/charts/stars.png"),
                        ChartView.mermaid("PRs merged", "PRs merged a week", "xychart-beta\n  bar [10, 11, 12]")))));
    }

    @Test
    void should_render_the_weekly_report_from_history_the_same_as_with_everything_escaped() throws IOException {
        assertSameHtml("report-history-only.md", reports -> reports.weekly(Fixtures.report(Fixtures.history(), null, List.of())));
    }

    @Test
    void should_render_the_summaries_the_same_as_with_everything_escaped() throws IOException {
        assertSameHtml("summary-one.md", reports -> reports.summary(List.of(Fixtures.report(Fixtures.history(), null, List.of()))));
        assertSameHtml("summary-several.md", reports -> reports.summary(List.of(Fixtures.report(Fixtures.history(), null, List.of()),
                Fixtures.report(GoldenTemplatesTest.quietHistory("acme/launchpad"), null, List.of()))));
    }

    @Test
    void should_render_the_organisation_report_the_same_as_with_everything_escaped() throws IOException {
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put(Fixtures.REPO, Fixtures.history());
        histories.put("acme/launchpad", GoldenTemplatesTest.quietHistory("acme/launchpad"));
        assertSameHtml("org-report.md", reports -> reports.organisation(new Analyzer().analyzeAll(histories), histories));
    }

    @Test
    void should_render_the_pr_comment_the_same_as_with_everything_escaped() throws IOException {
        PrVelocity pr = new PrVelocity(Fixtures.REPO, 57, "Speed up the build", "alice", false, false, Fixtures.NOW,
                30.0, null, 50.0, 300, 120, 9, 0,
                new PrVelocity.Usual(6.0, 20.0, 12), new PrVelocity.Usual(40.0, 96.0, 12),
                new PrVelocity.Usual(150.0, 600.0, 12), new PrVelocity.Usual(1.0, null, 12),
                List.of("bob", "carol"));
        assertSameHtml("pr-comment.md", reports -> reports.prComment(pr));
    }

    @Test
    void should_render_hostile_user_text_the_same_as_with_everything_escaped() {
        // Every character Markdown gives a meaning, at the start, inside and at the end of a title and a login.
        String title = "# 1. - + = > Fix *all* _the_ `code` [x](y) ![i](https://evil.example/p.png) <b>b</b> &amp; &copy"
                + " a|b ~~s~~ $x$ \\ @admins fixes #12 and gh-7, snake_case_name 54.9 (D) trailing #";
        WaitingPr waiting = new WaitingPr(Fixtures.REPO, 9, title, "@evil|<i>", Fixtures.NOW.minus(Duration.ofHours(3)), 3,
                Fixtures.pull(9));
        WaitingPr noLink = new WaitingPr(Fixtures.REPO, 10, title, "- x", Fixtures.NOW.minus(Duration.ofHours(2)), 2);
        Function<Reports, String> render = reports -> reports.weekly(Fixtures.report(Fixtures.history(),
                List.of(waiting, noLink), List.of()));

        String minimalMarkdown = render.apply(minimal);

        assertThat(html(minimalMarkdown)).isEqualTo(html(render.apply(everything)));
        // And the escaping still does its work: no tag, no mention, no issue reference survives.
        assertThat(html(minimalMarkdown)).doesNotContain("<b>", "<i>", "<em>all</em>", "<code>code</code>", "<del>", "<h1>")
                .doesNotContainPattern("@[A-Za-z]").doesNotContain("#12 ", "gh-7");
    }

    private void assertSameHtml(String golden, Function<Reports, String> render) throws IOException {
        String markdown = render.apply(minimal);
        String older = render.apply(everything);

        assertThat(markdown).as("the golden file " + golden).isEqualTo(
                Files.readString(Path.of("src/test/resources/golden").resolve(golden), StandardCharsets.UTF_8));
        assertThat(html(markdown)).as(golden + " as GFM").isEqualTo(html(older));
        // No escaped decimal point or underscore inside a word is left in the raw Markdown.
        assertThat(markdown).doesNotContainPattern("\\d\\\\\\.\\d").doesNotContainPattern("[a-z]\\\\_[a-z]");
    }

    private static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }
}
