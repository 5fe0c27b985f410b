package io.repovitals.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Markdown appended to the job summary, the file the runner names in {@code $GITHUB_STEP_SUMMARY}
 * (contract.md "Publishing", target {@code summary}).
 *
 * <p>GitHub refuses a step summary over {@value #LIMIT_BYTES} bytes and then shows none of it. So
 * text that would take the file past the limit is cut at the last line that fits, and a line saying
 * so takes the place of the rest. A cut inside a code fence or a table leaves that block open: the
 * note then renders inside it, which is still readable.
 */
public final class StepSummary {
    /** GitHub's limit per step: 1 MiB. */
    public static final int LIMIT_BYTES = 1024 * 1024;

    static final String CUT_NOTE = "\n*The rest of this report was cut: GitHub limits a step summary to 1 MiB.*\n";

    private StepSummary() {}

    /** Appends the markdown, ending it with a line break; the file is created if missing. */
    public static void append(Path stepSummaryFile, String markdown) {
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        try {
            long used = Files.exists(stepSummaryFile) ? Files.size(stepSummaryFile) : 0;
            byte[] bytes = fit(text.getBytes(StandardCharsets.UTF_8), LIMIT_BYTES - used);
            Files.write(stepSummaryFile, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step summary " + stepSummaryFile, e);
        }
    }

    /** The text itself when it fits the budget, else its longest whole-line prefix plus the note; nothing if not even the note fits. */
    static byte[] fit(byte[] text, long budget) {
        if (text.length <= budget) {
            return text;
        }
        byte[] note = CUT_NOTE.getBytes(StandardCharsets.UTF_8);
        long room = budget - note.length;
        if (room < 0) {
            return new byte[0];
        }
        // '\n' never occurs inside a multi-byte UTF-8 sequence, so cutting after one keeps characters whole.
        int end = (int) Math.min(room, text.length);
        while (end > 0 && text[end - 1] != '\n') {
            end--;
        }
        byte[] cut = Arrays.copyOf(text, end + note.length);
        System.arraycopy(note, 0, cut, end, note.length);
        return cut;
    }
}
