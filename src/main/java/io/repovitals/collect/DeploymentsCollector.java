package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.github.GraphQlResponse;
import io.repovitals.github.RestJson;
import io.repovitals.model.RepoRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches {@link Deployments} from the configured {@code dora-source} (metrics.md §dora.*) for every
 * deployment timed in {@code [since, asOf]}, plus those from the last successful one before {@code since}
 * (the anchor: dora.lead_time_hours.p50 counts a PR merged after it and first deployed in the window), in one pass:
 * <ul>
 * <li>{@code deployments}: the GraphQL query {@code deployments}: the environment's deployments, newest first,
 *     100 a page with the first 20 statuses of each in the same request; only a deployment with more than 20
 *     statuses costs more ({@code deployment-statuses}, 100 a page, by its node id). For each deployment created
 *     at or before asOf, its statuses sorted by {@code createdAt} (their order in the answer is not relied on),
 *     the latest at or before asOf that is not {@code inactive} decides: success, failure or error are kept
 *     (failure and error as failed), timed at that status. {@code inactive} is skipped on purpose: GitHub sets it
 *     on an older deployment when a newer one in the environment succeeds, which says nothing about how the
 *     older one went.</li>
 * <li>{@code releases}: {@code GET /releases?per_page=100}, published, non-draft, non-prerelease, at
 *     {@code published_at}.</li>
 * <li>{@code workflow:<file>}: {@code GET /actions/workflows/<file>/runs?branch=<default>&status=success},
 *     created in {@code [since - lookback, asOf]}, at {@code updated_at}; or from already fetched
 *     {@link WorkflowRuns} with {@link #anchorWorkflowRuns}. When none of those is before {@code since} and one
 *     deployed in range, one more request (the same list, created in the horizon) finds the anchor.</li>
 * </ul>
 * Paging (newest created first) stops at the first item created more than {@code lookback} before the anchor;
 * without an anchor, more than {@code lookback} before {@code since} when nothing deployed in range (no lead
 * time to compute) and more than {@code horizon} before it otherwise (see {@link AnchoredDeployments}).
 * Deployments timed before the anchor (before {@code since} without one) or after {@code asOf} are left out.
 */
public final class DeploymentsCollector {
    public static final String DEFAULT_ENVIRONMENT = "production";
    /** How long before {@code since} an item may be created and still be deployed in range (a slow approval). */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(7);
    /**
     * How far before {@code since} the last successful deployment is looked for (dora.lead_time_hours.p50):
     * beyond it the merged PRs to match would cost too many requests; a window whose first deployment has
     * none before it this close reports its lead time missing, saying why.
     */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(90);
    private static final Set<String> DECIDING = Set.of("success", "failure", "error");
    static final GraphQlQuery QUERY = GraphQlQuery.load("deployments");
    static final GraphQlQuery STATUSES = GraphQlQuery.load("deployment-statuses");

    private final DoraSource source;
    private final String environment;
    private final Duration lookback;
    private final Duration horizon;

    /** Source {@code deployments}, environment {@code production}. */
    public DeploymentsCollector() {
        this(new DoraSource.Deployments(), DEFAULT_ENVIRONMENT, DEFAULT_LOOKBACK);
    }

    /**
     * @param source      the setting {@code dora-source}
     * @param environment the setting {@code dora-environment} (used by source {@code deployments})
     * @param lookback    see {@link #DEFAULT_LOOKBACK}
     */
    public DeploymentsCollector(DoraSource source, String environment, Duration lookback) {
        this(source, environment, lookback, DEFAULT_HORIZON);
    }

    /**
     * @param source      the setting {@code dora-source}
     * @param environment the setting {@code dora-environment} (used by source {@code deployments})
     * @param lookback    see {@link #DEFAULT_LOOKBACK}
     * @param horizon     see {@link #DEFAULT_HORIZON}
     */
    public DeploymentsCollector(DoraSource source, String environment, Duration lookback, Duration horizon) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.source = Objects.requireNonNull(source, "source");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.lookback = Objects.requireNonNull(lookback, "lookback");
    }

    public Deployments fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf, Optional<String> defaultBranch) {
        RestJson rest = github.restJson();
        if (source instanceof DoraSource.Releases) {
            return releases(rest, repo, since, asOf);
        }
        if (source instanceof DoraSource.Workflow workflow) {
            return workflowRuns(rest, repo, workflow.file(), since, asOf, defaultBranch);
        }
        String what = "deployments of " + repo;
        return GraphQlNodes.readable(what, () -> deployments(github, repo, since, asOf, what));
    }

    /**
     * Source {@code workflow:<file>} from runs already fetched: successful runs of that file on the default branch,
     * covered from the runs' {@code since} (no request, so no last deployment before it: see {@link #anchorWorkflowRuns}).
     */
    public static Deployments fromWorkflowRuns(WorkflowRuns runs, String file) {
        List<Deployments.Deployment> items = new ArrayList<>();
        String branch = runs.defaultBranch().orElse(null);
        for (WorkflowRuns.Run run : runs.runs()) {
            if (run.succeeded() && run.isOfWorkflow(file) && run.headBranch().equals(branch)
                    && inRange(run.updatedAt(), runs.since(), runs.asOf())) {
                items.add(new Deployments.Deployment(run.updatedAt(), false));
            }
        }
        return new Deployments("workflow:" + file, runs.since(), items);
    }

    private Deployments deployments(GitHubClients github, RepoRef repo, Instant since, Instant asOf, String what) {
        AnchoredDeployments found = new AnchoredDeployments(since, asOf, lookback, horizon);
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            variables.put("environment", environment);
            variables.put("after", after);
            JsonNode connection = GraphQlNodes.repository(github.graphql().execute(QUERY, variables), what).path("deployments");
            for (JsonNode node : connection.path("nodes")) {
                if (node.isNull()) {
                    continue;
                }
                Instant created = Instant.parse(node.path("createdAt").asText());
                if (created.isBefore(found.oldestCreated())) {
                    more = false;
                    break;
                }
                if (!created.isAfter(asOf)) {
                    deciding(statuses(github, node, what), asOf)
                            .ifPresent(status -> found.add(status.at(), !status.state().equals("success")));
                }
            }
            JsonNode pageInfo = connection.path("pageInfo");
            more = more && pageInfo.path("hasNextPage").asBoolean(false);
            after = pageInfo.path("endCursor").textValue();
        }
        return found.result("deployments");
    }

    /** A deployment status: its state in lower case (as REST and metrics.md spell it) and when it was set. */
    record Status(String state, Instant at) {}

    /** The deployment's statuses that came with it, and the rest by its node id when it has more (rare). */
    private static List<Status> statuses(GitHubClients github, JsonNode deployment, String what) {
        JsonNode connection = deployment.path("statuses");
        List<Status> statuses = new ArrayList<>();
        addStatuses(connection, statuses);
        JsonNode pageInfo = connection.path("pageInfo");
        boolean more = pageInfo.path("hasNextPage").asBoolean(false) || connection.path("totalCount").asInt(0) > statuses.size();
        String after = pageInfo.path("endCursor").textValue();
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", deployment.path("id").asText());
            variables.put("after", after);
            GraphQlResponse response = github.graphql().execute(STATUSES, variables);
            GraphQlNodes.failOnErrors(response, what);
            JsonNode page = response.data().path("node").path("statuses");
            if (page.isMissingNode()) {
                throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                        "GitHub's GraphQL answer for " + what + " has no statuses for deployment " + deployment.path("id").asText());
            }
            addStatuses(page, statuses);
            more = page.path("pageInfo").path("hasNextPage").asBoolean(false);
            after = page.path("pageInfo").path("endCursor").textValue();
        }
        return statuses;
    }

    private static void addStatuses(JsonNode connection, List<Status> statuses) {
        for (JsonNode node : connection.path("nodes")) {
            if (!node.isNull()) {
                statuses.add(new Status(node.path("state").asText().toLowerCase(Locale.ROOT),
                        Instant.parse(node.path("createdAt").asText())));
            }
        }
    }

    /**
     * The latest status at or before asOf that is not {@code inactive}, if it is success, failure or error.
     * Sorted by createdAt here; of statuses set at the same instant the one later in GitHub's list wins.
     */
    static Optional<Status> deciding(List<Status> statuses, Instant asOf) {
        List<Status> sorted = new ArrayList<>(statuses);
        sorted.sort(Comparator.comparing(Status::at));
        Status latest = null;
        for (Status status : sorted) {
            if (!status.at().isAfter(asOf) && !status.state().equals("inactive")) {
                latest = status;
            }
        }
        return Optional.ofNullable(latest).filter(status -> DECIDING.contains(status.state()));
    }

    private Deployments releases(RestJson rest, RepoRef repo, Instant since, Instant asOf) {
        AnchoredDeployments found = new AnchoredDeployments(since, asOf, lookback, horizon);
        RestJson.Page page = rest.get(RestPaths.repo(repo) + "/releases?per_page=100");
        while (true) {
            boolean older = false;
            for (JsonNode node : page.body()) {
                boolean draft = node.path("draft").asBoolean(false);
                if (!draft && !node.path("prerelease").asBoolean(false)) {
                    found.add(RestPaths.instant(node.path("published_at")), false);
                }
                Instant created = RestPaths.instant(node.path("created_at"));
                // Drafts keep their old created_at; only a published release proves the rest is older.
                if (!draft && created != null && created.isBefore(found.oldestCreated())) {
                    older = true;
                }
            }
            if (older || page.next().isEmpty()) {
                return found.result("releases");
            }
            page = rest.get(page.next().get());
        }
    }

    private Deployments workflowRuns(RestJson rest, RepoRef repo, String file, Instant since, Instant asOf,
                                     Optional<String> defaultBranch) {
        String label = "workflow:" + file;
        if (defaultBranch.isEmpty()) {
            return new Deployments(label, since, List.of());
        }
        Map<Long, WorkflowRuns.Run> runs = new LinkedHashMap<>();
        WorkflowRunsCollector.fetchRange(rest, successfulRuns(repo, file, defaultBranch.get()), since.minus(lookback), asOf, runs);
        AnchoredDeployments found = new AnchoredDeployments(since, asOf, lookback, horizon);
        runs.values().forEach(run -> addIfDeployment(found, run, file, defaultBranch.get()));
        return anchorFromOlderRuns(found, rest, repo, file, defaultBranch.get(), since.minus(lookback)).result(label);
    }

    /**
     * Source {@code workflow:<file>} from runs already fetched for {@code [since, asOf]}: they hold no run
     * before {@code since}, so when one of them deployed, one request (the file's successful default-branch
     * runs created in the horizon before the lookback) finds the last deployment before {@code since}.
     */
    public Deployments anchorWorkflowRuns(GitHubClients github, RepoRef repo, WorkflowRuns runs, String file) {
        String label = "workflow:" + file;
        AnchoredDeployments found = new AnchoredDeployments(runs.since(), runs.asOf(), lookback, horizon);
        if (runs.defaultBranch().isEmpty()) {
            return found.result(label);
        }
        String branch = runs.defaultBranch().get();
        runs.runs().forEach(run -> addIfDeployment(found, run, file, branch));
        return anchorFromOlderRuns(found, github.restJson(), repo, file, branch, runs.since()).result(label);
    }

    /** @param fetchedFrom the runs created from this instant on are already in {@code found} */
    private AnchoredDeployments anchorFromOlderRuns(AnchoredDeployments found, RestJson rest, RepoRef repo, String file,
                                                    String branch, Instant fetchedFrom) {
        if (!found.anchorWanted()) {
            return found;
        }
        // Newest first: the first page holds the latest deployments of the horizon, the anchor among them.
        RestJson.Page page = rest.get(successfulRuns(repo, file, branch)
                + RestPaths.createdBetween(found.since().minus(horizon), fetchedFrom.minusSeconds(1)));
        for (JsonNode node : page.body().path("workflow_runs")) {
            addIfDeployment(found, WorkflowRunsCollector.run(node), file, branch);
        }
        return found;
    }

    private static String successfulRuns(RepoRef repo, String file, String branch) {
        return RestPaths.repo(repo) + "/actions/workflows/" + RestPaths.encode(file) + "/runs?per_page="
                + WorkflowRunsCollector.PER_PAGE + "&status=success&branch=" + RestPaths.encode(branch) + "&";
    }

    private static void addIfDeployment(AnchoredDeployments found, WorkflowRuns.Run run, String file, String branch) {
        if (run.succeeded() && run.isOfWorkflow(file) && run.headBranch().equals(branch)) {
            found.add(run.updatedAt(), false);
        }
    }

    private static boolean inRange(Instant at, Instant since, Instant asOf) {
        return at != null && !at.isBefore(since) && !at.isAfter(asOf);
    }
}
