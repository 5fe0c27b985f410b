package io.repovitals.pipeline;

import io.repovitals.store.HistoryException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The job summary's storage block: nothing when both targets were written, else what, why and the fix. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorageOutcomeTest {
    private static final Path OUT = Path.of("/runner/work/repo-vitals-out");

    @Test
    void should_say_nothing_when_both_targets_were_written() {
        assertThat(new StorageOutcome(Optional.empty(), Optional.empty()).summaryBlock("repo-vitals-data", OUT)).isEmpty();
    }

    @Test
    void should_give_the_fix_that_matches_what_the_remote_said() {
        assertThat(StorageOutcome.fix(HistoryException.Kind.AUTH_REJECTED, "b")).contains("`permissions: contents: write`");
        assertThat(StorageOutcome.fix(HistoryException.Kind.PUSH_REJECTED, "b")).contains("ruleset")
                .contains("`history-branch`");
        assertThat(StorageOutcome.fix(HistoryException.Kind.CONTENDED, "b")).contains("`concurrency:` group");
        assertThat(StorageOutcome.fix(HistoryException.Kind.UNREACHABLE, "b")).contains("`history-remote`");
    }

    @Test
    void should_keep_user_text_literal_and_say_both_failures() {
        HistoryException refused = new HistoryException(HistoryException.Kind.PUSH_REJECTED,
                "history: the server refused the push to branch 'data`x': @octocat's rule #12 <b>", null);

        String block = new StorageOutcome(Optional.of("cannot write the run's files to output-dir /full: No space left on device"),
                Optional.of(refused)).summaryBlock("data`x", OUT);

        // A branch holding a backtick gets a longer fence; the reason can neither mention nor reference anyone.
        assertThat(block).startsWith("> [!CAUTION]\n> **The history was not stored:** branch ``data`x`` was not updated,")
                .contains("@&#8203;octocat").contains("#&#8203;12").contains("&lt;b")
                .contains("> [!WARNING]\n> **output-dir was not written:** cannot write the run's files to output-dir /full")
                // With neither target written, neither is offered as the place the files are.
                .doesNotContain("(they are in").doesNotContain("holds this run's snapshots")
                .endsWith("\n\n");
    }
}
