package io.repovitals.github;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every request sent to GitHub (REST and GraphQL) and the GraphQL points spent, in total
 * and per {@link Tally} open on the calling thread, so that repositories collected in parallel
 * each know their own cost. Both clients send synchronously on the caller's thread.
 */
public final class RequestCounter {
    private final AtomicInteger rest = new AtomicInteger();
    private final AtomicInteger graphql = new AtomicInteger();
    private final AtomicInteger graphqlCost = new AtomicInteger();
    private final ThreadLocal<Tally> current = new ThreadLocal<>();

    void countRest() {
        rest.incrementAndGet();
        Tally tally = current.get();
        if (tally != null) {
            tally.requests++;
        }
    }

    void countGraphQl() {
        graphql.incrementAndGet();
        Tally tally = current.get();
        if (tally != null) {
            tally.requests++;
        }
    }

    void addGraphQlCost(int points) {
        graphqlCost.addAndGet(points);
        Tally tally = current.get();
        if (tally != null) {
            tally.graphqlCost += points;
        }
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

    /** Starts counting this thread's requests apart from the others' until the tally is closed. */
    public Tally tally() {
        Tally tally = new Tally();
        current.set(tally);
        return tally;
    }

    /** The requests and GraphQL points of one thread's piece of work (one repository). */
    public final class Tally implements AutoCloseable {
        private int requests;
        private int graphqlCost;

        private Tally() {}

        public int requests() {
            return requests;
        }

        public int graphqlCost() {
            return graphqlCost;
        }

        @Override
        public void close() {
            current.remove();
        }
    }
}
