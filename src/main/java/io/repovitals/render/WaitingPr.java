package io.repovitals.render;

import java.time.Instant;
import java.util.Objects;

/**
 * An open, non-draft pull request still waiting for its first qualifying review, for the weekly
 * report's "waiting longest" table. Filled by the pipeline from the run's collected pull requests;
 * absent when the report is rendered from history alone.
 *
 * @param readyAt      when it became ready for review (createdAt unless it started as a draft)
 * @param waitingHours asOf - readyAt, in hours
 */
public record WaitingPr(String repository, int number, String title, String author, Instant readyAt,
                        double waitingHours) {
    public WaitingPr {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(readyAt, "readyAt");
    }
}
