package io.repovitals.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * metrics.md §ci.*: the GitHub Actions workflow runs created in {@code [since, asOf]}, fetched once,
 * from which any window inside is computed (a backfill's days included).
 *
 * @param defaultBranch      empty for an empty repository (no commits, so no runs: ci.* absent)
 * @param since              runs created at or after this instant are all here
 * @param asOf               ... up to and including this instant
 * @param runs               newest first
 * @param decidedBeforeSince the latest decided run on the default branch created before {@code since},
 *                           fetched only when a window could need it (ci.default_branch_passing)
 */
public record WorkflowRuns(Optional<String> defaultBranch, Instant since, Instant asOf, List<Run> runs,
                           Optional<Run> decidedBeforeSince) implements Dataset {
    /** Conclusions that decide a run (metrics.md §ci.*): cancelled, skipped, neutral, ... do not. */
    public static final Set<String> DECIDED = Set.of("success", "failure", "timed_out", "startup_failure");
    public static final Set<String> FAILED = Set.of("failure", "timed_out", "startup_failure");

    public WorkflowRuns {
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(asOf, "asOf");
        runs = runs.stream().sorted(Comparator.comparing(Run::createdAt).reversed()).toList();
        Objects.requireNonNull(decidedBeforeSince, "decidedBeforeSince");
    }

    /**
     * One run as the REST list returns it.
     *
     * @param path         the workflow file, e.g. {@code .github/workflows/ci.yml}
     * @param conclusion   empty while the run is not completed
     * @param runStartedAt when the (latest attempt of the) run started; old records lack it
     */
    public record Run(long id, String path, String headBranch, String event, String status,
                      Optional<String> conclusion, Instant createdAt, Optional<Instant> runStartedAt,
                      Instant updatedAt) {
        public Run {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(conclusion, "conclusion");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(runStartedAt, "runStartedAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        public boolean completed() {
            return status.equals("completed");
        }

        /** Completed with success, failure, timed_out or startup_failure. */
        public boolean decided() {
            return completed() && conclusion.filter(DECIDED::contains).isPresent();
        }

        public boolean failed() {
            return completed() && conclusion.filter(FAILED::contains).isPresent();
        }

        public boolean succeeded() {
            return completed() && conclusion.filter("success"::equals).isPresent();
        }

        /** {@code updated_at - run_started_at} ({@code created_at} when the record predates run_started_at), clamped at 0. */
        public Duration duration() {
            Duration duration = Duration.between(runStartedAt.orElse(createdAt), updatedAt);
            return duration.isNegative() ? Duration.ZERO : duration;
        }

        /** True when this run belongs to the workflow file {@code file} ({@code deploy.yml} or a full path). */
        public boolean isOfWorkflow(String file) {
            String bare = path == null ? "" : path.replaceFirst("@.*$", "");
            return bare.equals(file) || bare.endsWith("/" + file);
        }
    }
}
