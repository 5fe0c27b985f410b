package io.repovitals.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The accepted values of {@code export --format}. */
public enum ExportFormat {
    CSV("csv", true),
    JSON("json", true),
    OPENMETRICS("openmetrics", true),
    SQLITE("sqlite", true),
    DATADOG("datadog", false);

    private final String value;
    private final boolean writesFile;

    ExportFormat(String value, boolean writesFile) {
        this.value = value;
        this.writesFile = writesFile;
    }

    /** The name as written on the command line. */
    public String value() {
        return value;
    }

    /** False for the Datadog sink, which sends instead of writing {@code --out}. */
    public boolean writesFile() {
        return writesFile;
    }

    /** Whether {@code --gzip} applies: text formats only (an SQLite file is opened in place by its readers). */
    public boolean gzippable() {
        return this == CSV || this == JSON || this == OPENMETRICS;
    }

    public static Optional<ExportFormat> parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.value.equals(wanted)).findFirst();
    }

    /** "csv, json, openmetrics, sqlite or datadog", for error messages and help. */
    public static String accepted() {
        String all = Arrays.stream(values()).map(ExportFormat::value).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
