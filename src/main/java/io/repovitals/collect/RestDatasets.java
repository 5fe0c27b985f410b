package io.repovitals.collect;

import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The REST half of a repository's collection: {@link WorkflowRuns}, {@link Deployments}
 * (over GraphQL for {@code dora-source: deployments}) and {@link Traffic}, each into {@link Datasets#fetch} so that a failure leaves that dataset absent
 * with its reason (and the snapshot partial when the failure was transient). In one call ({@link #fetchInto}) or
 * in two, deployments first ({@link #fetchDeploymentsInto}, then {@link #fetchRestInto}), as a run does to learn
 * from when merged pull requests are needed. Runs before traffic, so a tight request budget goes to ci.* first. With
 * {@code dora-source: workflow:<file>} the deployments come from the runs already fetched, for no
 * request but the one that finds the last deployment before {@code since} (when one is in range).
 */
public final class RestDatasets {
    private final WorkflowRunsCollector runs = new WorkflowRunsCollector();
    private final DeploymentsCollector deployments;
    private final TrafficCollector traffic = new TrafficCollector();
    private final DoraSource source;

    /** Source {@code deployments} in environment {@code production}. */
    public RestDatasets() {
        this(new DoraSource.Deployments(), DeploymentsCollector.DEFAULT_ENVIRONMENT);
    }

    /**
     * @param source      the setting {@code dora-source}
     * @param environment the setting {@code dora-environment}
     */
    public RestDatasets(DoraSource source, String environment) {
        this.source = Objects.requireNonNull(source, "source");
        this.deployments = new DeploymentsCollector(source, environment, DeploymentsCollector.DEFAULT_LOOKBACK);
    }

    /**
     * @param defaultBranch   {@link RepoState#defaultBranch()}; empty for an empty repository
     * @param range           the windows to compute
     */
    public Datasets fetchInto(Datasets data, GitHubClients github, RepoRef repo, CollectionRange range,
                              Optional<String> defaultBranch) {
        fetchDeploymentsInto(data, github, repo, range, defaultBranch);
        return fetchRestInto(data, github, repo, range, defaultBranch);
    }

    /**
     * The deployments alone (with {@code dora-source: workflow:<file>}, the runs they come from first): a run
     * fetches them before the pull requests, whose merged ones are needed from the last deployment before
     * {@code since} on (dora.lead_time_hours.p50). Same parameters as {@link #fetchInto}.
     */
    public Datasets fetchDeploymentsInto(Datasets data, GitHubClients github, RepoRef repo, CollectionRange range,
                                         Optional<String> defaultBranch) {
        if (source instanceof DoraSource.Workflow workflow) {
            fetchRuns(data, github, repo, range, defaultBranch);
            if (data.get(WorkflowRuns.class).isPresent()) {
                WorkflowRuns fetched = data.get(WorkflowRuns.class).get();
                data.fetch(Deployments.class, () -> deployments.anchorWorkflowRuns(github, repo, fetched, workflow.file()));
                return data;
            }
        }
        return data.fetch(Deployments.class, () -> deployments.fetch(github, repo, range.since(), range.asOf(), defaultBranch));
    }

    /** The workflow runs (unless {@link #fetchDeploymentsInto} fetched them already) and traffic. */
    public Datasets fetchRestInto(Datasets data, GitHubClients github, RepoRef repo, CollectionRange range,
                                  Optional<String> defaultBranch) {
        fetchRuns(data, github, repo, range, defaultBranch);
        return data.fetch(Traffic.class, () -> traffic.fetch(github, repo, range.since(), range.asOf()));
    }

    private void fetchRuns(Datasets data, GitHubClients github, RepoRef repo, CollectionRange range,
                           Optional<String> defaultBranch) {
        if (!data.attempted(WorkflowRuns.class)) {
            data.fetch(WorkflowRuns.class, () -> runs.fetch(github, repo, range.since(), range.asOf(), defaultBranch,
                    range.firstWindowAsOf()));
        }
    }
}
