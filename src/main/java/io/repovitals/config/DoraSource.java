package io.repovitals.config;

/** Input {@code dora-source}: where deployments come from (metrics.md §dora.*). */
public sealed interface DoraSource {
    record Deployments() implements DoraSource {
        @Override public String toString() { return "deployments"; }
    }

    record Releases() implements DoraSource {
        @Override public String toString() { return "releases"; }
    }

    /** Successful runs of this workflow file on the default branch, e.g. {@code deploy.yml}. */
    record Workflow(String file) implements DoraSource {
        public Workflow {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("workflow file must not be blank");
            }
        }

        @Override public String toString() { return "workflow:" + file; }
    }
}
