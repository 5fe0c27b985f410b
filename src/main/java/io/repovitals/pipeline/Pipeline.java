package io.repovitals.pipeline;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.AnalysisJson;
import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.DoraThresholds;
import io.repovitals.analyze.HealthWeights;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepositoryCollector;
import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.ChartFormat;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.PublishTarget;
import io.repovitals.config.PullRequestEvent;
import io.repovitals.config.Settings;
import io.repovitals.export.DatadogSink;
import io.repovitals.export.ExportFormat;
import io.repovitals.export.ExportResult;
import io.repovitals.github.FaultPolicy;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.github.RequestCounter;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.Reports;
import io.repovitals.render.WaitingPr;
import io.repovitals.render.charts.ChartSpecs;
import io.repovitals.render.charts.Charts;
import io.repovitals.runtime.Log;
import io.repovitals.snapshot.DaySnapshots;
import io.repovitals.store.GitBranchStore;
import io.repovitals.store.History;
import io.repovitals.store.HistoryRemote;
import io.repovitals.store.HistoryStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** collect -> store -> analyse -> render -> publish, each step a method taking records. */
public final class Pipeline {
    /** Repositories collected at once: enough to hide latency, few enough for GitHub's secondary limits. */
    static final int COLLECT_CONCURRENCY = 4;

    private final Settings settings;
    private final Log log;
    private final Clock clock;

