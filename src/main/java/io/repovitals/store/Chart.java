package io.repovitals.store;

import io.repovitals.model.RepoRef;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chart image stored beside the snapshots, at {@code charts/<owner>/<repo>/<yyyy-mm-dd>/<name>.png},
 * so that reports can link to it.
 *
 * @param name file name without extension, e.g. {@code prs-merged}
 * @param png  the encoded image; copied, so later changes to the caller's array do not leak in
 */
public record Chart(RepoRef repo, LocalDate day, String name, byte[] png) {
    // One path segment: no slash, no leading dot, nothing git or a file system would treat specially.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public Chart {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(day, "day");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid chart name '" + name + "'");
        }
        png = Objects.requireNonNull(png, "png").clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chart chart && chart.repo.equals(repo) && chart.day.equals(day)
                && chart.name.equals(name) && Arrays.equals(chart.png, png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repo, day, name, Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "Chart[" + HistoryLayout.chartPath(this) + ", " + png.length + " bytes]";
    }
}
