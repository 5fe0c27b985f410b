package io.repovitals.collect;

import io.repovitals.GitHistories;
import io.repovitals.GitHubFake;
import io.repovitals.GitUploadServer;
import io.repovitals.OutcomeValues;
import io.repovitals.metrics.CommitMetrics;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Commits fetched over git smart HTTP from an in-process server (JGit's UploadPack) give exactly
 * what a clone of the same repository gives. The history has a rename, a binary file, a merge and
 * commits older than the range; the expected values are worked out by hand from it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FetchedCommitsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    private static final String TOKEN = GitHubFake.TOKEN;

    @TempDir
    Path origin;

    /** {@link GitHistories#build}: the expected values below are worked out from its picture. */
    @BeforeEach
    void buildRepository() throws Exception {
        GitHistories.build(origin);
    }

    private GitUploadServer server(GitUploadServer.Mode mode) throws IOException {
        return new GitUploadServer(Git.open(origin.toFile()).getRepository(), REPO.fullName(), TOKEN, mode);
    }

    private static GitFetch settings(GitUploadServer server, long capBytes) {
        return new GitFetch(URI.create(server.serverUrl()), Optional.of(Secret.of(TOKEN)), capBytes);
    }

    private static FetchedCommits.Fetched fetch(GitFetch settings) {
        return FetchedCommits.fetch(settings, REPO, "main", WINDOW.start(), AS_OF, System::nanoTime);
    }

    @Test
    void should_give_the_commits_a_clone_of_the_same_repository_gives() throws IOException {
        try (GitUploadServer server = server(GitUploadServer.Mode.ACCEPT)) {
            FetchedCommits.Fetched fetched = fetch(settings(server, 10_000_000));
            Commits clone = WorkspaceCommits.read(origin, REPO, "main", WINDOW.start(), AS_OF);

            // [since, asOf] both ends included: r1, f1, b1, m1, k1 and "At asOf" (the families leave m1 and it out).
            assertThat(fetched.commits().items()).isEqualTo(clone.items()).hasSize(6);
            assertThat(fetched.commits().source()).isEqualTo("git fetch");
            assertThat(fetched.commits().loginsSpelledByGitHub()).isFalse();
            assertThat(fetched.transfer().bytes()).isPositive();
            assertThat(server.authorizations).isNotEmpty().allSatisfy(auth -> assertThat(auth).startsWith("Basic "));
            Map<String, Object> fromFetch = values(fetched.commits());
            assertThat(fromFetch).isEqualTo(values(clone));

            // Non-merge commits of [11-13, 11-20): r1 (exactly at the window start), f1, b1, k1; m1 is a merge,
            // "At asOf" is out, o0, o1 and the July commit are older.
            assertThat(fromFetch.get("commits.count")).isEqualTo(4.0);
            assertThat(fromFetch.get("commits.authors")).isEqualTo(3.0); // alice, bob@example.com, karlh
            // r1 a pure rename (0 lines), f1 +3, b1 a binary file (0 lines), k1 +1 -1.
            assertThat(fromFetch.get("code.lines_added")).isEqualTo(4.0);
            assertThat(fromFetch.get("code.lines_deleted")).isEqualTo(1.0);
            // docs/a.txt (the rename's new path, then k1), c.txt, logo.png.
            assertThat(fromFetch.get("code.files_changed")).isEqualTo(3.0);
            assertThat(fetched.commits().items()).filteredOn(commit -> commit.headline().equals("Move a to docs"))
                    .singleElement().satisfies(commit -> {
                        assertThat(commit.paths()).contains(List.of("docs/a.txt"));
                        assertThat(commit.additions() + commit.deletions()).isZero();
                    });
            assertThat(fetched.commits().items()).filteredOn(commit -> commit.headline().equals("Shout two"))
                    .singleElement().extracting(Commits.Commit::login).isEqualTo("KarlH");
        }
    }

    @Test
    void should_time_the_fetch_by_the_ticker_it_is_given() throws IOException {
        try (GitUploadServer server = server(GitUploadServer.Mode.ACCEPT)) {
            // Each reading 1.5 s after the one before: the start and the end of the fetch.
            java.util.concurrent.atomic.AtomicLong readings = new java.util.concurrent.atomic.AtomicLong();
            io.repovitals.model.Ticker ticking = () -> readings.getAndIncrement() * 1_500_000_000L;
            FetchedCommits.Fetched fetched = FetchedCommits.fetch(settings(server, 10_000_000), REPO, "main",
                    WINDOW.start(), AS_OF, ticking);

            assertThat(fetched.transfer().took()).isEqualTo(java.time.Duration.ofMillis(1500));
        }
    }

    @Test
    void should_deepen_a_shallow_fetch_until_the_oldest_commit_of_the_range_has_its_parent() throws IOException {
        try (GitUploadServer server = server(GitUploadServer.Mode.ACCEPT)) {
            // A first shallow fetch from 11-12 cuts the history at r1 (11-13T00), the range's oldest commit: its
            // parent o1 (11-01) is missing, so its diff is not known. The 30-day margin (from 10-14) brings o1.
            fetch(settings(server, 10_000_000));

            long uploads = server.requests.stream().filter(line -> line.startsWith("POST ")).count();
            assertThat(uploads).isEqualTo(2);
        }
    }

    @Test
    void should_fail_with_the_reason_when_the_token_is_refused_without_showing_it() throws IOException {
        try (GitUploadServer server = server(GitUploadServer.Mode.FORBIDDEN)) {
            FetchedCommits.Failed failed = catchThrowableOfType(FetchedCommits.Failed.class,
                    () -> fetch(settings(server, 10_000_000)));

            assertThat(failed.reason).isEqualTo(FetchedCommits.Failed.Reason.PERMISSION);
            assertThat(failed.getMessage()).doesNotContain(TOKEN);
        }
        try (GitUploadServer server = new GitUploadServer(Git.open(origin.toFile()).getRepository(), REPO.fullName(),
                "ghs_another0000000000000000000000000000", GitUploadServer.Mode.ACCEPT)) {
            FetchedCommits.Failed failed = catchThrowableOfType(FetchedCommits.Failed.class,
                    () -> fetch(settings(server, 10_000_000)));

            assertThat(failed.reason).isEqualTo(FetchedCommits.Failed.Reason.PERMISSION);
            assertThat(failed.getMessage()).doesNotContain(TOKEN);
        }
    }

    @Test
    void should_stop_a_fetch_that_passes_the_size_cap() throws IOException {
        try (GitUploadServer server = server(GitUploadServer.Mode.ACCEPT)) {
            long full = fetch(settings(server, 10_000_000)).transfer().bytes();

            FetchedCommits.Failed failed = catchThrowableOfType(FetchedCommits.Failed.class,
                    () -> fetch(settings(server, full / 2)));

            assertThat(failed.reason).isEqualTo(FetchedCommits.Failed.Reason.SIZE);
            assertThat(failed.transfer.bytes()).isGreaterThan(full / 2).isLessThanOrEqualTo(full);
            assertThat(failed.getMessage()).contains("git-fetch-max-mb");
        }
    }

    @Test
    void should_fail_as_network_when_nothing_answers() {
        GitFetch nowhere = new GitFetch(URI.create("http://127.0.0.1:9"), Optional.of(Secret.of(TOKEN)), 10_000_000);

        FetchedCommits.Failed failed = catchThrowableOfType(FetchedCommits.Failed.class, () -> fetch(nowhere));

        assertThat(failed.reason).isEqualTo(FetchedCommits.Failed.Reason.NETWORK);
        assertThat(failed.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void should_delete_its_temporary_repository() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (GitUploadServer server = server(GitUploadServer.Mode.ACCEPT)) {
            List<Path> before = fetchDirectories(tmp);
            fetch(settings(server, 10_000_000));
            assertThatThrownBy(() -> fetch(settings(server, 10))).isInstanceOf(FetchedCommits.Failed.class);

            // Other processes on the machine may come and go with their own; none of ours may stay.
            List<Path> left = new java.util.ArrayList<>(fetchDirectories(tmp));
            left.removeAll(before);
            assertThat(left).isEmpty();
        }
    }

    private static List<Path> fetchDirectories(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("repo-vitals-fetch-")).sorted().toList();
        }
    }

    private static Map<String, Object> values(Commits commits) {
        return OutcomeValues.of(new CommitMetrics().compute(new Datasets().with(Commits.class, commits), WINDOW, List.of()));
    }
}
