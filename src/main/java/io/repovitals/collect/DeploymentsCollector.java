package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RestJson;
import io.repovitals.model.RepoRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches {@link Deployments} from the configured {@code dora-source} (metrics.md §dora.*) for every
 * deployment timed in {@code [since, asOf]}, in one pass:
 * <ul>
 * <li>{@code deployments}: {@code GET /deployments?environment=<env>&per_page=100}, newest first, stopping
 *     at the first deployment created more than {@code lookback} before {@code since}; then, for each
 *     deployment created in {@code [since - lookback, asOf]}, one {@code GET /deployments/{id}/statuses}.
 *     That call per deployment is unavoidable: the list carries no status, and GitHub has no endpoint
 *     (REST or GraphQL) listing statuses of many deployments at once. The latest status at or before asOf
 *     decides: success, failure or error are kept (failure and error as failed), timed at that status.
 *     {@code inactive} is skipped when looking for the latest: GitHub sets it on an older deployment when a
 *     newer one in the environment succeeds, which says nothing about how the older one went.</li>
 * <li>{@code releases}: {@code GET /releases?per_page=100}, published, non-draft, non-prerelease, at
 *     {@code published_at}; stops at the first release created more than {@code lookback} before since.</li>
 * <li>{@code workflow:<file>}: {@code GET /actions/workflows/<file>/runs?branch=<default>&status=success},
 *     created in {@code [since - lookback, asOf]}, at {@code updated_at}; or, for no request at all, from
 *     already fetched {@link WorkflowRuns} with {@link #fromWorkflowRuns}.</li>
 * </ul>
 * Deployments timed before {@code since} or after {@code asOf} are left out.
 */
public final class DeploymentsCollector {
    public static final String DEFAULT_ENVIRONMENT = "production";
    /** How long before {@code since} an item may be created and still be deployed in range (a slow approval). */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(7);
    private static final Set<String> DECIDING = Set.of("success", "failure", "error");

    private final DoraSource source;
    private final String environment;
    private final Duration lookback;

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
        return deployments(rest, repo, since, asOf);
    }

    /** Source {@code workflow:<file>} from runs already fetched: successful runs of that file on the default branch. */
    public static Deployments fromWorkflowRuns(WorkflowRuns runs, String file) {
        List<Deployments.Deployment> items = new ArrayList<>();
        String branch = runs.defaultBranch().orElse(null);
        for (WorkflowRuns.Run run : runs.runs()) {
            if (run.succeeded() && run.isOfWorkflow(file) && run.headBranch().equals(branch)
                    && inRange(run.updatedAt(), runs.since(), runs.asOf())) {
                items.add(new Deployments.Deployment(run.updatedAt(), false));
            }
        }
        return new Deployments("workflow:" + file, items);
    }

    private Deployments deployments(RestJson rest, RepoRef repo, Instant since, Instant asOf) {
        Instant oldest = since.minus(lookback);
        Map<Long, Instant> created = new LinkedHashMap<>();
        RestJson.Page page = rest.get(RestPaths.repo(repo) + "/deployments?environment="
                + RestPaths.encode(environment) + "&per_page=100");
        boolean more = true;
        while (more) {
            for (JsonNode node : page.body()) {
                Instant at = RestPaths.instant(node.path("created_at"));
                if (at.isBefore(oldest)) {
                    more = false;
                    break;
                }
                // payload is an object or, in older records, a JSON string: it is never read.
                if (!at.isAfter(asOf)) {
                    created.put(node.path("id").asLong(), at);
                }
            }
            more = more && page.next().isPresent();
            if (more) {
                page = rest.get(page.next().get());
            }
        }
        List<Deployments.Deployment> items = new ArrayList<>();
        for (Long id : created.keySet()) {
            // Newest first: the first page holds the deciding status unless a deployment has 100 newer ones.
            RestJson.Page statuses = rest.get(RestPaths.repo(repo) + "/deployments/" + id + "/statuses?per_page=100");
            deciding(statuses.body(), asOf).ifPresent(status -> {
                Instant at = RestPaths.instant(status.path("created_at"));
                if (inRange(at, since, asOf)) {
                    items.add(new Deployments.Deployment(at, !status.path("state").asText().equals("success")));
                }
            });
        }
        return new Deployments("deployments", items);
    }

    /** The newest status at or before asOf that is not {@code inactive}, if it is success, failure or error. */
    static Optional<JsonNode> deciding(JsonNode statuses, Instant asOf) {
        JsonNode latest = null;
        for (JsonNode status : statuses) {
            Instant at = RestPaths.instant(status.path("created_at"));
            if (at.isAfter(asOf) || status.path("state").asText().equals("inactive")) {
                continue;
            }
            if (latest == null || at.isAfter(RestPaths.instant(latest.path("created_at")))) {
                latest = status;
            }
        }
        return Optional.ofNullable(latest).filter(status -> DECIDING.contains(status.path("state").asText()));
    }

    private Deployments releases(RestJson rest, RepoRef repo, Instant since, Instant asOf) {
        Instant oldest = since.minus(lookback);
        List<Deployments.Deployment> items = new ArrayList<>();
        RestJson.Page page = rest.get(RestPaths.repo(repo) + "/releases?per_page=100");
        while (true) {
            boolean older = false;
            for (JsonNode node : page.body()) {
                boolean draft = node.path("draft").asBoolean(false);
                Instant published = RestPaths.instant(node.path("published_at"));
                if (!draft && !node.path("prerelease").asBoolean(false) && published != null
                        && inRange(published, since, asOf)) {
                    items.add(new Deployments.Deployment(published, false));
                }
                Instant created = RestPaths.instant(node.path("created_at"));
                // Drafts keep their old created_at; only a published release proves the rest is older.
                if (!draft && created != null && created.isBefore(oldest)) {
                    older = true;
                }
            }
            if (older || page.next().isEmpty()) {
                return new Deployments("releases", items);
            }
            page = rest.get(page.next().get());
        }
    }

    private Deployments workflowRuns(RestJson rest, RepoRef repo, String file, Instant since, Instant asOf,
                                     Optional<String> defaultBranch) {
        String label = "workflow:" + file;
        if (defaultBranch.isEmpty()) {
            return new Deployments(label, List.of());
        }
        Map<Long, WorkflowRuns.Run> runs = new LinkedHashMap<>();
        WorkflowRunsCollector.fetchRange(rest, RestPaths.repo(repo) + "/actions/workflows/" + RestPaths.encode(file)
                + "/runs?per_page=" + WorkflowRunsCollector.PER_PAGE + "&status=success&branch="
                + RestPaths.encode(defaultBranch.get()) + "&", since.minus(lookback), asOf, runs);
        WorkflowRuns fetched = new WorkflowRuns(defaultBranch, since, asOf, List.copyOf(runs.values()), Optional.empty());
        return new Deployments(label, fromWorkflowRuns(fetched, file).items());
    }

    private static boolean inRange(Instant at, Instant since, Instant asOf) {
        return at != null && !at.isBefore(since) && !at.isAfter(asOf);
    }
}
