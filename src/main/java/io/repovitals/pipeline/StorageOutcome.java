package io.repovitals.pipeline;

import io.repovitals.render.MdEscape;
import io.repovitals.store.HistoryException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What became of the run's two storage targets, output-dir and the history branch, each of which
 * fails on its own (README "Storage faults"): the block the job summary opens with when one failed,
 * saying what was not stored, why, and what fixes it.
 *
 * @param outputDirFailure the one line naming output-dir and why it could not be written, if it could not
 * @param historyFailure   why the history branch was not updated, if it was not
 */
record StorageOutcome(Optional<String> outputDirFailure, Optional<HistoryException> historyFailure) {

    /** Empty when both targets were written; else Markdown for the top of the job summary. */
    String summaryBlock(String branch, Path outputDir) {
        List<String> lines = new ArrayList<>();
        historyFailure.ifPresent(failure -> {
            lines.add("> [!CAUTION]");
            lines.add("> **The history was not stored:** branch " + code(branch) + " was not updated, so this run's "
                    + "snapshots, charts and full reports are not in it" + (outputDirFailure.isEmpty()
                    ? " (they are in " + code(outputDir.toString()) + ")" : "") + ".");
            lines.add(">");
            lines.add("> Why: " + MdEscape.text(failure.getMessage()));
            lines.add(">");
            lines.add("> Fix: " + fix(failure.kind(), branch) + " The next run that stores its snapshot also fills"
                    + " in the days missed until then (up to `backfill-days`).");
        });
        outputDirFailure.ifPresent(failure -> {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add("> [!WARNING]");
            lines.add("> **output-dir was not written:** " + MdEscape.text(failure)
                    + (historyFailure.isEmpty() ? " The history branch " + code(branch) + " holds this run's snapshots." : ""));
        });
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n\n";
    }

    /** What the user changes, by what the remote said (RemoteFailures, BranchPush). */
    static String fix(HistoryException.Kind kind, String branch) {
        return switch (kind) {
            case AUTH_REJECTED -> "give the workflow's token write access to the repository's contents: add"
                    + " `permissions: contents: write` to the job (or use a token that may push there).";
            case PUSH_REJECTED -> "a branch protection rule, ruleset or hook refuses pushes to " + code(branch)
                    + ": let this workflow bypass it, leave the branch out of the ruleset, or set `history-branch`"
                    + " to a branch no rule covers.";
            case CONTENDED -> "other runs kept pushing to " + code(branch) + " at the same time: give the workflow a"
                    + " `concurrency:` group, or re-run it.";
            case UNREACHABLE -> "check `history-remote` and that the runner can reach that server, then re-run.";
            case FAILED -> "see the error annotation in the log, then re-run.";
        };
    }

    /** A code span that holds any text: a backtick fence longer than any run of backticks inside. */
    private static String code(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        String fence = "`";
        while (oneLine.contains(fence)) {
            fence += "`";
        }
        String pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
        return fence + pad + oneLine + pad + fence;
    }
}
