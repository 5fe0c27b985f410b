package io.repovitals.config;

import io.repovitals.model.DoraThresholds;
import io.repovitals.model.HealthWeights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parsers of the analysis settings: the health weights and the DORA band boundaries, parsed into the types the analysis uses.
 * Each turns a raw, non-blank string into its typed value or throws a {@link ConfigException}
 * naming the input and what it accepts; the accepted forms here and in
 * {@code schema/repo-vitals.schema.json} are kept equal by ConfigSchemaTest.
 */
final class AnalysisValues {
    private static final Pattern WEIGHT_ENTRY = Pattern.compile("([^=]*)=(.*)", Pattern.DOTALL);

    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");

    private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-9");

    private static final Pattern DORA_SEPARATOR = Pattern.compile("[;\\n]");

    /**
     * {@code name=weight} for each of the five health components exactly once, weights decimals in
     * 0..1 summing to 1 (within 1e-9, as decimal weights rarely add up exactly in binary).
     */
    static HealthWeights healthWeights(String text) {
        List<String> components = List.copyOf(HealthWeights.DEFAULTS.asMap().keySet());
        String key = Inputs.HEALTH_WEIGHTS.name();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (String entry : ListSyntax.split(text)) {
            Matcher matcher = WEIGHT_ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new ConfigException(key, entry, "a comma- or newline-separated list of name=weight, e.g. "
                        + Inputs.DEFAULT_HEALTH_WEIGHTS);
            }
            String name = matcher.group(1).strip();
            String weight = matcher.group(2).strip();
            if (!components.contains(name)) {
                throw new ConfigException(key, entry, "component names " + String.join(", ", components));
            }
            if (weights.containsKey(name)) {
                throw new ConfigException(key, entry, "each component once");
            }
            BigDecimal value = DECIMAL.matcher(weight).matches() ? new BigDecimal(weight) : null;
            if (value == null || value.compareTo(BigDecimal.ONE) > 0) {
                throw new ConfigException(key, entry, "a weight from 0 to 1 as a decimal number, e.g. 0.25");
            }
            weights.put(name, value);
        }
        List<String> absent = components.stream().filter(name -> !weights.containsKey(name)).toList();
        if (!absent.isEmpty()) {
            throw new ConfigException(key, text, "a weight for each of " + String.join(", ", components)
                    + " (missing: " + String.join(", ", absent) + ")");
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
            throw new ConfigException(key, text, "weights that sum to 1 (these sum to "
                    + sum.stripTrailingZeros().toPlainString() + ")");
        }
        Map<String, Double> inOrder = new LinkedHashMap<>();
        components.forEach(name -> inOrder.put(name, weights.get(name).doubleValue()));
        return HealthWeights.of(inOrder);
    }

    /**
     * {@code key=elite,high,medium} entries separated by ';' or line breaks, for any of
     * {@link DoraThresholds#KEYS} at most once each; every boundary a positive decimal, strictly
     * increasing for lower-is-better keys and strictly decreasing for deploy_days_per_week. Keys not
     * given keep their default (the 2023 State of DevOps report's).
     */
    static DoraThresholds doraThresholds(String text) {
        String input = Inputs.DORA_THRESHOLDS.name();
        Map<String, List<Double>> defaults = DoraThresholds.STATE_OF_DEVOPS_2023.boundaries();
        String keys = String.join(", ", DoraThresholds.KEYS);
        Map<String, List<Double>> given = new LinkedHashMap<>();
        List<String> entries = Arrays.stream(DORA_SEPARATOR.split(text)).map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw new ConfigException(input, text, "at least one key=elite,high,medium, e.g. " + Inputs.EXAMPLE_DORA_THRESHOLDS);
        }
        for (String entry : entries) {
            Matcher matcher = WEIGHT_ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new ConfigException(input, entry, "a ';'- or newline-separated list of key=elite,high,medium, e.g. "
                        + Inputs.EXAMPLE_DORA_THRESHOLDS);
            }
            String key = matcher.group(1).strip();
            if (!DoraThresholds.KEYS.contains(key)) {
                throw new ConfigException(input, entry, "one of the keys " + keys);
            }
            if (given.containsKey(key)) {
                throw new ConfigException(input, entry, "each key once");
            }
            boolean lowerIsBetter = DoraThresholds.lowerIsBetter(key);
            String example = key + "=" + defaults.get(key).stream().map(AnalysisValues::plain).collect(Collectors.joining(","));
            String[] parts = matcher.group(2).split(",", -1);
            if (parts.length != 3) {
                throw new ConfigException(input, entry, "three boundaries elite,high,medium for " + key + " (got "
                        + parts.length + "), e.g. " + example);
            }
            List<Double> boundaries = new ArrayList<>();
            for (String part : parts) {
                String number = part.strip();
                double value = DECIMAL.matcher(number).matches() ? new BigDecimal(number).doubleValue() : Double.NaN;
                if (!(value > 0 && Double.isFinite(value))) {
                    throw new ConfigException(input, entry, "positive decimal numbers as the " + key
                            + " boundaries, e.g. " + example);
                }
                boundaries.add(value);
            }
            double elite = boundaries.get(0);
            double high = boundaries.get(1);
            double medium = boundaries.get(2);
            if (lowerIsBetter ? !(elite < high && high < medium) : !(elite > high && high > medium)) {
                throw new ConfigException(input, entry, lowerIsBetter
                        ? "strictly increasing " + key + " boundaries elite < high < medium (lower is better), e.g. " + example
                        : "strictly decreasing " + key + " boundaries elite > high > medium (higher is better), e.g. " + example);
            }
            given.put(key, List.copyOf(boundaries));
        }
        return DoraThresholds.of(given);
    }

    /** 24.0 as "24", 7/30 rounded to two decimals: for examples in messages only. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private AnalysisValues() {}
}
