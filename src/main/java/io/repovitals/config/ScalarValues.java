package io.repovitals.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Parsers of plain values: integers in a range, minutes, booleans, instants and paths.
 * Each turns a raw, non-blank string into its typed value or throws a {@link ConfigException}
 * naming the input and what it accepts; the accepted forms here and in
 * {@code schema/repo-vitals.schema.json} are kept equal by ConfigSchemaTest.
 */
final class ScalarValues {
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");

    static int integer(Input input, String text, int min, int max) {
        String accepted = "an integer from " + min + " to " + max;
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw new ConfigException(input.name(), text, accepted);
        }
        int value = Integer.parseInt(trimmed);
        if (value < min || value > max) {
            throw new ConfigException(input.name(), text, accepted);
        }
        return value;
    }

    /** An integer from min up to 999999999 (nine digits), for inputs whose empty value means "no limit". */
    static OptionalInt atLeast(Input input, String text, int min, String whenEmpty) {
        String accepted = "an integer from " + min + " to 999999999, or empty " + whenEmpty;
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches() || Integer.parseInt(trimmed) < min) {
            throw new ConfigException(input.name(), text, accepted);
        }
        return OptionalInt.of(Integer.parseInt(trimmed));
    }

    /** Whole minutes, as {@link #integer} checks them. */
    static Duration minutes(Input input, String text, int min, int max) {
        String accepted = "a number of minutes from " + min + " to " + max;
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw new ConfigException(input.name(), text, accepted);
        }
        int value = Integer.parseInt(trimmed);
        if (value < min || value > max) {
            throw new ConfigException(input.name(), text, accepted);
        }
        return Duration.ofMinutes(value);
    }

    /** The spellings the Actions toolkit's getBooleanInput accepts (YAML 1.2 core schema). */
    static boolean bool(Input input, String text) {
        return switch (text.strip()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw new ConfigException(input.name(), text, "true or false");
        };
    }

    /** The three forms of as-of; a plain date means midnight UTC of that day. */
    static Instant instant(String text) {
        String trimmed = text.strip();
        try {
            // ISO_OFFSET_DATE_TIME takes both "Z" and "+02:00"; seconds and fractions are optional.
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ConfigException(Inputs.AS_OF.name(), text,
                        "an ISO-8601 instant: 2026-11-20T00:00:00Z, 2026-11-20T02:00:00+02:00"
                                + " or a date 2026-11-20 (midnight UTC)");
            }
        }
    }

    static Path path(String key, String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new ConfigException(key, text, "a file path");
        }
    }

    private ScalarValues() {}
}
