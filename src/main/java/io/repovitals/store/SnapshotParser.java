package io.repovitals.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The fast path of {@link SnapshotCodec}: one streaming pass over a snapshot file in the shape this
 * program writes, straight into the records. Loading a long history is mostly parsing, and data
 * binding (reflection on records, java.time formatters, intermediate maps) cost about 15 times the
 * tokenising alone. Anything out of that shape (a missing or null field, a number as a string, an
 * instant with an offset or fraction, malformed JSON, a newer schema's fields) makes it answer
 * null, and the codec parses the file with data binding as before: the same snapshot, or the same
 * error, so files are judged exactly as they were.
 */
final class SnapshotParser {
    /** FastDoubleParser: the same correctly rounded doubles as Double.parseDouble, several times faster on long decimals. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /** Leaves the fast path; control flow only, so no stack trace. */
    private static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;

        NotCanonical() {
            super(null, null, false, false);
        }
    }

    private static final NotCanonical NOT_CANONICAL = new NotCanonical();

    private SnapshotParser() {}

    /** The snapshot, or null when the file is not in the canonical shape (then use data binding). */
    static Snapshot snapshot(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            Snapshot snapshot = snapshot(parser);
            return parser.nextToken() == null ? snapshot : null;
        } catch (NotCanonical | IOException | RuntimeException e) {
            return null;
        }
    }

    /** The snapshots of a weekly file (a JSON array), or null when any of it is out of shape. */
    static List<Snapshot> snapshots(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<Snapshot> snapshots = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                snapshots.add(snapshot(parser));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY);
            return parser.nextToken() == null ? snapshots : null;
        } catch (NotCanonical | IOException | RuntimeException e) {
            return null;
        }
    }

    /** From just after the object's START_OBJECT to its END_OBJECT. */
    private static Snapshot snapshot(JsonParser parser) throws IOException, NotCanonical {
        Integer schemaVersion = null;
        Integer windowDays = null;
        String repository = null;
        Instant asOf = null;
        TreeMap<String, Number> metrics = null;
        TreeMap<String, String> missing = null;
        List<ContributorStats> contributors = null;
        List<TrafficDay> traffic = null;
        CollectionStats collection = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "schemaVersion" -> schemaVersion = intValue(parser);
                case "repository" -> repository = string(parser);
                case "asOf" -> asOf = instant(string(parser));
                case "windowDays" -> windowDays = intValue(parser);
                case "metrics" -> metrics = metrics(parser);
                case "missing" -> missing = strings(parser);
                case "contributors" -> contributors = contributors(parser);
                case "traffic" -> traffic = traffic(parser);
                case "collection" -> collection = collection(parser);
                default -> parser.skipChildren(); // unknown fields are ignored, as by data binding
            }
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT);
        if (schemaVersion == null || windowDays == null || repository == null || asOf == null || metrics == null
                || missing == null || contributors == null || traffic == null || collection == null) {
            throw NOT_CANONICAL;
        }
        return new Snapshot(schemaVersion, repository, asOf, windowDays, metrics, missing, contributors, traffic, collection);
    }

    private static TreeMap<String, Number> metrics(JsonParser parser) throws IOException, NotCanonical {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        TreeMap<String, Number> metrics = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                throw NOT_CANONICAL;
            }
            metrics.put(name, parser.getNumberValue()); // Integer, Long or Double, as data binding gives for Number
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT);
        return metrics;
    }

    private static TreeMap<String, String> strings(JsonParser parser) throws IOException, NotCanonical {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        TreeMap<String, String> strings = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            strings.put(name, string(parser));
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT);
        return strings;
    }

    private static List<ContributorStats> contributors(JsonParser parser) throws IOException, NotCanonical {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        List<ContributorStats> rows = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String login = null;
            int[] counts = new int[5];
            long[] lines = new long[2];
            int seen = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "login" -> { login = string(parser); seen |= 1; }
                    case "commits" -> { counts[0] = intValue(parser); seen |= 2; }
                    case "prs_opened" -> { counts[1] = intValue(parser); seen |= 4; }
                    case "prs_merged" -> { counts[2] = intValue(parser); seen |= 8; }
                    case "reviews" -> { counts[3] = intValue(parser); seen |= 16; }
                    case "comments" -> { counts[4] = intValue(parser); seen |= 32; }
                    case "lines_added" -> { lines[0] = longValue(parser); seen |= 64; }
                    case "lines_deleted" -> { lines[1] = longValue(parser); seen |= 128; }
                    default -> parser.skipChildren();
                }
            }
            if (seen != 255) {
                throw NOT_CANONICAL;
            }
            rows.add(new ContributorStats(login, counts[0], counts[1], counts[2], counts[3], counts[4], lines[0], lines[1]));
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY);
        return rows;
    }

    private static List<TrafficDay> traffic(JsonParser parser) throws IOException, NotCanonical {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        List<TrafficDay> days = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            LocalDate day = null;
            int[] counts = new int[4];
            int seen = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "day" -> { day = localDate(string(parser)); seen |= 1; }
                    case "views" -> { counts[0] = intValue(parser); seen |= 2; }
                    case "unique_visitors" -> { counts[1] = intValue(parser); seen |= 4; }
                    case "clones" -> { counts[2] = intValue(parser); seen |= 8; }
                    case "unique_cloners" -> { counts[3] = intValue(parser); seen |= 16; }
                    default -> parser.skipChildren();
                }
            }
            if (seen != 31) {
                throw NOT_CANONICAL;
            }
            days.add(new TrafficDay(day, counts[0], counts[1], counts[2], counts[3]));
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY);
        return days;
    }

    private static CollectionStats collection(JsonParser parser) throws IOException, NotCanonical {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        int requests = 0;
        int graphqlCost = 0;
        long durationMs = 0;
        boolean partial = false;
        long gitBytes = 0;
        long gitMs = 0;
        boolean reconstructed = false;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "requests" -> { requests = intValue(parser); seen |= 1; }
                case "graphqlCost" -> { graphqlCost = intValue(parser); seen |= 2; }
                case "durationMs" -> { durationMs = longValue(parser); seen |= 4; }
                case "partial" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw NOT_CANONICAL;
                    }
                    partial = value == JsonToken.VALUE_TRUE;
                    seen |= 8;
                }
                // Written only when a fetch over git happened (not 0).
                case "gitBytes" -> gitBytes = longValue(parser);
                case "gitMs" -> gitMs = longValue(parser);
                // Written only on a rebuilt past day (true).
                case "reconstructed" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw NOT_CANONICAL;
                    }
                    reconstructed = value == JsonToken.VALUE_TRUE;
                }
                default -> parser.skipChildren();
            }
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT);
        if (seen != 15) {
            throw NOT_CANONICAL;
        }
        return new CollectionStats(requests, graphqlCost, durationMs, partial, gitBytes, gitMs, reconstructed);
    }

    private static int intValue(JsonParser parser) throws IOException, NotCanonical {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_CANONICAL;
        }
        return parser.getIntValue();
    }

    private static long longValue(JsonParser parser) throws IOException, NotCanonical {
        JsonParser.NumberType type = parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getNumberType() : null;
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw NOT_CANONICAL;
        }
        return parser.getLongValue();
    }

    private static String string(JsonParser parser) throws IOException, NotCanonical {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw NOT_CANONICAL;
        }
        return parser.getText();
    }

    /** Only {@code yyyy-mm-ddThh:mm:ssZ}, what this program writes; any other form goes to data binding. */
    private static Instant instant(String text) throws NotCanonical {
        if (text.length() != 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != 'Z') {
            throw NOT_CANONICAL;
        }
        LocalDate day = localDate(text.substring(0, 10));
        return LocalDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), digits(text, 11, 13),
                digits(text, 14, 16), digits(text, 17, 19)).toInstant(ZoneOffset.UTC);
    }

    /** Only {@code yyyy-mm-dd}; LocalDate.of rejects a day that does not exist. */
    private static LocalDate localDate(String text) throws NotCanonical {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw NOT_CANONICAL;
        }
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    }

    private static int digits(String text, int from, int to) throws NotCanonical {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw NOT_CANONICAL;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotCanonical {
        if (actual != expected) {
            throw NOT_CANONICAL;
        }
    }
}
