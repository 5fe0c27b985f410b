package io.repovitals.store;

import io.repovitals.model.RepoRef;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chart image stored beside the snapshots, at {@code charts/<owner>/<repo>/<yyyy-mm-dd>/<name>.<png|svg>},
 * so that reports can link to it.
 *
 * @param name   file name without extension, e.g. {@code prs-merged}
 * @param format PNG or SVG: it gives the file its extension
 * @param bytes  the encoded image; copied, so later changes to the caller's array do not leak in
 */
public record Chart(RepoRef repo, LocalDate day, String name, Format format, byte[] bytes) {
    // One path segment: no slash, no leading dot, nothing git or a file system would treat specially.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The image formats a chart can be stored in. */
    public enum Format {
        PNG("png"), SVG("svg"),
        /** The day's full report, kept beside its charts so that a shortened issue can link to it. */
        MARKDOWN("md");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    public Chart {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(format, "format");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid chart name '" + name
                    + "': use 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** A PNG chart, the format the history branch held first. */
    public Chart(RepoRef repo, LocalDate day, String name, byte[] png) {
        this(repo, day, name, Format.PNG, png);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Its path in the history branch, e.g. {@code charts/octo/app/2026-11-20/stars-forks.svg}. */
    public String path() {
        return HistoryLayout.chartPath(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chart chart && chart.repo.equals(repo) && chart.day.equals(day)
                && chart.name.equals(name) && chart.format == format && Arrays.equals(chart.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repo, day, name, format, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Chart[" + path() + ", " + bytes.length + " bytes]";
    }
}
