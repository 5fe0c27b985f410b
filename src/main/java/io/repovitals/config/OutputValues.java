package io.repovitals.config;

import io.repovitals.model.ExportFormat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers of where the results go: publish targets, chart format, export format and the shard of a matrix job.
 * Each turns a raw, non-blank string into its typed value or throws a {@link ConfigException}
 * naming the input and what it accepts; the accepted forms here and in
 * {@code schema/repo-vitals.schema.json} are kept equal by ConfigSchemaTest.
 */
final class OutputValues {
    private static final Pattern SHARD = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

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

    /** One of the {@link ExportFormat}s, exactly (like charts, no other case). */
    static ExportFormat exportFormat(String text) {
        return ExportFormat.parse(text).filter(format -> format.value().equals(text.strip()))
                .orElseThrow(() -> new ConfigException(Inputs.FORMAT.name(), text, ExportFormat.accepted()));
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

    private static <E> Optional<E> matching(E[] values, Function<E, String> name, String text) {
        for (E value : values) {
            if (name.apply(value).equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private OutputValues() {}
}
