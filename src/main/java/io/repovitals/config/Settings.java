package io.repovitals.config;

import io.repovitals.model.DoraThresholds;
import io.repovitals.model.ExportFormat;
import io.repovitals.model.HealthWeights;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Fully resolved, validated inputs (option > INPUT_* > config file > default), one record per stage
 * that reads them. Built only by {@link SettingsResolver}; every later stage reads its settings from
 * here and nowhere else.
 *
 * @param token       empty when no token was given (the demo and report need none)
 * @param configFile  the YAML file that was read, if any
 * @param environment the standard Actions variables
 */
public record Settings(
        Optional<Secret> token,
        Optional<Path> configFile,
        Selection selection,
        Collection collection,
        History history,
        Analysis analysis,
        Output output,
        Export export,
        GitHubEnvironment environment) {

    /**
     * Which repositories.
     *
     * @param repositories  explicit repositories, de-duplicated, in the order given
     * @param organizations organisation logins whose non-archived repositories are added
     * @param shard         the share of them this job handles
     */
    public record Selection(List<RepoRef> repositories, List<String> organizations, Shard shard) {
        public Selection {
            repositories = List.copyOf(repositories);
            organizations = List.copyOf(organizations);
        }
    }

    /**
     * What is collected and how patiently.
     *
     * @param asOf             the instant the snapshot describes
     * @param asOfExplicit     true when as-of was given rather than taken from the clock
     * @param ignoreUsers      lower-cased logins
     * @param staleDays        extension: days without activity after which an open issue is stale (issues.stale)
     * @param incidentLabels   extension: labels that make an issue an incident, as given, without case-insensitive duplicates
     * @param doraEnvironment  extension: the Deployments environment counted for dora-source {@code deployments}
     * @param rateLimitBudget  extension: the most requests one run may spend; empty for no cap
     * @param maxResetWait     extension: the longest wait for a rate-limit reset, 0 to 60 minutes
     * @param gitFetchMaxBytes extension: the most bytes one repository's history may take over git; 0 never fetches
     */
    public record Collection(int windowDays, Instant asOf, boolean asOfExplicit, int backfillDays,
                             Set<String> ignoreUsers, int staleDays, List<String> incidentLabels,
                             DoraSource doraSource, String doraEnvironment, OptionalInt rateLimitBudget,
                             Duration maxResetWait, long gitFetchMaxBytes) {
        public Collection {
            ignoreUsers = Set.copyOf(ignoreUsers);
            incidentLabels = List.copyOf(incidentLabels);
        }
    }

    /**
     * Where the history is kept.
     *
     * @param historyRemote        empty when it could not be derived (no GITHUB_REPOSITORY)
     * @param historyRetentionDays extension: daily files older than this are folded into weekly ones; empty to keep all
     */
    public record History(String historyBranch, Optional<String> historyRemote, OptionalInt historyRetentionDays) {}

    /**
     * How the history is judged.
     *
     * @param healthWeights  extension: the weight of each health component, summing to 1
     * @param trendDays      extension: days of history a trend is fitted over
     * @param forecastDays   extension: days ahead a forecast looks
     * @param doraThresholds extension: DORA band boundaries (elite, high, medium), the defaults where not set
     */
    public record Analysis(HealthWeights healthWeights, int trendDays, int forecastDays, DoraThresholds doraThresholds) {}

    /**
     * Where the results go.
     *
     * @param publish       empty for {@code none}
     * @param templates     empty for the built-in templates
     * @param closePrevious extension: whether a new weekly report issue closes the previous one
     */
    public record Output(Set<PublishTarget> publish, ChartFormat charts, Optional<Path> templates, Path outputDir,
                         boolean closePrevious) {
        public Output {
            publish = Set.copyOf(publish);
        }
    }

    /**
     * The {@code export} command, and the Datadog sink {@code run} also feeds.
     *
     * @param datadogApiKey extension: the Datadog API key (a secret, masked like the token); empty when not set
     * @param datadogSite   extension: the Datadog site the key belongs to, a host name such as datadoghq.com
     */
    public record Export(Optional<ExportFormat> format, Optional<Path> out, boolean gzip, Optional<Secret> datadogApiKey,
                         String datadogSite) {}
}
