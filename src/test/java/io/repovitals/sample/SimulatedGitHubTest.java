package io.repovitals.sample;

import io.repovitals.collect.Comment;
import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Deployments;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepoState;
import io.repovitals.collect.Traffic;
import io.repovitals.collect.WorkflowRuns;
import io.repovitals.model.TrafficDay;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A fetch shows what GitHub would show at its time: nothing from later, and what it shows stays true later. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulatedGitHubTest {
    private static final SimulatedGitHub ROCKET = SimulatedGitHub.sample(LocalDate.parse("2026-05-05"), 200).get(0);
    private static final Instant AS_OF = Instant.parse("2026-10-14T00:00:00Z");
    private static final Instant SINCE = AS_OF.minus(Duration.ofDays(7));
    private static final Instant FETCHED = AS_OF.plus(Duration.ofMinutes(6));
    private static final Datasets NOW = ROCKET.fetch(SINCE, AS_OF, AS_OF, FETCHED);
    /** The same range read 30 days later. */
    private static final Datasets LATER = ROCKET.fetch(SINCE, AS_OF, AS_OF, FETCHED.plus(Duration.ofDays(30)));

    @Test
    void should_show_no_pull_request_activity_after_the_fetch_and_keep_what_it_showed() {
        PullRequests pulls = NOW.get(PullRequests.class).orElseThrow();
        List<PullRequests.PullRequest> now = pulls.items();
        Map<Integer, PullRequests.PullRequest> later = LATER.get(PullRequests.class).orElseThrow().items().stream()
                .collect(Collectors.toMap(PullRequests.PullRequest::number, Function.identity()));
        assertThat(now).isNotEmpty();
        int mergedSince = 0;
        for (PullRequests.PullRequest pr : now) {
            assertThat(pr.createdAt()).isBeforeOrEqualTo(FETCHED);
            assertThat(pr.updatedAt()).isBeforeOrEqualTo(FETCHED);
            pr.reviews().forEach(review -> assertThat(review.submittedAt()).isBeforeOrEqualTo(pr.updatedAt()));
            pr.comments().forEach(comment -> assertThat(comment.createdAt()).isBeforeOrEqualTo(pr.updatedAt()));
            assertThat(pr.closedAt() == null || !pr.closedAt().isAfter(pr.updatedAt())).isTrue();
            assertThat(pr.closedAt() == null || !pr.updatedAt().isBefore(SINCE) || !pr.mergedAt().isBefore(pulls.mergedSince()))
                    .as("a closed PR is here for a change since, or for its merge since the last deployment before").isTrue();
            PullRequests.PullRequest after = later.get(pr.number());
            assertThat(after).as("PR #" + pr.number() + " read later").isNotNull();
            assertThat(after.createdAt()).isEqualTo(pr.createdAt());
            assertThat(after.reviews()).startsWith(pr.reviews().toArray(PullRequests.Review[]::new));
            if (pr.mergedAt() != null) {
                assertThat(after.mergedAt()).isEqualTo(pr.mergedAt());
            } else if (after.mergedAt() != null) {
                assertThat(after.mergedAt()).isAfter(FETCHED);
                mergedSince++;
            }
        }
        assertThat(mergedSince).as("PRs open at the fetch and merged by the later one").isPositive();
        assertThat(pulls.mergedSince()).isEqualTo(NOW.get(Deployments.class).orElseThrow().coveredFrom());
    }

    @Test
    void should_count_as_open_exactly_the_issues_and_pull_requests_it_lists_as_open() {
        RepoState state = NOW.get(RepoState.class).orElseThrow();
        List<Issues.Issue> issues = NOW.get(Issues.class).orElseThrow().items();

        assertThat(state.fetchedAt()).isEqualTo(FETCHED);
        assertThat(issues.stream().filter(issue -> issue.closedAt() == null).count()).isEqualTo(state.openIssueCount());
        assertThat(NOW.get(PullRequests.class).orElseThrow().items().stream().filter(pr -> pr.closedAt() == null).count())
                .isEqualTo(state.openPullRequestCount());
        for (Issues.Issue issue : issues) {
            assertThat(issue.updatedAt()).isBeforeOrEqualTo(FETCHED);
            assertThat(issue.comments()).extracting(Comment::createdAt).allMatch(at -> !at.isAfter(issue.updatedAt()));
        }
        assertThat(state.starTimes()).isEmpty();
        assertThat(state.forkTimes()).allMatch(at -> !at.isBefore(SINCE) && !at.isAfter(FETCHED));
    }

    @Test
    void should_show_runs_in_progress_at_the_fetch_completed_later() {
        List<WorkflowRuns.Run> now = NOW.get(WorkflowRuns.class).orElseThrow().runs();
        Map<Long, WorkflowRuns.Run> later = LATER.get(WorkflowRuns.class).orElseThrow().runs().stream()
                .collect(Collectors.toMap(WorkflowRuns.Run::id, Function.identity()));

        assertThat(now).isNotEmpty().allMatch(run -> !run.createdAt().isBefore(SINCE) && !run.createdAt().isAfter(AS_OF));
        assertThat(later.keySet()).containsExactlyInAnyOrderElementsOf(now.stream().map(WorkflowRuns.Run::id).toList());
        for (WorkflowRuns.Run run : now) {
            if (run.completed()) {
                assertThat(run.updatedAt()).isBeforeOrEqualTo(FETCHED);
                assertThat(later.get(run.id())).isEqualTo(run);
            } else {
                assertThat(run.conclusion()).isEmpty();
                assertThat(later.get(run.id()).completed()).isTrue();
                assertThat(later.get(run.id()).updatedAt()).isAfter(FETCHED);
            }
        }
        assertThat(NOW.get(WorkflowRuns.class).orElseThrow().decidedBeforeSince())
                .hasValueSatisfying(run -> assertThat(run.createdAt()).isBefore(SINCE));
    }

    @Test
    void should_cover_the_ranges_its_records_claim() {
        Commits commits = NOW.get(Commits.class).orElseThrow();
        Deployments deployments = NOW.get(Deployments.class).orElseThrow();
        List<TrafficDay> traffic = NOW.get(Traffic.class).orElseThrow().days();

        assertThat(commits.since()).isEqualTo(AS_OF.minus(Duration.ofDays(90)));
        assertThat(commits.items()).isNotEmpty()
                .allMatch(commit -> !commit.committedDate().isBefore(commits.since()) && !commit.committedDate().isAfter(AS_OF));
        assertThat(deployments.coveredFrom()).isBefore(SINCE);
        assertThat(deployments.items().get(0).at()).isEqualTo(deployments.coveredFrom());
        assertThat(deployments.items()).allMatch(deployment -> !deployment.at().isAfter(AS_OF));
        assertThat(traffic).extracting(TrafficDay::day)
                .containsExactlyElementsOf(LocalDate.parse("2026-09-30").datesUntil(LocalDate.parse("2026-10-14")).toList());
    }

    @Test
    void should_serve_the_same_datasets_for_the_same_fetch() {
        SimulatedGitHub again = SimulatedGitHub.sample(LocalDate.parse("2026-05-05"), 200).get(0);
        Datasets same = again.fetch(SINCE, AS_OF, AS_OF, FETCHED);

        assertThat(same.get(PullRequests.class)).isEqualTo(NOW.get(PullRequests.class));
        assertThat(same.get(Issues.class)).isEqualTo(NOW.get(Issues.class));
        assertThat(same.get(Commits.class)).isEqualTo(NOW.get(Commits.class));
        assertThat(same.get(WorkflowRuns.class)).isEqualTo(NOW.get(WorkflowRuns.class));
        assertThat(same.get(RepoState.class)).isEqualTo(NOW.get(RepoState.class));
        assertThat(same.get(Deployments.class)).isEqualTo(NOW.get(Deployments.class));
    }
}
