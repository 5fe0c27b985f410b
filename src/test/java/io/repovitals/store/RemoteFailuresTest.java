package io.repovitals.store;

import io.repovitals.model.Secret;
import io.repovitals.runtime.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Remotes that cannot be reached or refuse the token or the push: one clear line, and the remote as
 * it was. Also proves that the token travels only as basic auth and lands nowhere in any repository.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RemoteFailuresTest {
    private static final String TOKEN = "ghs_Tok3nThatMustNeverBeStored0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;
    private BareRepo remote;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Log log = Log.create(false, false, new PrintStream(logged, true), new PrintStream(logged, true), System::nanoTime);

    @BeforeEach
    void createRemoteWithOneRun() {
        remote = BareRepo.create(temp.resolve("remote.git"));
        store(remote.remote()).save(List.of(Snapshots.of("octo/app", "2026-11-19T06:00:00Z", 1)), List.of(), "1");
    }

    @AfterEach
    void closeRemote() {
        remote.close();
    }

    private GitBranchStore store(HistoryRemote where) {
        return new GitBranchStore(where, BareRepo.BRANCH, log, CLOCK, GitBranchStoreTest.NO_WAIT);
    }

    private HistoryException saveThrough(GitHttpServer.Mode mode, String token) throws Exception {
        try (GitHttpServer server = new GitHttpServer(remote.repository, TOKEN, mode)) {
            GitBranchStore store = store(HistoryRemote.of(server.url(), Optional.of(Secret.of(token))));
            return catchThrowableOfType(HistoryException.class,
                    () -> store.save(List.of(Snapshots.of("octo/app", "2026-11-20T06:00:00Z", 2)), List.of(), "2"));
        }
    }

    private static void assertOneClearLine(HistoryException failure) {
        assertThat(failure.getMessage()).startsWith("history: cannot ").doesNotContain("\n").doesNotContain(TOKEN);
    }

    @Test
    void should_store_through_https_with_the_token_as_x_access_token_basic_auth() throws Exception {
        try (GitHttpServer server = new GitHttpServer(remote.repository, TOKEN, GitHttpServer.Mode.ACCEPT)) {
            GitBranchStore store = store(HistoryRemote.of(server.url(), Optional.of(Secret.of(TOKEN))));

            store.save(List.of(Snapshots.of("octo/app", "2026-11-20T06:00:00Z", 2)), List.of(), "2");

            assertThat(server.authorizations).isNotEmpty().allMatch(header -> header.equals("Basic "
                    + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(remote.log()).hasSize(2);
        assertThat(remote.blobs()).containsKey("snapshots/octo/app/2026/2026-11-20.json");
    }

    @Test
    void should_end_with_one_line_and_leave_the_remote_as_it_was_when_the_token_is_rejected() throws Exception {
        Map<String, byte[]> before = remote.filesOnDisk();

        HistoryException failure = saveThrough(GitHttpServer.Mode.ACCEPT, "ghs_wrong");

        assertThat(failure.kind()).isEqualTo(HistoryException.Kind.AUTH_REJECTED);
        assertOneClearLine(failure);
        assertThat(failure.getMessage()).contains("cannot fetch branch 'repo-vitals-data' at http://127.0.0.1:")
                .contains("the token was rejected").doesNotContain("ghs_wrong");
        assertThat(remote.filesOnDisk()).containsExactlyEntriesOf(before);
    }

    @Test
    void should_end_with_one_line_and_leave_the_remote_as_it_was_when_a_read_only_token_pushes() throws Exception {
        Map<String, byte[]> before = remote.filesOnDisk();

        // The fetch works, the push is refused midway (HTTP 403 on receive-pack), as with a contents: read token.
        HistoryException failure = saveThrough(GitHttpServer.Mode.READ_ONLY, TOKEN);

        assertThat(failure.kind()).isEqualTo(HistoryException.Kind.AUTH_REJECTED);
        assertOneClearLine(failure);
        assertThat(failure.getMessage()).contains("cannot push to branch 'repo-vitals-data'");
        assertThat(remote.filesOnDisk()).containsExactlyEntriesOf(before);
    }

    @Test
    void should_end_with_one_line_and_leave_the_branch_as_it_was_when_a_hook_rejects_the_push() throws Exception {
        var tipBefore = remote.tip().orElseThrow();
        var blobsBefore = remote.blobs();

        HistoryException failure = saveThrough(GitHttpServer.Mode.PRE_RECEIVE_REJECTS, TOKEN);

        assertThat(failure.kind()).isEqualTo(HistoryException.Kind.PUSH_REJECTED);
        assertThat(failure.getMessage()).isEqualTo("history: the server at " + failure.getMessage()
                .substring("history: the server at ".length(), failure.getMessage().indexOf(" refused"))
                + " refused the push to branch 'repo-vitals-data': protected branch hook declined");
        // The server may keep the objects it received (as git does), but the branch did not move.
        assertThat(remote.tip()).contains(tipBefore);
        assertThat(remote.blobs()).isEqualTo(blobsBefore);
    }

    @Test
    void should_end_with_one_line_when_nothing_answers_on_the_port() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GitBranchStore store = store(HistoryRemote.of("http://127.0.0.1:" + port + "/octo/app.git",
                Optional.of(Secret.of(TOKEN))));

        HistoryException failure = catchThrowableOfType(HistoryException.class,
                () -> store.save(List.of(Snapshots.of("octo/app", "2026-11-20T06:00:00Z", 2)), List.of(), "2"));

        assertThat(failure.kind()).isEqualTo(HistoryException.Kind.UNREACHABLE);
        assertOneClearLine(failure);
        assertThat(failure.getMessage()).contains("the server cannot be reached");
    }

    @Test
    void should_end_with_one_line_when_the_local_path_holds_no_repository() {
        Path missing = temp.resolve("no-such.git");

        assertThatThrownBy(() -> store(HistoryRemote.local(missing)).load(new io.repovitals.model.RepoRef("octo", "app")))
                .isInstanceOf(HistoryException.class)
                .hasMessage("history: cannot fetch branch 'repo-vitals-data' at " + missing
                        + ": no git repository there (check history-remote)");
    }

    @Test
    void should_write_the_token_into_no_file_ref_or_object_of_any_repository() throws Exception {
        try (GitHttpServer server = new GitHttpServer(remote.repository, TOKEN, GitHttpServer.Mode.ACCEPT)) {
            GitBranchStore store = store(HistoryRemote.of(server.url(), Optional.of(Secret.of(TOKEN))));
            store.save(List.of(Snapshots.of("octo/app", "2026-11-20T06:00:00Z", 2)), List.of(
                    new Chart(new io.repovitals.model.RepoRef("octo", "app"), java.time.LocalDate.parse("2026-11-20"),
                            "health", new byte[] {1, 2, 3})), "2");
            store.load(new io.repovitals.model.RepoRef("octo", "app"));
            assertThat(server.authorizations).isNotEmpty(); // the token was really used

            byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
            // Every file in the test's folder: the remote's config, refs, logs, packs (as stored)...
            try (var files = java.nio.file.Files.walk(temp)) {
                for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    assertThat(indexOf(java.nio.file.Files.readAllBytes(file), token)).as(file.toString()).isEqualTo(-1);
                }
            }
            // ...and every object inflated, in the remote and in the run's in-memory repository.
            assertThat(BareRepo.allObjects(remote.repository)).hasSizeGreaterThan(5)
                    .allMatch(object -> indexOf(object, token) == -1);
            assertThat(BareRepo.allObjects(store.repository())).hasSizeGreaterThan(5)
                    .allMatch(object -> indexOf(object, token) == -1);
            assertThat(store.repository().getConfig().toText()).doesNotContain(TOKEN);
            assertThat(store.repository().getRefDatabase().getRefs()).allMatch(ref -> !ref.getName().contains(TOKEN));
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
