package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: what one repository's batched answer settles, and when it leaves a dataset to its collector. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchedRepositoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant SINCE = Instant.parse("2026-11-13T00:00:00Z");
    private static final CollectionRange RANGE = new CollectionRange(SINCE, AS_OF, AS_OF);
    private static final String OLD = "2026-09-01T00:00:00Z";

    /** A quiet repository: everything before since, one decided run on the head commit, nothing open. */
    private static ObjectNode quiet() {
        ObjectNode node = JSON.createObjectNode().put("nameWithOwner", "acme/svc").put("isArchived", false).put("isFork", true)
                .put("pushedAt", OLD).put("stargazerCount", 7).put("forkCount", 2);
        node.putObject("watchers").put("totalCount", 3);
        node.putObject("branches").put("totalCount", 4);
        ObjectNode target = node.putObject("defaultBranchRef").put("name", "main").putObject("target").put("__typename", "Commit");
        target.putObject("history").put("totalCount", 0);
        ObjectNode suites = target.putObject("checkSuites").put("totalCount", 1);
        suites.putArray("nodes").add(suite("2026-09-01T00:01:00Z", "main", "SUCCESS", 11));
        node.putObject("latestStar").putArray("edges").addObject().put("starredAt", OLD);
        node.putObject("latestFork").putArray("nodes").addObject().put("createdAt", OLD);
        node.putObject("updatedIssues").put("totalCount", 0);
        node.putObject("latestPullRequest").putArray("nodes").addObject().put("updatedAt", OLD);
        node.putObject("latestDeployment").putArray("nodes");
        node.putObject("openIssues").put("totalCount", 0).putArray("nodes");
        node.putObject("openPullRequests").put("totalCount", 0).putArray("nodes");
        return node;
    }

    private static ObjectNode suite(String created, String branch, String conclusion, long id) {
        ObjectNode suite = JSON.createObjectNode().put("createdAt", created).put("status", "COMPLETED").put("conclusion", conclusion);
        suite.putObject("branch").put("name", branch);
        ObjectNode run = suite.putObject("workflowRun").put("databaseId", id).put("event", "push").put("createdAt", created)
                .put("updatedAt", created);
        run.putObject("file").put("path", ".github/workflows/ci.yml");
        return suite;
    }

    private static BatchedRepository batched(JsonNode node, boolean starsRefused) {
        return new BatchedRepository(node, AS_OF, RANGE, SINCE.minus(Duration.ofDays(83)), starsRefused);
    }

    @Test
    void should_answer_a_quiet_repository_from_the_batch_alone() {
        BatchedRepository repo = batched(quiet(), false);

        assertThat(repo.estimatedRequests(true, true)).isZero();
        RepoState state = repo.repoState().orElseThrow();
        // The counts as the batch gave them, and no change since since.
        assertThat(state.stargazerCount()).isEqualTo(7);
        assertThat(state.forkCount()).isEqualTo(2);
        assertThat(state.watcherCount()).isEqualTo(3);
        assertThat(state.branchCount()).isEqualTo(4);
        assertThat(state.starTimes()).contains(java.util.List.of());
        assertThat(state.changedIssues()).isEmpty();
        assertThat(repo.deployments(Duration.ofDays(7))).get().extracting(Deployments::items).asList().isEmpty();
        assertThat(repo.commits()).get().extracting(Commits::items).asList().isEmpty();
        WorkflowRuns runs = repo.workflowRuns().orElseThrow();
        assertThat(runs.runs()).isEmpty();
        // The head commit's decided run is the latest before since (ci.default_branch_passing).
        assertThat(runs.decidedBeforeSince()).get().extracting(WorkflowRuns.Run::id, WorkflowRuns.Run::succeeded)
                .containsExactly(11L, true);
        assertThat(repo.fork()).isTrue();
    }

    @Test
    void should_leave_repo_state_to_its_collector_when_star_times_are_withheld_or_a_star_is_new() {
        assertThat(batched(quiet(), true).repoState()).isEmpty();
        ObjectNode starred = quiet();
        ((ObjectNode) starred.path("latestStar").path("edges").path(0)).put("starredAt", "2026-11-14T00:00:00Z");
        assertThat(batched(starred, false).repoState()).isEmpty();
        // repo state (1) and traffic (2): the rest is still settled.
        assertThat(batched(starred, false).estimatedRequests(true, true)).isEqualTo(3);
    }

    @Test
    void should_leave_issues_to_their_collector_when_the_batch_holds_only_some_of_the_open_ones() {
        ObjectNode many = quiet();
        ((ObjectNode) many.path("openIssues")).put("totalCount", 11);
        assertThat(batched(many, false).issues(null, null)).isEmpty();
        ObjectNode updated = quiet();
        ((ObjectNode) updated.path("updatedIssues")).put("totalCount", 1);
        assertThat(batched(updated, false).issues(null, null)).isEmpty();
        assertThat(batched(quiet(), false).issues(null, null)).get().extracting(Issues::items).asList().isEmpty();
    }

    @Test
    void should_leave_workflow_runs_to_their_collector_after_a_push_a_new_suite_or_without_a_decided_run_on_the_head() {
        ObjectNode pushed = quiet().put("pushedAt", "2026-11-15T00:00:00Z");
        assertThat(batched(pushed, false).workflowRuns()).isEmpty();

        ObjectNode scheduled = quiet();
        ((ArrayNode) scheduled.path("defaultBranchRef").path("target").path("checkSuites").path("nodes"))
                .add(suite("2026-11-16T00:00:00Z", "main", "FAILURE", 12));
        ((ObjectNode) scheduled.path("defaultBranchRef").path("target").path("checkSuites")).put("totalCount", 2);
        assertThat(batched(scheduled, false).workflowRuns()).isEmpty();

        ObjectNode undecided = quiet();
        ArrayNode suites = (ArrayNode) undecided.path("defaultBranchRef").path("target").path("checkSuites").path("nodes");
        suites.removeAll();
        suites.add(suite("2026-09-01T00:01:00Z", "main", "CANCELLED", 13)).add(suite("2026-09-01T00:02:00Z", "feature", "SUCCESS", 14));
        ((ObjectNode) undecided.path("defaultBranchRef").path("target").path("checkSuites")).put("totalCount", 2);
        // A cancelled run decides nothing and another branch's run is not the default branch's: the collector looks further back.
        assertThat(batched(undecided, false).workflowRuns()).isEmpty();
    }

    @Test
    void should_give_an_empty_repository_no_runs_and_leave_its_commits_and_pull_requests_to_the_empty_rule() {
        ObjectNode empty = quiet();
        empty.putNull("defaultBranchRef");
        BatchedRepository repo = batched(empty, false);

        assertThat(repo.defaultBranch()).isEqualTo(Optional.empty());
        assertThat(repo.workflowRuns()).get().extracting(WorkflowRuns::runs).asList().isEmpty();
        assertThat(repo.commits()).isEmpty();
        assertThat(repo.estimatedRequests(true, true)).isZero();
    }
}
