package io.repovitals.config;

import io.repovitals.model.DoraThresholds;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns options, {@code INPUT_*} variables, the YAML config file and defaults into validated
 * {@link Settings} (contract.md "Inputs", "Environment"; exit status 2 on a {@link ConfigException}).
 * The one class that reads environment variables and the clock, both handed in so that tests
 * pass maps and a fixed clock.
 */
public final class SettingsResolver {
    /** Read when {@code config} is not given, and only if it exists. */
    public static final String DEFAULT_CONFIG = ".github/repo-vitals.yml";

    private static final String DEFAULT_API_URL = "https://api.github.com";
    private static final String DEFAULT_SERVER_URL = "https://github.com";

    private final Map<String, String> env;
    private final Clock clock;
    private final Path workingDir;

    /**
     * @param env        the process environment ({@code System.getenv()} in Main)
     * @param clock      gives "now" when as-of is not set
     * @param workingDir base of a relative output-dir (and of the config file outside Actions)
     */
    public SettingsResolver(Map<String, String> env, Clock clock, Path workingDir) {
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    /**
     * @param options input name to the raw value of each {@code --option} given on the command line
     * @throws ConfigException for the first invalid value, naming its key and what it accepts
     */
    public Settings resolve(Map<String, String> options) {
        options.keySet().forEach(name -> Inputs.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("not an input: " + name)));
        GitHubEnvironment environment = environment();
        // Files the user brings (config, templates) live in the checked-out workspace.
        Path workspace = environment.workspace().map(workingDir::resolve).orElse(workingDir);
        Optional<ConfigFile> file = configFile(options, workspace);
        Sources sources = new Sources(options, file);

        Optional<Secret> token = sources.get(Inputs.TOKEN).or(() -> variable("GITHUB_TOKEN")).map(SecretValues::token);
        List<String> organizations = sources.get(Inputs.ORGANIZATIONS).map(GitHubNameValues::organizations).orElse(List.of());
        List<RepoRef> repositories = sources.get(Inputs.REPOSITORIES).map(GitHubNameValues::repositories)
                .orElseGet(() -> organizations.isEmpty()
                        ? environment.repository().map(RepoRef::parse).stream().toList()
                        : List.of());
        Optional<Instant> asOf = sources.get(Inputs.AS_OF).map(ScalarValues::instant);

        Settings.Selection selection = new Settings.Selection(repositories, organizations,
                OutputValues.shard(sources.orDefault(Inputs.SHARD)));
        Settings.Collection collection = new Settings.Collection(
                ScalarValues.integer(Inputs.WINDOW_DAYS, sources.orDefault(Inputs.WINDOW_DAYS), 1, 3650),
                asOf.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                asOf.isPresent(),
                ScalarValues.integer(Inputs.BACKFILL_DAYS, sources.orDefault(Inputs.BACKFILL_DAYS), 0, 3650),
                sources.get(Inputs.IGNORE_USERS).map(GitHubNameValues::ignoreUsers).orElse(Set.of()),
                ScalarValues.integer(Inputs.STALE_DAYS, sources.orDefault(Inputs.STALE_DAYS), 1, 3650),
                GitHubNameValues.incidentLabels(sources.orDefault(Inputs.INCIDENT_LABELS)),
                GitHubNameValues.doraSource(sources.orDefault(Inputs.DORA_SOURCE)),
                GitHubNameValues.doraEnvironment(sources.orDefault(Inputs.DORA_ENVIRONMENT)),
                sources.get(Inputs.RATE_LIMIT_BUDGET)
                        .map(text -> ScalarValues.atLeast(Inputs.RATE_LIMIT_BUDGET, text, 1, "for no cap"))
                        .orElse(OptionalInt.empty()),
                ScalarValues.minutes(Inputs.MAX_RESET_WAIT, sources.orDefault(Inputs.MAX_RESET_WAIT), 0, 60),
                ScalarValues.integer(Inputs.GIT_FETCH_MAX_MB, sources.orDefault(Inputs.GIT_FETCH_MAX_MB), 0, 100_000) * 1024L * 1024L);
        Settings.History history = new Settings.History(
                GitHubNameValues.historyBranch(sources.orDefault(Inputs.HISTORY_BRANCH)),
                sources.get(Inputs.HISTORY_REMOTE).or(() -> environment.repository()
                        .map(repository -> environment.serverUrl() + "/" + repository + ".git")),
                sources.get(Inputs.HISTORY_RETENTION_DAYS)
                        .map(text -> ScalarValues.atLeast(Inputs.HISTORY_RETENTION_DAYS, text, 1, "to keep everything"))
                        .orElse(OptionalInt.empty()));
        Settings.Analysis analysis = new Settings.Analysis(
                AnalysisValues.healthWeights(sources.orDefault(Inputs.HEALTH_WEIGHTS)),
                ScalarValues.integer(Inputs.TREND_DAYS, sources.orDefault(Inputs.TREND_DAYS), 7, 3650),
                ScalarValues.integer(Inputs.FORECAST_DAYS, sources.orDefault(Inputs.FORECAST_DAYS), 1, 365),
                sources.get(Inputs.DORA_THRESHOLDS).map(AnalysisValues::doraThresholds).orElse(DoraThresholds.STATE_OF_DEVOPS_2023));
        Settings.Output output = new Settings.Output(
                OutputValues.publish(sources.orDefault(Inputs.PUBLISH)),
                OutputValues.charts(sources.orDefault(Inputs.CHARTS)),
                sources.get(Inputs.TEMPLATES).map(text -> templates(text, workspace)),
                workingDir.resolve(ScalarValues.path(Inputs.OUTPUT_DIR.name(), sources.orDefault(Inputs.OUTPUT_DIR))).normalize(),
                ScalarValues.bool(Inputs.CLOSE_PREVIOUS, sources.orDefault(Inputs.CLOSE_PREVIOUS)));
        Settings.Export export = new Settings.Export(
                sources.get(Inputs.FORMAT).map(OutputValues::exportFormat),
                sources.get(Inputs.OUT).map(text -> workingDir.resolve(ScalarValues.path(Inputs.OUT.name(), text)).normalize()),
                ScalarValues.bool(Inputs.GZIP, sources.orDefault(Inputs.GZIP)),
                sources.get(Inputs.DATADOG_API_KEY).map(SecretValues::datadogApiKey),
                SecretValues.datadogSite(sources.orDefault(Inputs.DATADOG_SITE)));
        return new Settings(token, file.map(ConfigFile::path), selection, collection, history, analysis, output, export,
                environment);
    }