    public Pipeline(Settings settings, Log log, Clock clock) {
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** One snapshot per selected repository, in name order, without history (the {@code collect} command). */
    public List<Snapshot> collect() {
        GitHubClients github = clients();
        List<RepoRef> repositories = repositories(github);
        List<Collected> collected = RepositoryPool.collectAll(repositories, COLLECT_CONCURRENCY,
                repo -> collectOne(github, repo, History.empty(repo), false), log);
        return collected.stream().map(Collected::ownDay).toList();
    }

    /**
     * The action's job: collect (with a backfill on a first run), analyse, render, store the snapshots and
     * charts in ONE commit, write the run's files, publish. On a pull_request event with {@code pr-comment}
     * it only comments on that pull request: nothing is collected or stored (such runs are frequent, and a
     * fork's token cannot push).
     */
    public List<Snapshot> run() {
        GitHubClients github = clients();
        Optional<PullRequestEvent.Found> pullRequest = pullRequestEvent();
        if (pullRequest.isPresent()) {
            new Publishing(settings, log).pullRequestOnly(github, store(), pullRequest.get(), reports());
            return List.of();
        }
        List<RepoRef> repositories = repositories(github);
        HistoryStore store = store();
        Map<RepoRef, History> histories = new LinkedHashMap<>();
        try (Log.Group ignored = log.group("Reading the history")) {
            for (RepoRef repo : repositories) {
                History history = store.load(repo);
                histories.put(repo, history);
                log.info(repo + ": " + history.snapshots().size() + " stored snapshots"
                        + (history.isEmpty() && settings.backfillDays() > 0
                        ? ", first run: backfilling " + settings.backfillDays() + " days" : ""));
            }
        }
        List<Collected> collected = RepositoryPool.collectAll(repositories, COLLECT_CONCURRENCY,
                repo -> collectOne(github, repo, histories.get(repo), histories.get(repo).isEmpty()), log);
        List<Snapshot> toStore = collected.stream().flatMap(one -> one.days().stream()).toList();
        Map<String, List<Snapshot>> merged = new LinkedHashMap<>();
        Map<String, List<WaitingPr>> waiting = new LinkedHashMap<>();
        for (Collected one : collected) {
            RepoRef repo = RepoRef.parse(one.ownDay().repository());
            merged.put(repo.fullName(), withNewDays(histories.get(repo).snapshots(), one.days()));
            if (one.waiting() != null) {
                waiting.put(repo.fullName(), one.waiting());
            }
        }
        List<Snapshot> ownDays = collected.stream().map(Collected::ownDay).toList();
        OrgAnalysis analysis = analyse(merged);
        ReportRendering.Rendered rendered = render(analysis, merged, waiting, chartHost());
        try (Log.Group ignored = log.group("Storing " + toStore.size() + " snapshots and "
                + rendered.stored().size() + " report files")) {
            String runId = settings.environment().runId().orElse("local");
            store.save(toStore, rendered.stored(), runId);
            // Retention folds old daily files into weekly ones, in a commit of its own; no point is dropped.
            settings.historyRetentionDays().ifPresent(days -> store.fold(days, settings.asOf(), runId));
        }
        RunFiles files = writeFiles(ownDays, analysis, rendered);
        settings.datadogApiKey().ifPresent(key -> {
            try {
                DatadogSink.Sent sent = new DatadogSink(key, settings.datadogSite(), clock).send(ownDays);
                log.info("datadog: sent " + sent.series() + " series in " + sent.requests() + " requests");
            } catch (RuntimeException e) {
                // The history is stored and the report still goes out; the sink's failure is one warning.
                log.warning("datadog: not sent: " + e.getMessage());
            }
        });
        new Publishing(settings, log).publish(github, analysis, rendered, files, reports());
        return ownDays;
    }

    /** {@code report}: analyse and render the stored history, with no GitHub API request. */
    public Path report() {
        HistoryStore store = store();
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        List<Snapshot> latest = new ArrayList<>();
        for (RepoRef repo : settings.repositories()) {
            History history = store.load(repo);
            if (history.isEmpty()) {
                log.warning(repo + ": no snapshots in the history branch '" + settings.historyBranch() + "'");
                continue;
            }
            histories.put(repo.fullName(), history.snapshots());
            history.latest().ifPresent(latest::add);
        }
        if (histories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), settings.repositories().toString(),
                    "repositories with snapshots in the history branch '" + settings.historyBranch() + "'");
        }
        OrgAnalysis analysis = analyse(histories);
        ReportRendering.Rendered rendered = render(analysis, histories, Map.of(), Optional.empty());
        RunFiles files = writeFiles(latest, analysis, rendered);
        new Publishing(settings, log).outputs(analysis, files, Optional.empty());
        return files.report();
    }

    /**
     * {@code merge}: one organisation report of what the shards (matrix jobs) stored in the history branch:
     * the ranking by health score with trend, totals and medians, anomalies and DORA bands. Reads only the
     * history (no API request but the issue's); since each repository is stored once whichever shard
     * collected it, the report equals that of one unsharded run. The repositories: those named, plus every
     * repository of the named organisations found in the history; with neither, all in the history. Writes
     * report.md, report.html and analysis.json to output-dir, then publishes (summary, issue).
     *
     * @return report.md
     * @throws ConfigException when no selected repository has a snapshot (exit 2)
     */
    public Path merge() {
        HistoryStore store = store();
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        List<RepoRef> selected = mergeSelection(store);
        try (Log.Group ignored = log.group("Reading the history of " + selected.size()
                + (selected.size() == 1 ? " repository" : " repositories"))) {
            for (RepoRef repo : selected) {
                History history = store.load(repo);
                if (history.isEmpty()) {
                    log.warning(repo + ": no snapshots in the history branch '" + settings.historyBranch() + "', left out");
                } else {
                    histories.put(repo.fullName(), history.snapshots());
                }
            }
        }
        if (histories.isEmpty()) {
            String accepted = "repositories with snapshots in the history branch '" + settings.historyBranch() + "' of "
                    + settings.historyRemote().orElse("") + ", which the shards' runs store";
            if (!settings.repositories().isEmpty()) {
                throw new ConfigException(Inputs.REPOSITORIES.name(),
                        settings.repositories().stream().map(RepoRef::fullName).collect(Collectors.joining(",")), accepted);
            }
            if (!settings.organizations().isEmpty()) {
                throw new ConfigException(Inputs.ORGANIZATIONS.name(), String.join(",", settings.organizations()), accepted);
            }
            throw new ConfigException(Inputs.REPOSITORIES.name(), null, accepted + " (it holds none)");
        }
        OrgAnalysis analysis = analyse(histories);
        Reports reports = reports();
        String report = reports.organisation(analysis, histories);
        Path outputDir = settings.outputDir();
        RunFiles files = RunFiles.write(outputDir, List.of(), report);
        RunFiles.writeExtras(outputDir, reports.html(report, "repo-vitals organisation report", Map.of()), Map.of());
        RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        log.info("merge: the organisation report of " + histories.size() + " repositories ("
                + histories.values().stream().mapToInt(List::size).sum() + " snapshots) in report.md, report.html"
                + " and analysis.json under " + outputDir);
        new OrgPublishing(settings, log).publish(this::clients, analysis, report, files.report(), reports);
        return files.report();
    }

    /** The repositories merge reports on, in name order, each once. */
    private List<RepoRef> mergeSelection(HistoryStore store) {
        Set<RepoRef> selected = new TreeSet<>(settings.repositories());
        if (settings.repositories().isEmpty() || !settings.organizations().isEmpty()) {
            List<RepoRef> stored = store.repositories();
            if (settings.organizations().isEmpty()) {
                selected.addAll(stored);
            }
            for (String organisation : settings.organizations()) {
                List<RepoRef> own = stored.stream().filter(repo -> repo.owner().equalsIgnoreCase(organisation)).toList();
                if (own.isEmpty()) {
                    log.warning(organisation + ": no repositories in the history branch '" + settings.historyBranch() + "'");
                }
                selected.addAll(own);
            }
        }
        return List.copyOf(selected);
    }

    /**
     * {@code export} to a file: the stored history of the selected repositories (every repository in
     * the history branch when none is selected), with no GitHub API request.
     *
     * @param out  the file to write, replaced only once the export is complete
     * @param gzip for csv, json and openmetrics: write {@code out.gz}
     */
    public ExportResult export(ExportFormat format, Path out, boolean gzip) {
        return new HistoryExport(settings, log, clock, store()).toFile(format, out, gzip);
    }

    /** {@code export --format datadog}: the latest snapshot of each selected repository, sent to Datadog. */
    public DatadogSink.Sent exportToDatadog() {
        return new HistoryExport(settings, log, clock, store()).toDatadog();
    }

    /** The offline demo: the sample history (made now, {@link SampleHistory}) through analysis, charts and render. Returns report.md. */
    public static Path demo(Path outputDir, Log log) {
        Map<String, List<Snapshot>> histories = SampleHistory.histories();
        OrgAnalysis analysis = new Analyzer().analyzeAll(histories);
        ReportRendering rendering = new ReportRendering(new Reports(Optional.empty()), new Charts(), ChartFormat.PNG, log);
        ReportRendering.Rendered rendered = rendering.render(analysis, histories, Map.of(), Optional.empty());
        List<Snapshot> latest = histories.values().stream().map(days -> days.get(days.size() - 1)).toList();
        RunFiles files = RunFiles.write(outputDir, latest, rendered.localReport());
        RunFiles.writeExtras(outputDir, rendered.html(), rendered.localFiles());
        RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        log.info("rendered " + histories.size() + " sample repositories (" + histories.values().stream()
                .mapToInt(List::size).sum() + " daily snapshots) into " + outputDir);
        return files.report();
    }

    private Optional<PullRequestEvent.Found> pullRequestEvent() {
        if (!settings.publish().contains(PublishTarget.PR_COMMENT)) {
            return Optional.empty();
        }
        PullRequestEvent event = PullRequestEvent.of(settings.environment());
        if (event instanceof PullRequestEvent.Skipped skipped) {
            log.info(skipped.reason());
            return Optional.empty();
        }
        return Optional.of((PullRequestEvent.Found) event);
    }

    private Reports reports() {
        return new Reports(settings.templates(), analysisSettings());
    }

    private ReportRendering.Rendered render(OrgAnalysis analysis, Map<String, List<Snapshot>> histories,
                                            Map<String, List<WaitingPr>> waiting,
                                            Optional<ReportRendering.ChartHost> host) {
        try (Log.Group ignored = log.group("Rendering the reports")) {
            ReportRendering rendering = new ReportRendering(reports(), new Charts(analysisSettings(), ChartSpecs.DEFAULT_DAYS),
                    settings.charts(), log);
            return rendering.render(analysis, histories, waiting, host);
        }
    }

    /**
     * Where the history branch can be read on the GitHub server: when the history remote is a repository
     * of {@code GITHUB_SERVER_URL} (the default). A local path or another host gets local chart files only.
     */
    private Optional<ReportRendering.ChartHost> chartHost() {
        String server = settings.environment().serverUrl().toString().replaceAll("/+$", "");
        return settings.historyRemote()
                .filter(remote -> remote.startsWith(server + "/"))
                .map(remote -> remote.substring(server.length() + 1).replaceAll("\\.git$", "").replaceAll("/+$", ""))
                .filter(path -> path.chars().filter(c -> c == '/').count() == 1)
                .map(path -> new ReportRendering.ChartHost(server, RepoRef.parse(path), settings.historyBranch()));
    }

    private RunFiles writeFiles(List<Snapshot> ownDays, OrgAnalysis analysis, ReportRendering.Rendered rendered) {
        Path outputDir = settings.outputDir();
        RunFiles files = RunFiles.write(outputDir, ownDays, rendered.localReport());
        RunFiles.writeExtras(outputDir, rendered.html(), rendered.localFiles());
        RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        log.info("wrote " + ownDays.size() + " snapshots, analysis.json, report.md, report.html and "
                + rendered.localFiles().size() + " charts under " + outputDir);
        return files;
    }

    private GitHubClients clients() {
        Secret token = settings.token().orElseThrow(() -> new ConfigException(Inputs.TOKEN.name(), null,
                "a GitHub token: set the token input, --token or GITHUB_TOKEN"));
        RequestBudget budget = settings.rateLimitBudget().isPresent()
                ? RequestBudget.of(settings.rateLimitBudget().getAsInt()) : RequestBudget.unlimited();
        return GitHubClients.create(settings.environment().apiUrl(), settings.environment().graphqlUrl(), token,
                budget, FaultPolicy.defaults(settings.maxResetWait()));
    }

    private List<RepoRef> repositories(GitHubClients github) {
        List<RepoRef> repositories = RepositorySelection.resolve(settings, github);
        if (repositories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), "",
                    "at least one owner/name (set repositories or organizations, or run inside Actions)");
        }
        log.info("collecting " + repositories.size() + (repositories.size() == 1 ? " repository" : " repositories")
                + (settings.shard().count() > 1 ? " (shard " + settings.shard() + ")" : ""));
        return repositories;
    }

    private HistoryStore store() {
        String remote = settings.historyRemote().orElseThrow(() -> new ConfigException(Inputs.HISTORY_REMOTE.name(), "",
                "a git remote for the history (set history-remote, or run inside Actions where GITHUB_REPOSITORY gives it)"));
        return new GitBranchStore(HistoryRemote.of(remote, settings.token()), settings.historyBranch(), log);
    }

    /** One repository's snapshots (backfilled days, then the run's own day) and what to say about them. */
    record Collected(List<Snapshot> days, List<String> notes, List<WaitingPr> waiting) {
        Snapshot ownDay() {
            return days.get(days.size() - 1);
        }
    }

    private Collected collectOne(GitHubClients github, RepoRef repo, History history, boolean backfill) {
        List<Window> windows = DaySnapshots.windows(settings.asOf(), backfill ? settings.backfillDays() : 0, settings.windowDays());
        Instant started = clock.instant();
        try (RequestCounter.Tally cost = github.requests().tally()) {
            RepositoryCollector collector = new RepositoryCollector(clock, settings.environment().workspace(),
                    settings.doraSource(), settings.doraEnvironment());
            Datasets data = collector.fetch(github, repo, windows.get(0).start(), windows.get(0).asOf(), settings.asOf());
            List<MetricFamily> families = MetricCatalog.families(settings.ignoreUsers(), settings.staleDays(),
                    settings.incidentLabels());
            CollectionStats stats = new CollectionStats(cost.requests(), cost.graphqlCost(),
                    Duration.between(started, clock.instant()).toMillis(), data.partialReason().isPresent());
            List<Snapshot> days = DaySnapshots.compute(repo, data, windows, families, settings.ignoreUsers(),
                    history.snapshots(), stats);
            Snapshot own = days.get(days.size() - 1);
            List<String> notes = new ArrayList<>();
            notes.add(own.metrics().size() + " metrics, " + own.missing().size() + " missing, " + cost.requests()
                    + " requests" + (days.size() > 1 ? ", " + (days.size() - 1) + " days backfilled" : ""));
            data.partialReason().ifPresent(reason -> notes.add("warning:partial snapshot: " + reason));
            own.missing().forEach((name, reason) -> notes.add("warning:" + name + " missing: " + reason));
            List<WaitingPr> waiting = data.get(PullRequests.class)
                    .map(pulls -> WaitingPrs.longest(repo, pulls, settings.asOf(), settings.ignoreUsers(),
                            ReportRendering.WAITING_PRS_SHOWN))
                    .orElse(null);
            return new Collected(days, notes, waiting);
        }
    }

    /** The stored history with this run's days, a new day replacing a stored one of the same date. */
    private static List<Snapshot> withNewDays(List<Snapshot> stored, List<Snapshot> fresh) {
        Map<String, Snapshot> byDay = new LinkedHashMap<>();
        for (Snapshot snapshot : stored) {
            byDay.put(History.day(snapshot).toString(), snapshot);
        }
        for (Snapshot snapshot : fresh) {
            byDay.put(History.day(snapshot).toString(), snapshot);
        }
        return byDay.values().stream().sorted(Comparator.comparing(Snapshot::asOf)).toList();
    }

    private OrgAnalysis analyse(Map<String, List<Snapshot>> histories) {
        try (Log.Group ignored = log.group("Analysing " + histories.size() + " repositories")) {
            OrgAnalysis analysis = new Analyzer(analysisSettings()).analyzeAll(histories);
            for (Analysis one : analysis.repositories()) {
                log.info(one.repository() + ": health " + (one.health().score() == null ? "n/a"
                        : Math.round(one.health().score()) + " (" + one.health().grade() + ")") + ", "
                        + one.anomalies().size() + " anomalies");
            }
            return analysis;
        }
    }

    private AnalysisSettings analysisSettings() {
        return AnalysisSettings.DEFAULTS
                .withWeights(HealthWeights.of(settings.healthWeights()))
                .withDays(settings.trendDays(), settings.forecastDays())
                .withDora(DoraThresholds.of(settings.doraThresholds()));
    }
}
