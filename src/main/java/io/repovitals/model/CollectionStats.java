package io.repovitals.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code collection} object of a snapshot: what collecting it cost. {@code gitBytes} and
 * {@code gitMs} are what fetching the history over git received and took (no usable clone in the
 * workspace); left out of the file when 0, so snapshots without a fetch read and write as before.
 */
public record CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gitBytes,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gitMs) {
    public static final CollectionStats NONE = new CollectionStats(0, 0, 0, false);

    public CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial) {
        this(requests, graphqlCost, durationMs, partial, 0, 0);
    }
}
