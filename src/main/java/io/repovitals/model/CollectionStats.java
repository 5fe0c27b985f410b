package io.repovitals.model;

/** The {@code collection} object of a snapshot: what collecting it cost. */
public record CollectionStats(int requests, int graphqlCost, long durationMs, boolean partial) {
    public static final CollectionStats NONE = new CollectionStats(0, 0, 0, false);
}
