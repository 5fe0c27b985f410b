package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HistoryStore#repositories()}: what export covers when no repository is named. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryRepositoriesTest {
    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

    private GitBranchStore store(BareRepo remote) {
        return new GitBranchStore(remote.remote(), BareRepo.BRANCH, Log.create(false, false, quiet, quiet, System::nanoTime), java.time.Clock.systemUTC(), io.repovitals.store.Retry.defaults());
    }

    @Test
    void should_list_the_repository_folders_under_snapshots_in_name_order() throws Exception {
        try (BareRepo remote = BareRepo.create(dir.resolve("remote.git"))) {
            store(remote).save(List.of(Snapshots.of("octo-org/widgets", "2026-11-20T00:00:00Z", 1),
                    Snapshots.of("acme/rocket", "2026-11-19T00:00:00Z", 2),
                    Snapshots.of("acme/rocket", "2026-11-20T00:00:00Z", 3)), List.of(), "test");
            // Files outside snapshots/<owner>/<repo>/ are no repositories: a chart folder, a stray file, a README.
            remote.commitRaw(Map.of("charts/zeta/omega/2026-11-20/stars.png", new byte[] {1},
                    "snapshots/README.md", "by hand".getBytes(StandardCharsets.UTF_8),
                    "snapshots/lonely/notes.txt", "x".getBytes(StandardCharsets.UTF_8)));

            assertThat(store(remote).repositories())
                    .containsExactly(RepoRef.parse("acme/rocket"), RepoRef.parse("octo-org/widgets"));
        }
    }

    @Test
    void should_list_nothing_when_the_branch_does_not_exist_yet() {
        try (BareRepo remote = BareRepo.create(dir.resolve("empty.git"))) {
            assertThat(store(remote).repositories()).isEmpty();
        }
    }
}
