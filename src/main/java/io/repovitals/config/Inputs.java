package io.repovitals.config;

import java.util.List;
import java.util.Optional;

/** Every input of contract.md "Inputs", in the contract's order: the single list that options, variables, the YAML keys, action.yml and the JSON Schema are checked against. */
public final class Inputs {
    private Inputs() {}

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
            "On a repository's first run, daily points reconstructed from timestamps for this many past days.");
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

    public static final List<Input> ALL = List.of(TOKEN, REPOSITORIES, ORGANIZATIONS, CONFIG, WINDOW_DAYS, AS_OF,
            BACKFILL_DAYS, HISTORY_BRANCH, HISTORY_REMOTE, PUBLISH, CHARTS, TEMPLATES, DORA_SOURCE, IGNORE_USERS,
            SHARD, OUTPUT_DIR);

    public static Optional<Input> byName(String name) {
        return ALL.stream().filter(input -> input.name().equals(name)).findFirst();
    }
}
