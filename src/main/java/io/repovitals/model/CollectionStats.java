package io.repovitals.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code collection} object of a snapshot: what collecting it cost. {@code gitBytes} and
 * {@code gitMs} are what fetching the history over git received and took (no usable clone in the
 * workspace); left out of the file when 0, so snapshots without a fetch read and write as before.
 * {@code reconstructed} marks a past day rebuilt from a later run's fetch (a first run's backfill or
 * a skipped day filled in), not observed on its own day; written only when true, so older files and
 * readers are unaffected.
 */
public record CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gitBytes,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gitMs,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reconstructed) {
    public static final CollectionStats NONE = new CollectionStats(0, 0, 0, false);

    public CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial) {
        this(requests, graphqlCost, durationMs, partial, 0, 0, false);
    }

    public CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial, long gitBytes, long gitMs) {
        this(requests, graphqlCost, durationMs, partial, gitBytes, gitMs, false);
    }

    /** A past day rebuilt from another day's fetch: it cost nothing of its own. */
    public static CollectionStats reconstructed(boolean partial) {
        return new CollectionStats(0, 0, 0, partial, 0, 0, true);
    }
}
