package io.repovitals.github;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts every request sent to GitHub (REST and GraphQL) and the GraphQL points spent. */
public final class RequestCounter {
    private final AtomicInteger rest = new AtomicInteger();
    private final AtomicInteger graphql = new AtomicInteger();
    private final AtomicInteger graphqlCost = new AtomicInteger();

    void countRest() {
        rest.incrementAndGet();
    }

    void countGraphQl() {
        graphql.incrementAndGet();
    }

    void addGraphQlCost(int points) {
        graphqlCost.addAndGet(points);
    }

    public int rest() {
        return rest.get();
    }

    public int graphql() {
        return graphql.get();
    }

    public int total() {
        return rest.get() + graphql.get();
    }

    public int graphqlCost() {
        return graphqlCost.get();
    }

    /** A reading now, to subtract from a later one (per-repository costs). */
    public Reading read() {
        return new Reading(total(), graphqlCost());
    }

    public record Reading(int requests, int graphqlCost) {
        public Reading since(Reading earlier) {
            return new Reading(requests - earlier.requests, graphqlCost - earlier.graphqlCost);
        }
    }
}
