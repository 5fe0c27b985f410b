package io.repovitals.render;

import io.repovitals.analyze.ComponentScore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of the report's phrasing: comparisons with past weeks, shortened titles, minimal escaping, the digest's cut. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SentencesTest {
    /** Past weeks with {@code below} smaller values than this week's, {@code same} equal and {@code above} larger. */
    private static ComponentScore.PastWeeks past(int below, int same, int above) {
        return new ComponentScore.PastWeeks(below, same, above, 26, 4);
    }

    @Test
    void should_compare_this_week_with_the_past_weeks_exactly_in_the_metrics_words() {
        // Stale issues: fewer is better. 5 now against 3, 5, 7, 9: 1 smaller (3), 1 equal, 2 larger (7, 9).
        assertThat(Sentences.comparison("issues.stale", past(1, 1, 2)))
                .isEqualTo("fewer than in 2, as many as in 1 and more than in 1 of the last 4 weeks");
        // PRs merged: more is better; 12 beats every one of 10, 11, 10, 11.
        assertThat(Sentences.comparison("prs.merged", past(4, 0, 0))).isEqualTo("more than in any of the last 4 weeks");
        // A duration is longer or shorter, not more or fewer: 9 h against 4, 5, 6, 7 h waits longer than all.
        assertThat(Sentences.comparison("prs.time_to_first_review_hours.p50", past(4, 0, 0)))
                .isEqualTo("longer than in any of the last 4 weeks");
        // The issue's example: half the weeks had more stale issues, half fewer; the better side comes first.
        assertThat(Sentences.comparison("issues.stale", past(13, 0, 13)))
                .isEqualTo("fewer than in 13 and more than in 13 of the last 26 weeks");
    }

    @Test
    void should_read_naturally_for_ties_all_weeks_one_week_and_none() {
        // Ties: a count is "as many as", a duration "as long as".
        assertThat(Sentences.comparison("issues.stale", past(0, 4, 0))).isEqualTo("as many as in each of the last 4 weeks");
        assertThat(Sentences.comparison("prs.time_to_first_review_hours.p50", past(0, 5, 0)))
                .isEqualTo("as long as in each of the last 5 weeks");
        assertThat(Sentences.comparison("prs.merged", past(20, 6, 0))).isEqualTo("more than in 20 and as many as in 6 of the last 26 weeks");
        assertThat(Sentences.comparison("prs.merged", past(0, 6, 20))).isEqualTo("as many as in 6 and fewer than in 20 of the last 26 weeks");
        // Every week worse: stale issues larger than in all 26 (none had more).
        assertThat(Sentences.comparison("issues.stale", past(26, 0, 0))).isEqualTo("more than in any of the last 26 weeks");
        // One past week or none: no "any of the last 1 weeks".
        assertThat(Sentences.comparison("prs.merged", past(1, 0, 0))).isEqualTo("more than in the week before");
        assertThat(Sentences.comparison("prs.merged", past(0, 1, 0))).isEqualTo("as many as in the week before");
        assertThat(Sentences.comparison("issues.stale", past(1, 0, 0))).isEqualTo("more than in the week before");
        assertThat(Sentences.comparison("prs.merged", past(0, 0, 0))).isEqualTo("with no past week to compare");
    }

    @Test
    void should_say_in_one_clause_why_a_component_is_left_out() {
        ComponentScore contributors = ComponentScore.inconclusive("contributors", "contributors", "contributors.active",
                ComponentScore.Measure.WEEKLY_VALUE, 0.3, ComponentScore.LeftOut.NO_VALUE_THIS_WEEK, "contributors: left out");
        ComponentScore forks = ComponentScore.inconclusive("fork_growth", "fork growth", "repo.forks",
                ComponentScore.Measure.WEEKLY_GROWTH, 0.15, ComponentScore.LeftOut.NO_VALUE_THIS_WEEK, "fork growth: left out");
        ComponentScore empty = ComponentScore.inconclusive("fork_growth", "fork growth", "repo.forks",
                ComponentScore.Measure.WEEKLY_GROWTH, 0.15, ComponentScore.LeftOut.NO_HISTORY, "fork growth: no history");

        // The catalog's label, not the key; a growth needs two weeks.
        assertThat(Sentences.component(contributors)).isEqualTo("no active contributors measured in the last 7 days");
        assertThat(Sentences.component(forks)).isEqualTo("it needs the forks count of this week and of the week before");
        assertThat(Sentences.component(empty)).isEqualTo("no history yet");
        assertThat(Sentences.componentName(forks)).isEqualTo("Fork growth");
        assertThat(Sentences.componentName(contributors)).isEqualTo("Contributors");
    }

    @Test
    void should_phrase_a_scored_component_from_the_analysis_facts_alone() {
        // 7 new forks this week, larger than in 20 of the past weeks, smaller than in 6: more is better.
        ComponentScore forks = ComponentScore.fromHistory("fork_growth", "fork growth", "repo.forks",
                ComponentScore.Measure.WEEKLY_GROWTH, 0.15, 76.9, 7, past(20, 0, 6), "fork growth 77");
        assertThat(Sentences.component(forks)).isEqualTo("7 new forks this week, more than in 20 and fewer than in 6 of the last 26 weeks");
        // 2 past weeks only: the bands scored it, and the sentence says how many weeks were needed.
        ComponentScore stale = ComponentScore.fromBands("issue_freshness", "issue freshness", "issues.stale",
                ComponentScore.Measure.WEEKLY_VALUE, 0.15, 80, 5, past(1, 0, 1), "issue freshness 80");
        assertThat(Sentences.component(stale))
                .isEqualTo("5 stale issues; scored on fixed reference bands, as there are only 2 past weeks of history (4 needed)");
    }

    @Test
    void should_shorten_at_a_word_boundary_and_keep_short_text_whole() {
        assertThat(Shorten.text("Bump deps", 60)).isEqualTo("Bump deps");
        // Width 20: at most 19 characters then "…"; the last space within them follows "with" (14 characters, ≥ 2/3 of 20).
        assertThat(Shorten.text("Add retry with backoff to uploads", 20)).isEqualTo("Add retry with…");
        // One long word is cut inside it; emoji count as one character each, never split in half.
        assertThat(Shorten.text("x".repeat(30), 10)).isEqualTo("xxxxxxxxx…");
        assertThat(Shorten.text("😀".repeat(12), 10)).isEqualTo("😀".repeat(9) + "…");
        assertThat(Shorten.text("two\nlines  here", 60)).isEqualTo("two lines here");
    }

    @Test
    void should_escape_only_what_github_would_read_as_markup() {
        assertThat(MdEscape.text("health 54.9 (D) from pr_throughput, R&D")).isEqualTo("health 54.9 (D) from pr_throughput, R&D");
        assertThat(MdEscape.text("_x_ *y* a|b `c` [d] ~e~ $f$")).isEqualTo("\\_x\\_ \\*y\\* a\\|b \\`c\\` \\[d\\] \\~e\\~ \\$f\\$");
        // Block markers only where a line starts (list, ordered list, heading, quote), or a heading would close.
        assertThat(MdEscape.text("- item")).isEqualTo("\\- item");
        assertThat(MdEscape.text("12. twelve")).isEqualTo("12\\. twelve");
        assertThat(MdEscape.text("# title #")).isEqualTo("\\# title \\#");
        assertThat(MdEscape.text("> quote")).isEqualTo("&gt; quote");
        assertThat(MdEscape.text("a - b. c # d")).isEqualTo("a - b. c # d");
        // No mention, no issue reference, no entity, no tag.
        assertThat(MdEscape.text("@bob fixes #12, GH-7 &copy; <b>")).isEqualTo(
                "@&#8203;bob fixes #&#8203;12, GH-&#8203;7 &amp;copy; &lt;b&gt;");
        assertThat(MdEscape.linkTitle("say \"hi\"")).isEqualTo("say \\\"hi\\\"");
    }

    @Test
    void should_keep_the_waiting_pull_request_when_the_digest_is_cut() {
        Md anomaly = new Md("anomaly");
        Md move = new Md("move");
        Md change = new Md("change");
        Md waiting = new Md("waiting");

        ReportViews.Digest digest = new ReportViews.Digest(List.of(anomaly, move, change), Optional.of(waiting));

        assertThat(digest.all()).containsExactly(anomaly, move, change, waiting);
        assertThat(digest.first(3)).containsExactly(anomaly, move, waiting);
        assertThat(new ReportViews.Digest(List.of(anomaly, move, change), Optional.empty()).first(2)).containsExactly(anomaly, move);
        assertThat(new ReportViews.Digest(List.of(), Optional.empty()).all()).containsExactly(Sentences.quiet());
    }
}
