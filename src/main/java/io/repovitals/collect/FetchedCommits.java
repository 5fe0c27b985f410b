package io.repovitals.collect;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Ticker;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@link Commits} of the default branch fetched over git smart HTTP into a temporary bare
 * repository (deleted afterwards), then computed exactly as from a workspace clone
 * ({@link WorkspaceCommits#walk}): zero API requests, file paths included. The fetch is shallow
 * (only the default branch, no tags, commits since {@code since} minus a margin) and is deepened,
 * with a wider margin and at last in full, until the range's oldest commit has its parent, so that
 * its diff is known. The token travels only as {@code x-access-token} basic auth, never in a URL.
 */
final class FetchedCommits {
    static final String SOURCE = "git fetch";
    /** Wider each time the shallow history stops inside the range (out-of-order dates); then the full history. */
    static final List<Duration> MARGINS = List.of(Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(365));
    private static final String TOKEN_USER = "x-access-token";
    private static final int TIMEOUT_SECONDS = 120;

    private FetchedCommits() {}

    /** What the fetch received and how long it took, failed or not (the snapshot's collection block). */
    record Transfer(long bytes, Duration took) {}

    record Fetched(Commits commits, Transfer transfer) {}

    /** Why the history could not be fetched: the affected metrics go missing with it. */
    static final class Failed extends RuntimeException {
        enum Reason { PERMISSION, SIZE, NETWORK }

        final Reason reason;
        final Transfer transfer;

        Failed(Reason reason, String message, Transfer transfer) {
            super(message, null, false, false);
            this.reason = reason;
            this.transfer = transfer;
        }
    }

    static Fetched fetch(GitFetch settings, RepoRef repo, String branch, Instant since, Instant asOf, Ticker ticker) {
        long started = ticker.nanos();
        CountingHttpConnections counting = new CountingHttpConnections(HttpTransport.getConnectionFactory(), settings.capBytes());
        Path directory = null;
        try {
            directory = Files.createTempDirectory("repo-vitals-fetch-");
            try (Git git = Git.init().setBare(true).setDirectory(directory.toFile()).setInitialBranch(branch).call()) {
                // No automatic gc after the fetch: JGit runs it in the background, racing the deletion below.
                git.getRepository().getConfig().setInt("gc", null, "auto", 0);
                git.getRepository().getConfig().setBoolean("gc", null, "autoDetach", false);
                git.getRepository().getConfig().save();
                String ref = "refs/heads/" + branch;
                for (int attempt = 0; ; attempt++) {
                    FetchCommand fetch = git.fetch()
                            .setRemote(settings.url(repo))
                            .setRefSpecs(new RefSpec("+" + ref + ":" + ref))
                            .setTagOpt(TagOpt.NO_TAGS)
                            .setTimeout(TIMEOUT_SECONDS)
                            .setTransportConfigCallback(transport -> {
                                if (transport instanceof TransportHttp http) {
                                    http.setHttpConnectionFactory(counting);
                                }
                            });
                    settings.token().ifPresent(token ->
                            fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(TOKEN_USER, token.reveal())));
                    boolean full = attempt >= MARGINS.size();
                    if (full) {
                        fetch.setUnshallow(true);
                    } else {
                        fetch.setShallowSince(since.minus(MARGINS.get(attempt)));
                    }
                    fetch.call();
                    Ref tip = git.getRepository().exactRef(ref);
                    if (tip == null || tip.getObjectId() == null) {
                        throw new Failed(Failed.Reason.PERMISSION, "the server sent no branch " + branch,
                                transfer(counting, started, ticker));
                    }
                    try {
                        Commits commits = WorkspaceCommits.walk(git.getRepository(), tip.getObjectId(), since, asOf,
                                SOURCE, "shallow");
                        return new Fetched(commits, transfer(counting, started, ticker));
                    } catch (WorkspaceCommits.Unusable shallow) {
                        if (full) {
                            throw shallow; // cannot happen: a full history has no shallow commit
                        }
                    }
                }
            }
        } catch (Failed e) {
            throw e;
        } catch (Exception e) {
            throw failure(e, counting, settings, started, ticker);
        } finally {
            delete(directory);
        }
    }

    private static Transfer transfer(CountingHttpConnections counting, long started, Ticker ticker) {
        return new Transfer(counting.received(), ticker.since(started));
    }

    private static Failed failure(Exception e, CountingHttpConnections counting, GitFetch settings, long started,
                                  Ticker ticker) {
        Transfer transfer = transfer(counting, started, ticker);
        if (counting.capExceeded()) {
            return new Failed(Failed.Reason.SIZE, "the history passed the fetch cap of " + megabytes(settings.capBytes())
                    + " (git-fetch-max-mb)", transfer);
        }
        String message = redact(chain(e), settings);
        String lower = message.toLowerCase(Locale.ROOT);
        boolean refused = lower.contains("not authorized") || lower.contains("authentication")
                || lower.contains("not permitted") || lower.contains("not found") || lower.contains("401")
                || lower.contains("403") || lower.contains("404");
        return new Failed(refused ? Failed.Reason.PERMISSION : Failed.Reason.NETWORK, message, transfer);
    }

    /** The messages of the cause chain: JGit's top message alone often hides the HTTP status or the refused URL. */
    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private static String redact(String text, GitFetch settings) {
        return settings.token().map(token -> text.replace(token.reveal(), "***")).orElse(text);
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            // A leftover temporary directory holds no secret (the token is never written); not worth failing the run.
        }
    }
}
