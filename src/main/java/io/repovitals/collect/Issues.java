package io.repovitals.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * metrics.md §issues.*, §dora.* (incidents) and contributors: every issue (pull requests not
 * included) that is open now or was updated at or after {@code since}, with its labels and
 * conversation comments. That is every issue open at some instant of {@code [since, asOf]} or
 * changed in it. Bots included: the families decide.
 */
public record Issues(Instant since, Instant asOf, List<Issue> items) implements Dataset {
    public Issues {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(asOf, "asOf");
        items = List.copyOf(items);
    }

    /**
     * @param closedAt  when it was last closed; null when it is open now
     * @param updatedAt its last activity (GitHub's updatedAt)
     * @param labels    label names
     */
    public record Issue(
            int number,
            Account author,
            Instant createdAt,
            Instant closedAt,
            Instant updatedAt,
            List<String> labels,
            List<Comment> comments) {

        public Issue {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            labels = List.copyOf(labels);
            comments = List.copyOf(comments);
        }

        /**
         * Open at asOf: created at or before it and not closed then. An issue closed, reopened and
         * closed again counts by its last close (GitHub's closedAt).
         */
        public boolean openAt(Instant asOf) {
            return !createdAt.isAfter(asOf) && (closedAt == null || closedAt.isAfter(asOf));
        }

        /**
         * The last activity at or before asOf: {@code updatedAt} when it is not after asOf, else the
         * latest of creation and the comments by then (GitHub keeps only the latest update time).
         */
        public Instant lastActivityAt(Instant asOf) {
            if (!updatedAt.isAfter(asOf)) {
                return updatedAt;
            }
            Instant last = createdAt;
            for (Comment comment : comments) {
                if (!comment.createdAt().isAfter(asOf) && comment.createdAt().isAfter(last)) {
                    last = comment.createdAt();
                }
            }
            return last;
        }
    }
}
