package io.repovitals.config;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import org.eclipse.jgit.lib.Repository;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parsers for one input value each, whatever its source. Each turns a raw, non-blank string into
 * its typed value or throws a {@link ConfigException} naming the input and what it accepts. The
 * accepted forms here and in {@code schema/repo-vitals.schema.json} are kept equal by
 * ConfigSchemaTest.
 */
final class Values {
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern SHARD = Pattern.compile("(\\d{1,6})/(\\d{1,6})");
    // GitHub logins; bots appear as "name[bot]" in the API, so ignore-users accepts that suffix.
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}(\\[bot])?");
    private static final String WORKFLOW_PREFIX = "workflow:";
    // GitHub refuses label names over 50 characters, environment names over 255.
    private static final int MAX_LABEL = 50;
    private static final int MAX_ENVIRONMENT = 255;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern WEIGHT_ENTRY = Pattern.compile("([^=]*)=(.*)", Pattern.DOTALL);
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");
    /** Health components in report order (metrics.md "Analysis outputs"). */
    static final List<String> HEALTH_COMPONENTS = List.of("contributors", "pr_throughput", "review_velocity",
            "issue_freshness", "fork_growth");
    private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-9");
    private static final Pattern DORA_SEPARATOR = Pattern.compile("[;\\n]");
    /** Lower-is-better DORA keys (boundaries elite < high < medium); the rest are higher-is-better. */
    private static final Set<String> DORA_LOWER_IS_BETTER = Set.of("lead_time_hours", "change_failure_rate",
            "time_to_restore_hours");
    /**
     * The 2023 State of DevOps boundaries of issue 5, elite, high and medium per key, in the order of
     * the input's example. Equal to analyze's {@code DoraThresholds.STATE_OF_DEVOPS_2023} (DoraThresholdsTest).
     */
    static final Map<String, List<Double>> DORA_DEFAULTS = doraDefaults();

    private Values() {}

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

    /** Label names as given, de-duplicated ignoring case (GitHub labels are case-insensitive). */
    static List<String> incidentLabels(String text) {
        String accepted = "a comma- or newline-separated list of label names of at most " + MAX_LABEL
                + " characters, e.g. incident, sev1";
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> labels = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            if (entry.length() > MAX_LABEL || CONTROL.matcher(entry).find()) {
                throw new ConfigException(Inputs.INCIDENT_LABELS.name(), entry, accepted);
            }
            if (seen.add(entry)) {
                labels.add(entry);
            }
        }
        if (labels.isEmpty()) {
            throw new ConfigException(Inputs.INCIDENT_LABELS.name(), text, accepted);
        }
        return labels;
    }

    static String doraEnvironment(String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > MAX_ENVIRONMENT || CONTROL.matcher(name).find()) {
            throw new ConfigException(Inputs.DORA_ENVIRONMENT.name(), text,
                    "a deployment environment name of 1 to " + MAX_ENVIRONMENT + " characters on one line, e.g. production");
        }
        return name;
    }

    /**
     * {@code name=weight} for each of the five health components exactly once, weights decimals in
     * 0..1 summing to 1 (within 1e-9, as decimal weights rarely add up exactly in binary).
     */
    static Map<String, Double> healthWeights(String text) {
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
            if (!HEALTH_COMPONENTS.contains(name)) {
                throw new ConfigException(key, entry, "component names " + String.join(", ", HEALTH_COMPONENTS));
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
        List<String> absent = HEALTH_COMPONENTS.stream().filter(name -> !weights.containsKey(name)).toList();
        if (!absent.isEmpty()) {
            throw new ConfigException(key, text, "a weight for each of " + String.join(", ", HEALTH_COMPONENTS)
                    + " (missing: " + String.join(", ", absent) + ")");
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
            throw new ConfigException(key, text, "weights that sum to 1 (these sum to "
                    + sum.stripTrailingZeros().toPlainString() + ")");
        }
        Map<String, Double> inOrder = new LinkedHashMap<>();
        HEALTH_COMPONENTS.forEach(name -> inOrder.put(name, weights.get(name).doubleValue()));
        return Collections.unmodifiableMap(inOrder);
    }

    /**
     * {@code key=elite,high,medium} entries separated by ';' or line breaks, for any of the keys of
     * {@link #DORA_DEFAULTS} at most once each; every boundary a positive decimal, strictly
     * increasing for lower-is-better keys and strictly decreasing for deploy_days_per_week. Keys not
     * given keep their default. The result has all four keys in {@link #DORA_DEFAULTS}' order.
     */
    static Map<String, List<Double>> doraThresholds(String text) {
        String input = Inputs.DORA_THRESHOLDS.name();
        String keys = String.join(", ", DORA_DEFAULTS.keySet());
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
            if (!DORA_DEFAULTS.containsKey(key)) {
                throw new ConfigException(input, entry, "one of the keys " + keys);
            }
            if (given.containsKey(key)) {
                throw new ConfigException(input, entry, "each key once");
            }
            boolean lowerIsBetter = DORA_LOWER_IS_BETTER.contains(key);
            String example = key + "=" + DORA_DEFAULTS.get(key).stream().map(Values::plain).collect(Collectors.joining(","));
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
        Map<String, List<Double>> resolved = new LinkedHashMap<>();
        DORA_DEFAULTS.forEach((key, defaults) -> resolved.put(key, given.getOrDefault(key, defaults)));
        return Collections.unmodifiableMap(resolved);
    }

    private static Map<String, List<Double>> doraDefaults() {
        Map<String, List<Double>> defaults = new LinkedHashMap<>();
        defaults.put("lead_time_hours", List.of(24.0, 7 * 24.0, 30 * 24.0));
        defaults.put("change_failure_rate", List.of(0.05, 0.10, 0.15));
        defaults.put("time_to_restore_hours", List.of(1.0, 24.0, 7 * 24.0));
        defaults.put("deploy_days_per_week", List.of(5.0, 1.0, 7.0 / 30));
        return Collections.unmodifiableMap(defaults);
    }

    /** 24.0 as "24", 7/30 rounded to two decimals: for examples in messages only. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
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

    /** The token is checked for shape only, and never echoed: it is a secret. */
    static Secret token(String text) {
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConfigException(Inputs.TOKEN.name(), null, "a token without spaces or line breaks");
        }
        return Secret.of(trimmed);
    }

    /** Like the token: checked for shape only and never echoed. */
    static Secret datadogApiKey(String text) {
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConfigException(Inputs.DATADOG_API_KEY.name(), null, "an API key without spaces or line breaks");
        }
        return Secret.of(trimmed);
    }

    private static final java.util.regex.Pattern HOST_NAME =
            java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /** A host name the API lives under as api.&lt;site&gt;: Datadog adds sites now and then, so no fixed list. */
    static String datadogSite(String text) {
        String site = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HOST_NAME.matcher(site).matches()) {
            throw new ConfigException(Inputs.DATADOG_SITE.name(), text,
                    "a Datadog site host name such as datadoghq.com, us3.datadoghq.com, us5.datadoghq.com,"
                            + " datadoghq.eu, ap1.datadoghq.com or ddog-gov.com");
        }
        return site;
    }

    /** One of {@link Settings#EXPORT_FORMATS}, exactly (like charts, no other case). */
    static String exportFormat(String text) {
        String format = text.strip();
        if (!Settings.EXPORT_FORMATS.contains(format)) {
            String all = String.join(", ", Settings.EXPORT_FORMATS);
            int last = all.lastIndexOf(", ");
            throw new ConfigException(Inputs.FORMAT.name(), text, all.substring(0, last) + " or " + all.substring(last + 2));
        }
        return format;
    }

    static List<RepoRef> repositories(String text) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<RepoRef> repositories = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            RepoRef repo;
            try {
                repo = RepoRef.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Inputs.REPOSITORIES.name(), entry,
                        "a comma- or newline-separated list of owner/name, e.g. octocat/hello-world");
            }
            if (seen.add(repo.fullName())) {
                repositories.add(repo);
            }
        }
        return repositories;
    }

    static List<String> organizations(String text) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> logins = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            if (!LOGIN.matcher(entry).matches()) {
                throw new ConfigException(Inputs.ORGANIZATIONS.name(), entry,
                        "a comma- or newline-separated list of organisation logins, e.g. octo-org");
            }
            if (seen.add(entry)) {
                logins.add(entry);
            }
        }
        return logins;
    }

    /** Logins compare case-insensitively on GitHub, so they are kept lower-cased; "@x" means x. */
    static Set<String> ignoreUsers(String text) {
        Set<String> users = new LinkedHashSet<>();
        for (String entry : ListSyntax.split(text)) {
            String login = (entry.startsWith("@") ? entry.substring(1) : entry).toLowerCase(Locale.ROOT);
            if (!USER.matcher(login).matches()) {
                throw new ConfigException(Inputs.IGNORE_USERS.name(), entry,
                        "a comma- or newline-separated list of logins, e.g. octocat, @octocat or renovate[bot]");
            }
            users.add(login);
        }
        return users;
    }

    static Set<PublishTarget> publish(String text) {
        String accepted = "a comma-separated list of summary, issue, pr-comment, or none alone";
        List<String> entries = ListSyntax.split(text);
        if (entries.contains("none")) {
            if (entries.stream().anyMatch(entry -> !entry.equals("none"))) {
                throw new ConfigException(Inputs.PUBLISH.name(), text, accepted);
            }
            return Set.of();
        }
        Set<PublishTarget> targets = EnumSet.noneOf(PublishTarget.class);
        for (String entry : entries) {
            targets.add(matching(PublishTarget.values(), PublishTarget::inputValue, entry)
                    .orElseThrow(() -> new ConfigException(Inputs.PUBLISH.name(), entry, accepted)));
        }
        return targets;
    }

    static ChartFormat charts(String text) {
        return matching(ChartFormat.values(), ChartFormat::inputValue, text.strip())
                .orElseThrow(() -> new ConfigException(Inputs.CHARTS.name(), text, "one of png, svg, mermaid, none"));
    }

    static DoraSource doraSource(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("deployments")) {
            return new DoraSource.Deployments();
        }
        if (trimmed.equals("releases")) {
            return new DoraSource.Releases();
        }
        if (trimmed.startsWith(WORKFLOW_PREFIX) && !trimmed.substring(WORKFLOW_PREFIX.length()).isBlank()) {
            return new DoraSource.Workflow(trimmed.substring(WORKFLOW_PREFIX.length()).strip());
        }
        throw new ConfigException(Inputs.DORA_SOURCE.name(), text,
                "deployments, releases or workflow:<file>, e.g. workflow:deploy.yml");
    }

    static String historyBranch(String text) {
        String branch = text.strip();
        // The same rule JGit applies when the branch is pushed, so a bad name fails before any work.
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw new ConfigException(Inputs.HISTORY_BRANCH.name(), text,
                    "a valid git branch name, e.g. repo-vitals-data (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\')");
        }
        return branch;
    }

    static Shard shard(String text) {
        Matcher matcher = SHARD.matcher(text.strip());
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            int count = Integer.parseInt(matcher.group(2));
            if (count >= 1 && index >= 1 && index <= count) {
                return new Shard(index, count);
            }
        }
        throw new ConfigException(Inputs.SHARD.name(), text, "i/n with 1 <= i <= n, e.g. 1/1 or 2/4");
    }

    static Path path(String key, String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new ConfigException(key, text, "a file path");
        }
    }

    private static <E> Optional<E> matching(E[] values, Function<E, String> name, String text) {
        for (E value : values) {
            if (name.apply(value).equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
