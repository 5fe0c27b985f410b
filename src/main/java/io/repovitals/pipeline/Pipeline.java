package io.repovitals.pipeline;

import io.repovitals.collect.RepoState;
import io.repovitals.collect.RepoStateCollector;
import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.PublishTarget;
import io.repovitals.config.Settings;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestCounter;
import io.repovitals.snapshot.SnapshotBuilder;
import io.repovitals.collect.Datasets;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.SnapshotReport;
import io.repovitals.store.BundledSample;
import io.repovitals.runtime.ActionsOutputs;
import io.repovitals.runtime.Log;
import io.repovitals.runtime.StepSummary;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** collect -> (store) -> (analyse) -> render -> publish, each step a method taking records. */
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

    /** One snapshot per selected repository, in name order. */
    public List<Snapshot> collect() {
        Secret token = settings.token().orElseThrow(() -> new ConfigException(Inputs.TOKEN.name(), null,
                "a GitHub token: set the token input, --token or GITHUB_TOKEN"));
        GitHubClients github = GitHubClients.create(settings.environment().apiUrl(),
                settings.environment().graphqlUrl(), token);
        List<RepoRef> repositories = RepositorySelection.resolve(settings, github);
        log.info("collecting " + repositories.size() + (repositories.size() == 1 ? " repository" : " repositories")
                + (settings.shard().count() > 1 ? " (shard " + settings.shard() + ")" : ""));
        if (repositories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), "",
                    "at least one owner/name (set repositories or organizations, or run inside Actions)");
        }
        Window window = new Window(settings.asOf(), settings.windowDays());
        RepoStateCollector collector = new RepoStateCollector(clock);
        List<Collected> collected = RepositoryPool.collectAll(repositories, COLLECT_CONCURRENCY,
                repo -> collectOne(github, collector, repo, window), log);
        List<Snapshot> snapshots = new ArrayList<>();
        for (Collected one : collected) {
            snapshots.add(one.snapshot());
        }
        return snapshots;
    }

    /** One repository's snapshot and what to say about it, logged in name order once all are done. */
    record Collected(Snapshot snapshot, List<String> notes) {}

    private Collected collectOne(GitHubClients github, RepoStateCollector collector, RepoRef repo, Window window) {
        Instant started = clock.instant();
        try (RequestCounter.Tally cost = github.requests().tally()) {
            Datasets data = new Datasets().with(RepoState.class, collector.fetch(github, repo, window));
            // The history store (a later stage) will supply the earlier snapshots; none yet.
            List<Outcome> outcomes = new ArrayList<>();
            for (MetricFamily family : MetricCatalog.families()) {
                outcomes.addAll(family.compute(data, window, List.of()));
            }
            CollectionStats stats = new CollectionStats(cost.requests(), cost.graphqlCost(),
                    Duration.between(started, clock.instant()).toMillis(), false);
            Snapshot snapshot = SnapshotBuilder.build(repo, window, outcomes, List.of(), List.of(), stats);
            List<String> notes = new ArrayList<>();
            notes.add(snapshot.metrics().size() + " metrics, " + snapshot.missing().size() + " missing, "
                    + cost.requests() + " requests");
            snapshot.missing().forEach((name, reason) -> notes.add("warning:" + name + " missing: " + reason));
            return new Collected(snapshot, notes);
        }
    }

    /** The offline demo: the bundled sample history through render and the run's files. Returns report.md. */
    public static Path demo(Path outputDir, Log log) {
        List<Snapshot> snapshots = BundledSample.snapshots();
        RunFiles files = RunFiles.write(outputDir, snapshots, SnapshotReport.markdown(snapshots));
        log.info("rendered " + snapshots.size() + " sample repositories into " + outputDir);
        return files.report();
    }

    /** The action's job: collect, write the run's files, set the outputs, publish the summary. */
    public List<Snapshot> run() {
        List<Snapshot> snapshots = collect();
        Path outputDir = settings.outputDir();
        String report = SnapshotReport.markdown(snapshots);
        RunFiles files = RunFiles.write(outputDir, snapshots, report);
        log.info("wrote " + snapshots.size() + " snapshots and " + files.report() + " under " + outputDir);

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("snapshot-path", files.snapshotPath().toString());
        outputs.put("report-path", files.report().toString());
        settings.environment().output().ifPresent(file -> ActionsOutputs.write(file, outputs));

        if (settings.publish().contains(PublishTarget.SUMMARY)) {
            settings.environment().stepSummary().ifPresentOrElse(
                    file -> StepSummary.append(file, report),
                    () -> log.info("publish summary: no GITHUB_STEP_SUMMARY outside Actions, skipped"));
        }
        for (PublishTarget target : settings.publish()) {
            if (target != PublishTarget.SUMMARY) {
                log.info("publish " + target.inputValue() + ": not available in this version yet, skipped");
            }
        }
        return snapshots;
    }
}
