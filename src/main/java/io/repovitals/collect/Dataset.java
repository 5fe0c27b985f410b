package io.repovitals.collect;

/**
 * Normalised data fetched from GitHub for one repository, free of github-api types, from which
 * the metric families compute. Sealed so that a new dataset must be listed here.
 */
public sealed interface Dataset permits RepoState, Deployments, PullRequests, Issues, Commits, WorkflowRuns, Traffic {
}
