package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RestJson;
import io.repovitals.model.RepoRef;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches {@link WorkflowRuns} with {@code GET /repos/{o}/{r}/actions/runs?created=since..asOf&per_page=100},
 * newest first, one pass for the whole range (a 90-day backfill is one fetch). Raw REST rather than
 * github-api: its {@code GHWorkflowRun} has no {@code path}, which {@code dora-source: workflow:<file>}
 * needs, and it would first spend a {@code GET /repos/{o}/{r}} on a repository handle.
 * <p>GitHub returns at most 1,000 runs for a filtered query; a range with more (its {@code total_count})
 * is split in two and each half fetched on its own, so one extra request per split buys completeness.
 */
public final class WorkflowRunsCollector {
    static final int PER_PAGE = 100;
    static final int SEARCH_CAP = 1000;
    /** Pages looked through for the latest decided default-branch run before the range. */
    static final int ANCHOR_PAGES = 2;

    /** Weekly run: one window ending at {@code asOf}. */
    public WorkflowRuns fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf,
                              Optional<String> defaultBranch) {
        return fetch(github, repo, since, asOf, defaultBranch, asOf);
    }

    /**
     * @param defaultBranch   from {@link RepoState#defaultBranch()}; empty (an empty repository) means no requests at all
     * @param firstWindowAsOf the earliest asOf that will be computed from this fetch (a backfill's first day): when
     *                        no decided default-branch run lies in {@code [since, firstWindowAsOf)}, one more request
     *                        finds the latest one before {@code since} for {@code ci.default_branch_passing}
     */
    public WorkflowRuns fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf,
                              Optional<String> defaultBranch, Instant firstWindowAsOf) {
        if (defaultBranch.isEmpty()) {
            return new WorkflowRuns(defaultBranch, since, asOf, List.of(), Optional.empty());
        }
        Map<Long, WorkflowRuns.Run> runs = new LinkedHashMap<>();
        fetchRange(github.restJson(), RestPaths.repo(repo) + "/actions/runs?per_page=" + PER_PAGE + "&", since, asOf, runs);
        String branch = defaultBranch.get();
        boolean anchored = runs.values().stream().anyMatch(run -> run.decided() && branch.equals(run.headBranch())
                && run.createdAt().isBefore(firstWindowAsOf));
        Optional<WorkflowRuns.Run> anchor = anchored ? Optional.empty()
                : latestDecidedBefore(github.restJson(), repo, branch, since);
        return new WorkflowRuns(defaultBranch, since, asOf, List.copyOf(runs.values()), anchor);
    }

    /** Every run created in [from, to] (inclusive), splitting ranges GitHub would cut at 1,000 results. */
    static void fetchRange(RestJson rest, String base, Instant from, Instant to, Map<Long, WorkflowRuns.Run> into) {
        RestJson.Page page = rest.get(base + RestPaths.createdBetween(from, to));
        long seconds = Duration.between(from, to).toSeconds();
        if (page.body().path("total_count").asLong() > SEARCH_CAP && seconds >= 2) {
            Instant middle = from.plusSeconds(seconds / 2);
            fetchRange(rest, base, from, middle, into);
            fetchRange(rest, base, middle.plusSeconds(1), to, into);
            return;
        }
        while (true) {
            for (JsonNode node : page.body().path("workflow_runs")) {
                WorkflowRuns.Run run = run(node);
                into.putIfAbsent(run.id(), run);
            }
            if (page.next().isEmpty()) {
                return;
            }
            page = rest.get(page.next().get());
        }
    }

    private static Optional<WorkflowRuns.Run> latestDecidedBefore(RestJson rest, RepoRef repo, String branch, Instant since) {
        RestJson.Page page = rest.get(RestPaths.repo(repo) + "/actions/runs?per_page=" + PER_PAGE
                + "&status=completed&branch=" + RestPaths.encode(branch)
                + "&created=" + RestPaths.encode("<" + RestPaths.second(since)));
        for (int pages = 1; ; pages++) {
            for (JsonNode node : page.body().path("workflow_runs")) {
                WorkflowRuns.Run run = run(node);
                if (run.decided() && branch.equals(run.headBranch()) && run.createdAt().isBefore(since)) {
                    return Optional.of(run);
                }
            }
            if (page.next().isEmpty() || pages >= ANCHOR_PAGES) {
                return Optional.empty();
            }
            page = rest.get(page.next().get());
        }
    }

    static WorkflowRuns.Run run(JsonNode node) {
        return new WorkflowRuns.Run(
                node.path("id").asLong(),
                node.path("path").asText(""),
                node.path("head_branch").asText(""),
                node.path("event").asText(""),
                node.path("status").asText(""),
                Optional.ofNullable(node.path("conclusion").textValue()),
                RestPaths.instant(node.path("created_at")),
                Optional.ofNullable(RestPaths.instant(node.path("run_started_at"))),
                RestPaths.instant(node.path("updated_at")));
    }
}
