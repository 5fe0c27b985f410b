package io.repovitals.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every input: those of contract.md "Inputs" in the contract's order ({@link #CONTRACT}), then the
 * extensions the open issues add ({@link #EXTENSIONS}). {@link #ALL} is the single list that options,
 * variables, the YAML keys, action.yml and the JSON Schema are checked against.
 */
public final class Inputs {
    private Inputs() {}

    /** The health weights of metrics.md, in the text form of the input. */
    static final String DEFAULT_HEALTH_WEIGHTS =
            "contributors=0.30,pr_throughput=0.20,review_velocity=0.20,issue_freshness=0.15,fork_growth=0.15";

    /** A dora-thresholds value that sets all four keys, to the 2023 defaults but for the monthly deploy boundary. */
    static final String EXAMPLE_DORA_THRESHOLDS = "lead_time_hours=24,168,720;change_failure_rate=0.05,0.10,0.15;"
            + "time_to_restore_hours=1,24,168;deploy_days_per_week=5,1,0.23";

    public static final Input TOKEN = new Input("token", "$GITHUB_TOKEN", "${{ github.token }}", "TOKEN",
            "Token for the GitHub API and the history push.");
    public static final Input REPOSITORIES = new Input("repositories", "$GITHUB_REPOSITORY", "", "OWNER/NAME,...",
            "Comma- or newline-separated owner/name list of repositories to report on.");
    public static final Input ORGANIZATIONS = new Input("organizations", "empty", "", "ORG,...",
            "Organisations whose every non-archived repository is reported on.");
    public static final Input CONFIG = new Input("config", ".github/repo-vitals.yml if present", "", "FILE",
            "YAML config file; its keys are these input names.");
    public static final Input WINDOW_DAYS = new Input("window-days", "7", "7", "DAYS",
            "The metric window in days: [as-of - window-days, as-of).");
    public static final Input AS_OF = new Input("as-of", "now", "", "INSTANT",
            "ISO-8601 instant the snapshot describes, e.g. 2026-11-20T00:00:00Z (for reproducible runs).");
    public static final Input BACKFILL_DAYS = new Input("backfill-days", "90", "90", "DAYS",
            "Daily points reconstructed from timestamps: this many past days on a repository's first run; later, the days skipped since its last stored snapshot, at most this many.");
    public static final Input HISTORY_BRANCH = new Input("history-branch", "repo-vitals-data", "repo-vitals-data", "BRANCH",
            "Branch that stores the history.");
    public static final Input HISTORY_REMOTE = new Input("history-remote", "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git", "", "URL",
            "Git remote of the history (an HTTPS URL, a local path or a file:// URL).");
    public static final Input PUBLISH = new Input("publish", "summary,issue", "summary,issue", "TARGET,...",
            "Where the report goes: any of summary, issue, pr-comment, or none.");
    public static final Input CHARTS = new Input("charts", "png", "png", "FORMAT",
            "Chart format: png, svg, mermaid or none.");
    public static final Input TEMPLATES = new Input("templates", "built-in", "", "DIR",
            "Folder whose .ftl files override the built-in report templates by name.");
    public static final Input DORA_SOURCE = new Input("dora-source", "deployments", "deployments", "SOURCE",
            "What counts as a deployment: deployments, releases or workflow:<file>.");
    public static final Input IGNORE_USERS = new Input("ignore-users", "empty", "", "LOGIN,...",
            "Logins left out of the metrics like bots.");
    public static final Input SHARD = new Input("shard", "1/1", "1/1", "I/N",
            "i/n: this job handles every n-th repository, for matrix jobs.");
    public static final Input OUTPUT_DIR = new Input("output-dir", "repo-vitals-out", "repo-vitals-out", "DIR",
            "Where files are written.");

    // Extensions: settings the open issues ask for beyond the contract's table, declared the same way.

    public static final Input STALE_DAYS = new Input("stale-days", "30", "30", "DAYS",
            "An open issue is stale when its last activity is older than this many days (issues.stale), 1 to 3650.");
    public static final Input INCIDENT_LABELS = new Input("incident-labels", "incident", "incident", "LABEL,...",
            "Comma- or newline-separated labels that make an issue an incident (dora.change_failure_rate, dora.time_to_restore).");
    public static final Input DORA_ENVIRONMENT = new Input("dora-environment", "production", "production", "ENVIRONMENT",
            "The GitHub Deployments environment whose deployments count when dora-source is deployments.");
    public static final Input RATE_LIMIT_BUDGET = new Input("rate-limit-budget", "no cap", "", "REQUESTS",
            "The most API requests one run may spend, at least 1; empty for no cap.");
    public static final Input MAX_RESET_WAIT = new Input("max-reset-wait", "5", "5", "MINUTES",
            "Minutes (0 to 60) to wait for a rate-limit reset before collecting what fits and marking the snapshot partial.");
    public static final Input GIT_FETCH_MAX_MB = new Input("git-fetch-max-mb", "200", "200", "MB",
            "Megabytes (0 to 100000) one repository's history may take over git when the workspace holds no clone with"
                    + " the window's history (code.* then costs no API request); 0 never fetches (commits from the API,"
                    + " without changed files).");
    public static final Input HEALTH_WEIGHTS = new Input("health-weights", DEFAULT_HEALTH_WEIGHTS, DEFAULT_HEALTH_WEIGHTS,
            "NAME=WEIGHT,...",
            "Weight of each health component, name=weight for all of contributors, pr_throughput, review_velocity,"
                    + " issue_freshness and fork_growth, summing to 1.");
    public static final Input TREND_DAYS = new Input("trend-days", "90", "90", "DAYS",
            "Days of history each trend is fitted over, 7 to 3650.");
    public static final Input FORECAST_DAYS = new Input("forecast-days", "30", "30", "DAYS",
            "How many days ahead forecasts look, 1 to 365.");
    public static final Input HISTORY_RETENTION_DAYS = new Input("history-retention-days", "keep everything", "", "DAYS",
            "Daily snapshot files older than this many days are folded into weekly files; empty to keep every daily file.");
    public static final Input CLOSE_PREVIOUS = new Input("close-previous", "true", "true", "BOOLEAN",
            "Whether publishing a new weekly report issue closes the previous one: true or false.");
    public static final Input DORA_THRESHOLDS = new Input("dora-thresholds", "2023 State of DevOps report", "",
            "KEY=ELITE,HIGH,MEDIUM;...",
            "DORA band boundaries, key=elite,high,medium separated by ';' for any of lead_time_hours, change_failure_rate,"
                    + " time_to_restore_hours (strictly increasing) and deploy_days_per_week (strictly decreasing);"
                    + " keys not given keep the 2023 State of DevOps report's.");

    public static final Input DATADOG_API_KEY = new Input("datadog-api-key", "none", "", "KEY",
            "Datadog API key, a secret (pass it from a workflow secret, never in the config file); the export command's"
                    + " datadog format needs it.");
    public static final Input DATADOG_SITE = new Input("datadog-site", "datadoghq.com", "datadoghq.com", "SITE",
            "The Datadog site the API key belongs to, e.g. datadoghq.com, us3.datadoghq.com or datadoghq.eu.");

    // The export command's (issue 7): inputs too, so that the action can run it (action.yml's command input).
    public static final Input FORMAT = new Input("format", "none", "", "FORMAT",
            "What the export command writes: csv, json, openmetrics, sqlite, or datadog to send instead of writing.");
    public static final Input OUT = new Input("out", "none", "", "FILE",
            "The file the export command writes (every format but datadog), relative to the working directory.");
    public static final Input GZIP = new Input("gzip", "false", "false", "BOOLEAN",
            "Whether the export command gzips its csv, json or openmetrics file and adds .gz to its name: true or false.");

    /** The contract's inputs, in its order. */
    public static final List<Input> CONTRACT = List.of(TOKEN, REPOSITORIES, ORGANIZATIONS, CONFIG, WINDOW_DAYS, AS_OF,
            BACKFILL_DAYS, HISTORY_BRANCH, HISTORY_REMOTE, PUBLISH, CHARTS, TEMPLATES, DORA_SOURCE, IGNORE_USERS,
            SHARD, OUTPUT_DIR);

    /** Inputs beyond the contract's table (open issues 3 to 7), each an input, option, variable and key like the others. */
    public static final List<Input> EXTENSIONS = List.of(STALE_DAYS, INCIDENT_LABELS, DORA_ENVIRONMENT,
            RATE_LIMIT_BUDGET, MAX_RESET_WAIT, GIT_FETCH_MAX_MB, HEALTH_WEIGHTS, TREND_DAYS, FORECAST_DAYS, HISTORY_RETENTION_DAYS,
            CLOSE_PREVIOUS, DORA_THRESHOLDS, DATADOG_API_KEY, DATADOG_SITE, FORMAT, OUT, GZIP);

    /** Inputs that take true or false: as options, given alone they mean true ({@code --gzip}). */
    public static final List<Input> BOOLEANS = List.of(CLOSE_PREVIOUS, GZIP);

    /** {@link #CONTRACT} followed by {@link #EXTENSIONS}. */
    public static final List<Input> ALL = Stream.concat(CONTRACT.stream(), EXTENSIONS.stream()).toList();

    public static Optional<Input> byName(String name) {
        return ALL.stream().filter(input -> input.name().equals(name)).findFirst();
    }
}
