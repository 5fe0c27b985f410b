package io.repovitals.pipeline;

import io.repovitals.github.GitHubException;
import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Collects repositories with bounded concurrency and reports them in the order given, so output
 * and logs are the same however the threads interleave. A failure that would fail every repository
 * (bad token, unreachable server) or names a repository that does not exist ends the run; any
 * other failure of one repository is logged and the others go on. Nothing collected is exit 1. Each
 * repository's log is one group titled with its summary line; its gaps go to the run's {@link GapDigest}.
 */
final class RepositoryPool {
    private RepositoryPool() {}

    static List<Collection.Collected> collectAll(List<RepoRef> repositories, int concurrency,
                                               Function<RepoRef, Collection.Collected> collectOne, GapDigest gaps, Log log) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, repositories.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "collect");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Collection.Collected>> futures = new ArrayList<>();
            for (RepoRef repo : repositories) {
                futures.add(pool.submit(() -> collectOne.apply(repo)));
            }
            List<Collection.Collected> collected = new ArrayList<>();
            GitHubException lastFailure = null;
            for (int i = 0; i < futures.size(); i++) {
                RepoRef repo = repositories.get(i);
                try {
                    Collection.Collected one = await(futures.get(i));
                    // One line per repository (the group's title), its details folded under it, its gaps annotated once at the end.
                    try (Log.Group ignored = log.group("Collected " + repo + ": " + one.summary())) {
                        one.notes().forEach(log::info);
                    }
                    gaps.add(one.gaps());
                    collected.add(one);
                } catch (GitHubException e) {
                    if (endsTheRun(e)) {
                        throw e;
                    }
                    log.error(repo + ": " + e.getMessage());
                    lastFailure = e;
                }
                log.progress("repositories collected", i + 1, repositories.size());
            }
            if (collected.isEmpty() && lastFailure != null) {
                throw lastFailure;
            }
            return collected;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean endsTheRun(GitHubException e) {
        return switch (e.kind()) {
            case BAD_CREDENTIALS, NOT_FOUND, UNREACHABLE -> true;
            default -> false;
        };
    }

    private static Collection.Collected await(Future<Collection.Collected> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
