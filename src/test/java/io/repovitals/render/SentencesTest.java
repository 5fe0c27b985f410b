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
    @Test
    void should_compare_this_week_with_the_past_weeks_exactly_in_the_metrics_words() {
        // Stale issues: fewer is better. 5 now against 3, 5, 7, 9: better than 2 (7, 9), same as 1, worse than 1 (3).
        assertThat(Sentences.comparison("issues.stale", 5, List.of(3.0, 5.0, 7.0, 9.0)))
                .isEqualTo("fewer than in 2, the same as in 1 and more than in 1 of the last 4 weeks");
        // PRs merged: more is better; 12 beats every one of 10, 11, 10, 11.
        assertThat(Sentences.comparison("prs.merged", 12, List.of(10.0, 11.0, 10.0, 11.0)))
                .isEqualTo("more than in any of the last 4 weeks");
        // A duration is longer or shorter, not more or fewer: 9 h against 4, 5, 6, 7 h waits longer than all.
        assertThat(Sentences.comparison("prs.time_to_first_review_hours.p50", 9, List.of(4.0, 5.0, 6.0, 7.0)))
                .isEqualTo("longer than in any of the last 4 weeks");
        assertThat(Sentences.comparison("issues.stale", 4, List.of(4.0, 4.0, 4.0, 4.0)))
                .isEqualTo("the same as in each of the last 4 weeks");
    }

    @Test
    void should_say_in_one_clause_why_a_component_is_left_out() {
        ComponentScore contributors = ComponentScore.inconclusive("contributors", "contributors.active", 0.3,
                "contributors: no contributors.active in the last 7 days, left out of the score");
        ComponentScore forks = ComponentScore.inconclusive("fork_growth", "repo.forks", 0.15, "fork growth: needs repo.forks");

        // The catalog's label, not the key.
        assertThat(Sentences.component(contributors, Fixtures.history())).isEqualTo("no active contributors measured in the last 7 days");
        assertThat(Sentences.component(forks, Fixtures.history())).isEqualTo("it needs the forks count of this week and of the week before");
        assertThat(Sentences.componentName(forks)).isEqualTo("Fork growth");
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
