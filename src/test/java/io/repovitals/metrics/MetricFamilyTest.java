package io.repovitals.metrics;

import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.model.Outcome;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule every family opens with: an absent dataset, or one that does not cover the window, makes its metrics missing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricFamilyTest {
    private static final Window WINDOW = new Window(Instant.parse("2026-11-20T00:00:00Z"), 7);
    private static final Instant START = Instant.parse("2026-11-13T00:00:00Z");

    @Test
    void should_give_the_absent_datasets_reason_first() {
        Datasets data = new Datasets()
                .with(Issues.class, new Issues(START.plusSeconds(1), WINDOW.asOf(), List.of()))
                .without(Commits.class, "commits: HTTP 502");

        // Issues do not cover the window either, but an absent dataset is the first thing to say.
        assertThat(MetricFamily.unusable(data, START, WINDOW, Issues.class, Commits.class)).contains("commits: HTTP 502");
        assertThat(MetricFamily.unusable(data, START, WINDOW, PullRequests.class)).contains("not collected");
    }

    @Test
    void should_say_what_a_dataset_was_fetched_for_when_it_does_not_cover_the_window() {
        Datasets data = new Datasets().with(Issues.class, new Issues(START.plusSeconds(1), WINDOW.asOf(), List.of()));

        assertThat(MetricFamily.unusable(data, START, WINDOW, Issues.class)).contains("issues were fetched for"
                + " 2026-11-13T00:00:01Z to 2026-11-20T00:00:00Z, which does not cover 2026-11-13T00:00:00Z to"
                + " 2026-11-20T00:00:00Z");
        // A dataset reaching exactly to both ends covers the window.
        assertThat(MetricFamily.unusable(data, START.plusSeconds(1), WINDOW, Issues.class)).isEmpty();
    }

    @Test
    void should_make_every_metric_of_a_family_missing_with_the_reason() {
        Datasets data = new Datasets().without(Issues.class, "issues: HTTP 404");

        List<Outcome> outcomes = new IssueMetrics().compute(data, WINDOW, List.of());

        assertThat(outcomes).hasSize(IssueMetrics.DEFS.size())
                .allSatisfy(outcome -> assertThat(outcome).isEqualTo(Outcome.missing(outcome.def(), "issues: HTTP 404")));
        assertThat(outcomes).extracting(Outcome::def).containsExactlyElementsOf(IssueMetrics.DEFS);
    }

    @Test
    void should_compute_from_a_dataset_that_covers_the_window() {
        Datasets data = new Datasets().with(Commits.class,
                new Commits(START, WINDOW.asOf(), "api", Optional.of("the API lists no paths"), List.of()));

        List<Outcome> outcomes = new CommitMetrics().compute(data, WINDOW, List.of());

        assertThat(outcomes).contains(Outcome.value(CommitMetrics.COUNT, 0),
                Outcome.missing(CommitMetrics.FILES_CHANGED, "the API lists no paths"));
    }
}
