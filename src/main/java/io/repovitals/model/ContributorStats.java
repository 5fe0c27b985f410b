package io.repovitals.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of a snapshot's {@code contributors} array (metrics.md "Per-contributor rows"). */
public record ContributorStats(
        String login,
        int commits,
        @JsonProperty("prs_opened") int prsOpened,
        @JsonProperty("prs_merged") int prsMerged,
        int reviews,
        int comments,
        @JsonProperty("lines_added") long linesAdded,
        @JsonProperty("lines_deleted") long linesDeleted) {
}
