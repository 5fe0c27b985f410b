package io.repovitals.pipeline;

import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: one gap per repository and kind, at most 10 annotations a run. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GapDigestTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Log log = Log.create(true, false, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L);

    private List<String> annotations() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("::warning::")).toList();
    }

    @Test
    void should_make_one_gap_of_the_metrics_missing_for_lack_of_activity_and_one_per_other_reason() {
        RepoRef repo = RepoRef.parse("acme/svc-0007");
        Map<String, String> missing = new TreeMap<>(Map.of(
                "prs.time_to_merge_hours.p50", "no pull request was merged in the window",
                "ci.failure_rate", "no decided runs in the window",
                "traffic.views", "needs a token with push access (HTTP 403)",
                "traffic.clones", "needs a token with push access (HTTP 403)",
                "issues.open_age_days.mean", "GitHub's GraphQL API answered issues of acme/svc-0007 with an error (TIMEOUT)"));

        List<GapDigest.Gap> gaps = GapDigest.of(repo, missing, null);

        // Three kinds: the two "no ..." reasons together, push access (two metrics), the error (one metric).
        assertThat(gaps).extracting(GapDigest.Gap::line).containsExactlyInAnyOrder(
                "acme/svc-0007: 2 metrics missing (nothing of their kind happened in the window): ci.failure_rate"
                        + " (no decided runs in the window); prs.time_to_merge_hours.p50 (no pull request was merged in the window)",
                "acme/svc-0007: 2 metrics missing (needs a token with push access (HTTP 403)): traffic.clones, traffic.views",
                "acme/svc-0007: issues.open_age_days.mean missing: GitHub's GraphQL API answered issues of acme/svc-0007"
                        + " with an error (TIMEOUT)");
        // The kind does not name the repository, so the same error elsewhere is the same kind.
        assertThat(gaps).extracting(GapDigest.Gap::kind)
                .contains("GitHub's GraphQL API answered issues of the repository with an error (TIMEOUT)");
    }

    @Test
    void should_annotate_each_gap_while_there_are_at_most_ten() {
        GapDigest digest = new GapDigest();
        for (int i = 0; i < 5; i++) {
            RepoRef repo = RepoRef.parse("acme/r" + i);
            digest.add(GapDigest.of(repo, Map.of("traffic.views", "needs a token with push access (HTTP 403)",
                    "prs.merge_ratio", "no pull request was merged or closed in the window"), null));
        }

        digest.annotate(log, true);

        // 5 repositories x 2 kinds = 10 gaps: each its own annotation.
        assertThat(annotations()).hasSize(10).contains("::warning::acme/r3: traffic.views missing: needs a token with push access (HTTP 403)");
    }

    @Test
    void should_group_by_kind_beyond_ten_and_fold_the_rarest_kinds_into_the_tenth_annotation() {
        GapDigest digest = new GapDigest();
        for (int i = 0; i < 200; i++) {
            RepoRef repo = RepoRef.parse(String.format("acme/r%03d", i));
            // Every repository: push access; each 10th also one of 12 rare errors (20 repositories, kinds e0..e11).
            Map<String, String> missing = new TreeMap<>(Map.of("traffic.views", "needs a token with push access (HTTP 403)"));
            if (i % 10 == 0) {
                missing.put("issues.opened", "error e" + (i / 10 % 12));
            }
            digest.add(GapDigest.of(repo, missing, i == 199 ? "request budget of 900 exhausted" : null));
        }

        digest.annotate(log, true);

        List<String> annotations = annotations();
        // 14 kinds (push access, 12 errors, the partial snapshot): the 9 most common, then one for the other 5.
        assertThat(annotations).hasSize(10);
        assertThat(annotations.get(0)).isEqualTo("::warning::200 repositories (acme/r000, acme/r001, acme/r002 and 197 more):"
                + " needs a token with push access (HTTP 403) (every repository's gaps: see the job summary, or its \"Collected\" group of the log)");
        // e0..e7 are in 2 repositories each (i/10 % 12 over 0..19), e8..e11 and the partial snapshot in 1:
        // shown: push access, e0..e7 (9); folded: e8..e11 and the partial snapshot, in 5 repositories.
        assertThat(annotations.get(9)).isEqualTo("::warning::5 more kinds of gap in 5 repositories: see the job summary, or their \"Collected\" groups of the log");
    }

    @Test
    void should_not_point_to_a_job_summary_that_is_not_written() {
        GapDigest digest = new GapDigest();
        for (int i = 0; i < 11; i++) {
            digest.add(GapDigest.of(RepoRef.parse("acme/r" + i), Map.of("traffic.views", "needs a token with push access (HTTP 403)"), null));
        }

        digest.annotate(log, false);

        // 11 gaps of one kind > 10: one grouped annotation (the first 3 in collection order), pointing to the log only.
        assertThat(annotations()).containsExactly("::warning::11 repositories (acme/r0, acme/r1, acme/r2 and 8 more):"
                + " needs a token with push access (HTTP 403) (every repository's gaps: see its \"Collected\" group of the log)");
    }

    @Test
    void should_list_every_repositorys_gaps_in_the_job_summary_escaped_when_annotations_are_grouped() {
        GapDigest digest = new GapDigest();
        // 12 repositories x 1 kind, plus a 13th with two kinds (one a partial snapshot): 15 gaps > 10 annotations.
        for (int i = 0; i < 12; i++) {
            digest.add(GapDigest.of(RepoRef.parse(String.format("acme/svc-%02d", i)),
                    Map.of("traffic.views", "needs a token with push access (HTTP 403)"), null));
        }
        // A repository name with Markdown in it (GitHub allows _ . - in names): the underscores must not italicise.
        RepoRef odd = RepoRef.parse("acme/_odd_name_");
        digest.add(GapDigest.of(odd, Map.of("issues.opened", "error <b>|x|</b> @team"), "request budget of 900 exhausted"));

        String summary = digest.summary();

        assertThat(digest.grouped()).isTrue();
        assertThat(summary).startsWith("<details><summary>repo-vitals: 14 gaps in 13 repositories' snapshots")
                .endsWith("</details>\n");
        for (int i = 0; i < 12; i++) {
            assertThat(summary).contains(String.format("| acme/svc-%02d | traffic.views missing: needs a token with push access (HTTP 403) |", i));
        }
        // Escaped as MdEscape does: a _ at a word edge escaped (inside a word it is literal in GFM), | and < > escaped, @ broken by a zero-width space.
        assertThat(summary).contains("| acme/\\_odd_name\\_ | partial snapshot: request budget of 900 exhausted |")
                .contains("| acme/\\_odd_name\\_ | issues.opened missing: error &lt;b&gt;\\|x\\|&lt;/b&gt; @&#8203;team |")
                .doesNotContain("<b>").doesNotContain("@team");
        // One header, one separator and a row per gap: 14 rows.
        assertThat(summary.lines().filter(line -> line.startsWith("| ")).count()).isEqualTo(1 + 14);
    }
}
