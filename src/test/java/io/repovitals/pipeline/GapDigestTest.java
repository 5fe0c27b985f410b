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

        digest.annotate(log);

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

        digest.annotate(log);

        List<String> annotations = annotations();
        // 14 kinds (push access, 12 errors, the partial snapshot): the 9 most common, then one for the other 5.
        assertThat(annotations).hasSize(10);
        assertThat(annotations.get(0)).isEqualTo("::warning::200 repositories (acme/r000, acme/r001, acme/r002 and 197 more):"
                + " needs a token with push access (HTTP 403) (each repository's gaps are in its \"Collected\" group of the log)");
        // e0..e7 are in 2 repositories each (i/10 % 12 over 0..19), e8..e11 and the partial snapshot in 1:
        // shown: push access, e0..e7 (9); folded: e8..e11 and the partial snapshot, in 5 repositories.
        assertThat(annotations.get(9)).isEqualTo("::warning::5 more kinds of gap in 5 repositories: see their \"Collected\" groups of the log");
    }
}
