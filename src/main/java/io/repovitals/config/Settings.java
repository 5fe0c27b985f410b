package io.repovitals.config;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fully resolved, validated inputs (option > INPUT_* > config file > default). Built only by
 * {@link SettingsResolver}; every later stage reads its settings from here and nowhere else.
 *
 * @param token          empty when no token was given (the demo and report need none)
 * @param repositories   explicit repositories, de-duplicated, in the order given
 * @param organizations  organisation logins whose non-archived repositories are added
 * @param configFile     the YAML file that was read, if any
 * @param asOf           the instant the snapshot describes
 * @param asOfExplicit   true when as-of was given rather than taken from the clock
 * @param historyRemote  empty when it could not be derived (no GITHUB_REPOSITORY)
 * @param publish        empty for {@code none}
 * @param templates      empty for the built-in templates
 * @param ignoreUsers    lower-cased logins
 */
public record Settings(
        Optional<Secret> token,
        List<RepoRef> repositories,
        List<String> organizations,
        Optional<Path> configFile,
        int windowDays,
        Instant asOf,
        boolean asOfExplicit,
        int backfillDays,
        String historyBranch,
        Optional<String> historyRemote,
        Set<PublishTarget> publish,
        ChartFormat charts,
        Optional<Path> templates,
        DoraSource doraSource,
        Set<String> ignoreUsers,
        Shard shard,
        Path outputDir,
        GitHubEnvironment environment) {

    public Settings {
        repositories = List.copyOf(repositories);
        organizations = List.copyOf(organizations);
        publish = Set.copyOf(publish);
        ignoreUsers = Set.copyOf(ignoreUsers);
    }
}
