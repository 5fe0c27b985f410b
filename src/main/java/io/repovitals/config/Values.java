package io.repovitals.config;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import org.eclipse.jgit.lib.Repository;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
