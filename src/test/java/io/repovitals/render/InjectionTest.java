package io.repovitals.render;

import io.repovitals.analyze.Analyzer;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile user text (titles, logins, branch names in reasons, repository names) renders as literal
 * text everywhere: no broken table, no @-mention, no surviving HTML comment, no live HTML.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InjectionTest {
    private static final String LONG = "y".repeat(300);
    private static final String HOSTILE = "a|b @someone <img src=x onerror=alert(1)> `code` <!-- repo-vitals:pr --> "
            + "<!-- repo-vitals:report:o/r:2026-W47 -->\nsecond line\r\n![x](https://evil.example/p.png) fixes #123, gh-7 " + LONG;
    private static final String LOGIN = "@someone|<img src=x onerror=alert(1)>";
    private static final String REPO = "o/r|@someone<!-- repo-vitals:pr -->";
    /** What GitHub turns into a mention: @ directly followed by a login character. */
    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_-]");

    private final Reports reports = new Reports(Optional.empty());

    @Test
    void should_keep_hostile_text_literal_in_the_weekly_report_and_its_html() {
        String report = reports.weekly(hostileReport());

        assertLiteral(report);
        // key metrics, contributors, waiting PRs, all metrics; the waiting table keeps its single row.
        assertThat(MarkdownTables.assertConsistent(report)).isEqualTo(4);
        assertThat(MarkdownTables.rowCounts(report).get(1)).isEqualTo(1);
        assertThat(MarkdownTables.rowCounts(report).get(2)).isEqualTo(1);

        String html = reports.html(report, REPO, Map.of());
        assertThat(html).doesNotContain("<img").doesNotContain("<!--").doesNotContain("<code>code</code>");
        // Mentions only matter in what GitHub renders: the page body (the <title> is the caller's plain text).
        assertThat(html.substring(html.indexOf("<body>"))).doesNotContainPattern(MENTION);
        assertThat(html).contains("onerror=alert(1)&gt;"); // shown, as text
    }

    @Test
    void should_keep_hostile_text_literal_in_the_summary_of_several_repositories() {
        RepositoryReport hostile = hostileReport();
        RepositoryReport plain = Fixtures.report(Fixtures.history(), null, List.of());

        String summary = reports.summary(List.of(hostile, plain));

        assertInert(summary);
        assertThat(summary).contains("### o/r\\|@&#8203;someone&lt;");
        assertThat(MarkdownTables.assertConsistent(summary)).isEqualTo(1);
        assertThat(MarkdownTables.rowCounts(summary)).containsExactly(2);
    }

    @Test
    void should_keep_hostile_text_literal_in_the_organisation_report() {
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put(REPO, hostileHistory());
        histories.put(Fixtures.REPO, Fixtures.history());

        String report = reports.organisation(new Analyzer().analyzeAll(histories), histories);

        assertInert(report);
        assertThat(MarkdownTables.assertConsistent(report)).isEqualTo(3);
        assertThat(MarkdownTables.rowCounts(report).get(0)).isEqualTo(2);
    }

    @Test
    void should_not_mention_possible_reviewers_or_break_the_pr_comment() {
        PrVelocity pr = new PrVelocity(REPO, 7, HOSTILE, LOGIN, false, false, Fixtures.NOW, 3.0, null, 5.0,
                1, 1, 1, 0, new PrVelocity.Usual(null, null, 0), new PrVelocity.Usual(null, null, 0),
                new PrVelocity.Usual(null, null, 0), new PrVelocity.Usual(null, null, 0),
                List.of("someone", "@other", "x|y"));

        String comment = reports.prComment(pr);

        assertLiteral(comment);
        assertThat(MarkdownTables.assertConsistent(comment)).isEqualTo(1);
        assertThat(MarkdownTables.rowCounts(comment)).containsExactly(4);
        assertThat(comment).contains("no history yet").contains("someone, @&#8203;other, x\\|y");
    }

    @Test
    void should_embed_only_our_chart_as_an_image_with_its_alt_text_escaped() {
        RepositoryReport input = new RepositoryReport(new Analyzer().analyze(REPO, hostileHistory()), hostileHistory(),
                null, List.of(ChartView.image(HOSTILE, HOSTILE, "https://example.org/stars.png")), null);
        String report = reports.weekly(input);

        String html = reports.html(report, "report", Map.of("https://example.org/stars.png",
                new EmbeddedImage(new byte[] {1, 2, 3}, "image/png")));

        assertLiteral(report);
        assertThat(html.split("<img", -1)).hasSize(2);
        assertThat(html).contains("<img src=\"data:image/png;base64,AQID\"").doesNotContain("evil.example/p.png\"");
    }

    /** No mention, no HTML comment, no raw tag: what any user text must never produce. */
    private static void assertInert(String markdown) {
        assertThat(MENTION.matcher(markdown).find()).as("a mention in:\n" + markdown).isFalse();
        assertThat(markdown).doesNotContain("<!--").doesNotContain("<img").doesNotContain("-->");
        // GitHub links "#123" and "GH-7" to issues and notes the mention in their timelines: user text must not.
        assertThat(Pattern.compile("\\\\?#123|(?i)gh\\\\?-7").matcher(markdown).find()).as("an issue reference in:\n" + markdown).isFalse();
    }

    /** And the hostile title or reason itself is there whole, on one line, as text. */
    private static void assertLiteral(String markdown) {
        assertInert(markdown);
        assertThat(markdown).contains(LONG).contains("\\`code\\`").doesNotContain("![x](");
        assertThat(markdown).doesNotContain("\nsecond line");
    }

    private static RepositoryReport hostileReport() {
        List<Snapshot> history = hostileHistory();
        WaitingPr waiting = new WaitingPr(REPO, 12, HOSTILE, LOGIN, Fixtures.NOW.minus(Duration.ofHours(5)), 5);
        return new RepositoryReport(new Analyzer().analyze(REPO, history), history, List.of(waiting), List.of(), null);
    }

    /** The fixture's history under a hostile name, with a hostile contributor and a reason naming a hostile branch. */
    private static List<Snapshot> hostileHistory() {
        return Fixtures.history().stream().map(s -> new Snapshot(s.schemaVersion(), REPO, s.asOf(), 7, s.metrics(),
                s.asOf().equals(Fixtures.NOW) ? new TreeMap<>(Map.of("ci.runs", "no runs on branch " + HOSTILE,
                        "weird|metric @someone", HOSTILE)) : new TreeMap<>(),
                s.asOf().equals(Fixtures.NOW) ? List.of(new ContributorStats(LOGIN, 1, 0, 0, 0, 0, 1, 1)) : List.of(),
                List.of(), s.asOf().equals(Fixtures.NOW) ? new CollectionStats(1, 0, 1, true) : s.collection())).toList();
    }
}