    /** One input's raw value from the first source that sets it: option > INPUT_* > config file. */
    private final class Sources {
        private final Map<String, String> options;
        private final Optional<ConfigFile> file;

        Sources(Map<String, String> options, Optional<ConfigFile> file) {
            this.options = options;
            this.file = file;
        }

        Optional<String> get(Input input) {
            return commandLineOrRunner(options, input)
                    .or(() -> file.flatMap(config -> config.value(input.name())).filter(value -> !value.isBlank()));
        }

        /** The value, or the literal default that action.yml declares too (one source for both). */
        String orDefault(Input input) {
            return get(input).orElse(input.actionDefault());
        }
    }

    // Blank counts as unset: the runner sets INPUT_* for every declared input, mostly to "".
    private Optional<String> commandLineOrRunner(Map<String, String> options, Input input) {
        return Optional.ofNullable(options.get(input.name())).filter(value -> !value.isBlank())
                .or(() -> variable(input.envName()));
    }

    private Optional<ConfigFile> configFile(Map<String, String> options, Path workspace) {
        Optional<String> named = commandLineOrRunner(options, Inputs.CONFIG);
        if (named.isPresent()) {
            Path path = workspace.resolve(ScalarValues.path(Inputs.CONFIG.name(), named.get())).normalize();
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(Inputs.CONFIG.name(), named.get(), "an existing YAML file (not found: " + path + ")");
            }
            return Optional.of(ConfigFile.read(path));
        }
        Path fallback = workspace.resolve(DEFAULT_CONFIG);
        return Files.isRegularFile(fallback) ? Optional.of(ConfigFile.read(fallback)) : Optional.empty();
    }

    private static Path templates(String text, Path workspace) {
        Path path = workspace.resolve(ScalarValues.path(Inputs.TEMPLATES.name(), text)).normalize();
        if (!Files.isDirectory(path)) {
            throw new ConfigException(Inputs.TEMPLATES.name(), text, "an existing directory of .ftl templates (not found: " + path + ")");
        }
        return path;
    }

    private GitHubEnvironment environment() {
        URI apiUrl = url("GITHUB_API_URL", DEFAULT_API_URL);
        URI serverUrl = url("GITHUB_SERVER_URL", DEFAULT_SERVER_URL);
        URI graphqlUrl = url("GITHUB_GRAPHQL_URL", apiUrl + "/graphql");
        Optional<String> repository = variable("GITHUB_REPOSITORY").map(text -> {
            try {
                return RepoRef.parse(text).fullName();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("GITHUB_REPOSITORY", text, "owner/name");
            }
        });
        return new GitHubEnvironment(apiUrl, graphqlUrl, serverUrl, repository,
                pathVariable("GITHUB_WORKSPACE"),
                variable("GITHUB_EVENT_NAME"),
                pathVariable("GITHUB_EVENT_PATH"),
                pathVariable("GITHUB_STEP_SUMMARY"),
                pathVariable("GITHUB_OUTPUT"),
                variable("GITHUB_RUN_ID"),
                "true".equals(env.get("GITHUB_ACTIONS")));
    }

    /** An absolute http(s) URL without trailing slashes, so that paths can be appended to it. */
    private URI url(String name, String fallback) {
        String text = variable(name).orElse(fallback);
        String trimmed = text.replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same message as any other malformed URL
        }
        throw new ConfigException(name, text, "an absolute http(s) URL, e.g. " + fallback);
    }

    private Optional<Path> pathVariable(String name) {
        return variable(name).map(text -> ScalarValues.path(name, text));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
