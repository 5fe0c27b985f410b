package io.repovitals.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The YAML config file (contract.md "Inputs": every input but {@code config} is also a key).
 * Values are kept as the text an option would carry (list entries joined by line breaks), so
 * that {@link SettingsResolver} validates every source with the same parsers. This class checks
 * only the YAML shape: known keys and the node type each key allows.
 *
 * @param path   the file that was read
 * @param values key to raw value, for the keys the file sets
 */
public record ConfigFile(Path path, Map<String, String> values) {
    /** Keys a config file may set, in the contract's order. */
    public static final List<String> KEYS = Inputs.ALL.stream()
            .map(Input::name)
            .filter(name -> !name.equals(Inputs.CONFIG.name()))
            .toList();

    private static final Set<String> INTEGER_KEYS = Set.of(Inputs.WINDOW_DAYS.name(), Inputs.BACKFILL_DAYS.name(),
            Inputs.STALE_DAYS.name(), Inputs.RATE_LIMIT_BUDGET.name(), Inputs.MAX_RESET_WAIT.name(),
            Inputs.GIT_FETCH_MAX_MB.name(),
            Inputs.TREND_DAYS.name(), Inputs.FORECAST_DAYS.name(), Inputs.HISTORY_RETENTION_DAYS.name());
    private static final Set<String> LIST_KEYS = Set.of(Inputs.REPOSITORIES.name(), Inputs.ORGANIZATIONS.name(),
            Inputs.IGNORE_USERS.name(), Inputs.PUBLISH.name(), Inputs.INCIDENT_LABELS.name());
    private static final Set<String> BOOLEAN_KEYS = Inputs.BOOLEANS.stream().map(Input::name)
            .collect(Collectors.toUnmodifiableSet());
    // A key of a health-weights mapping: a plain name, so that it cannot smuggle in '=', ',' or a line break.
    private static final String WEIGHTS_ACCEPTED = "a string name=weight,... or a mapping of component names to numbers";
    private static final String DORA_ACCEPTED = "a string key=elite,high,medium;... or a mapping of keys to lists of"
            + " three numbers";
    private static final Pattern MAPPING_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    // Duplicate keys are an error rather than "last one wins", which would hide a mistake.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public ConfigFile {
        values = Map.copyOf(values);
    }

    /** Reads and shape-checks the file; any problem is a {@link ConfigException} on {@code config}. */
    public static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Inputs.CONFIG.name(), path.toString(), "a readable UTF-8 file (" + e + ")");
        }
        return parse(text, path);
    }

    /** Parses YAML text; {@code source} is only named in messages and kept as {@link #path()}. */
    public static ConfigFile parse(String yaml, Path source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new ConfigException(Inputs.CONFIG.name(), source.toString(), "valid YAML, but " + describe(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(source, Map.of()); // an empty or comment-only file sets nothing
        }
        if (!root.isObject()) {
            throw new ConfigException(Inputs.CONFIG.name(), source.toString(),
                    "a YAML mapping of input names to values at the top level, not " + kind(root));
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            checkKnown(key, source);
            values.put(key, text(key, field.getValue()));
        }
        return new ConfigFile(source, values);
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static void checkKnown(String key, Path source) {
        if (key.equals(Inputs.CONFIG.name())) {
            throw new ConfigException(key, null, "no 'config' key in " + source
                    + ": config cannot be set in the config file (use the input or --config)");
        }
        if (!KEYS.contains(key)) {
            String hint = closest(key).map(name -> "did you mean '" + name + "'? ").orElse("");
            throw new ConfigException(key, null, "a known key in " + source + ": " + hint
                    + "accepted keys are " + String.join(", ", KEYS));
        }
    }

    private static String text(String key, JsonNode node) {
        if (INTEGER_KEYS.contains(key)) {
            // A YAML integer or a numeric string; 7.0 passes too, as it does in JSON Schema.
            if (node.isNumber() && node.canConvertToExactIntegral()) {
                return node.bigIntegerValue().toString();
            }
            return textual(key, node, "an integer (a YAML number or a numeric string)");
        }
        if (BOOLEAN_KEYS.contains(key)) {
            if (node.isBoolean()) {
                return String.valueOf(node.booleanValue());
            }
            return textual(key, node, "a boolean (true or false)");
        }
        if (key.equals(Inputs.HEALTH_WEIGHTS.name())) {
            return node.isObject() ? weights(key, node) : textual(key, node, WEIGHTS_ACCEPTED);
        }
        if (key.equals(Inputs.DORA_THRESHOLDS.name())) {
            return node.isObject() ? doraThresholds(key, node) : textual(key, node, DORA_ACCEPTED);
        }
        if (LIST_KEYS.contains(key) && node.isArray()) {
            List<String> entries = new ArrayList<>();
            for (JsonNode element : node) {
                entries.add(textual(key, element, "a string or a list of strings"));
            }
            return String.join("\n", entries);
        }
        return textual(key, node, LIST_KEYS.contains(key) ? "a string or a list of strings" : "a string");
    }

    /** A mapping {@code name: weight} as the option text {@code name=weight} on lines; the resolver checks names and sum. */
    private static String weights(String key, JsonNode node) {
        String accepted = WEIGHTS_ACCEPTED;
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> weight : node.properties()) {
            if (!MAPPING_KEY.matcher(weight.getKey()).matches()) {
                throw new ConfigException(key, weight.getKey(), accepted + ", not a key like that");
            }
            JsonNode value = weight.getValue();
            if (!value.isNumber()) {
                throw new ConfigException(key, weight.getKey() + ": " + value,
                        accepted + ", not " + (value.isTextual() ? "a string" : kind(value)));
            }
            // Plain notation: 1e-1 would otherwise read back as "0.1" only by luck, 1E-4 as "1.0E-4".
            entries.add(weight.getKey() + "=" + value.decimalValue().stripTrailingZeros().toPlainString());
        }
        return String.join("\n", entries);
    }

    /**
     * A mapping {@code key: [elite, high, medium]} as the option text {@code key=elite,high,medium} on
     * lines; the resolver checks the keys, the count, the signs and the order.
     */
    private static String doraThresholds(String key, JsonNode node) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!MAPPING_KEY.matcher(field.getKey()).matches()) {
                throw new ConfigException(key, field.getKey(), DORA_ACCEPTED + ", not a key like that");
            }
            JsonNode list = field.getValue();
            if (!list.isArray()) {
                throw new ConfigException(key, field.getKey() + ": " + list, DORA_ACCEPTED + ", not "
                        + (list.isTextual() ? "a string" : kind(list)));
            }
            List<String> numbers = new ArrayList<>();
            for (JsonNode element : list) {
                if (!element.isNumber()) {
                    throw new ConfigException(key, field.getKey() + ": " + list, DORA_ACCEPTED + ", not a list holding "
                            + (element.isTextual() ? "a string" : kind(element)));
                }
                numbers.add(element.decimalValue().stripTrailingZeros().toPlainString());
            }
            entries.add(field.getKey() + "=" + String.join(",", numbers));
        }
        return String.join("\n", entries);
    }

    private static String textual(String key, JsonNode node, String accepted) {
        if (!node.isTextual()) {
            boolean secret = key.equals(Inputs.TOKEN.name());
            throw new ConfigException(key, secret ? null : node.toString(), accepted + ", not " + kind(node));
        }
        return node.textValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case NULL, MISSING -> "an empty value";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            default -> "a scalar";
        };
    }

    /**
     * One line: where the parser stopped and what it says. SnakeYAML's messages span several lines
     * (context, problem, each followed by an indented excerpt with a caret) and repeat after a
     * blank line; the unindented lines up to that blank line are the words worth keeping.
     */
    private static String describe(JacksonException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String problem = message.lines()
                .takeWhile(line -> !line.isBlank())
                .filter(line -> !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        return where + problem;
    }

    /** The accepted key nearest to a typo (edit distance at most 3), e.g. window_days -> window-days. */
    private static Optional<String> closest(String key) {
        return KEYS.stream()
                .filter(name -> distance(key.toLowerCase(Locale.ROOT), name) <= 3)
                .min(Comparator.comparingInt(name -> distance(key.toLowerCase(Locale.ROOT), name)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
