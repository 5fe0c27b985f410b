package io.repovitals.github;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The setting {@code rate-limit-budget}: the most requests (REST and GraphQL, retries included) one
 * run may send. Checked before every request; once spent, every further request fails with
 * {@link GitHubException.Kind#BUDGET_EXHAUSTED} so the datasets not yet fetched go absent and the
 * snapshot is partial. Shared by all repositories of a run, thread-safe.
 */
public final class RequestBudget {
    private final int limit;
    private final AtomicInteger spent = new AtomicInteger();

    private RequestBudget(int limit) {
        this.limit = limit;
    }

    public static RequestBudget unlimited() {
        return new RequestBudget(Integer.MAX_VALUE);
    }

    public static RequestBudget of(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate-limit-budget must be at least 1, was " + limit);
        }
        return new RequestBudget(limit);
    }

    /** Takes one request from the budget, or throws without sending anything. */
    void spend() {
        int now = spent.incrementAndGet();
        if (now > limit) {
            spent.decrementAndGet();
            throw new GitHubException(GitHubException.Kind.BUDGET_EXHAUSTED, 0, exhaustedReason());
        }
    }

    public String exhaustedReason() {
        return "request budget of " + limit + " exhausted";
    }

    public boolean isExhausted() {
        return spent.get() >= limit;
    }

    public int spent() {
        return spent.get();
    }

    public int limit() {
        return limit;
    }
}
