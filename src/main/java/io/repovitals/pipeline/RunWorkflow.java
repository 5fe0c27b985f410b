package io.repovitals.pipeline;

import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.PublishTarget;
import io.repovitals.config.PullRequestEvent;
import io.repovitals.config.Settings;
import io.repovitals.export.DatadogSink;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.WaitingPr;
import io.repovitals.runtime.Log;
import io.repovitals.store.History;
import io.repovitals.store.HistoryStore;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run}, the action's job: collect (with a backfill on a first run), analyse, render, store the
 * snapshots and charts in ONE commit, write the run's files, publish. On a pull_request event with
 * {@code pr-comment} it only comments on that pull request: nothing is collected or stored (such runs
 * are frequent, and a fork's token cannot push).
 */
public final class RunWorkflow {
    private final RunContext context;
    private final Settings settings;
    private final Log log;

    public RunWorkflow(RunContext context) {
        this.context = context;
        this.settings = context.settings();
        this.log = context.log();
    }

    /** @return the run's own snapshot of each repository (none on a pull request event) */
    public List<Snapshot> run() {
        GitHubClients github = context.clients();
        Optional<PullRequestEvent.Found> pullRequest = pullRequestEvent();
        if (pullRequest.isPresent()) {
            new Publishing(settings, log).pullRequestOnly(github, context.store(), pullRequest.get(),
                    Analysing.reports(settings));
            return List.of();
        }
        Collection collection = new Collection(context, github);
        List<RepoRef> repositories = collection.repositories();
        HistoryStore store = context.store();
        Map<RepoRef, History> histories = read(store, repositories);
        List<Collection.Collected> collected = collection.all(repositories, histories, true);
        List<Snapshot> toStore = collected.stream().flatMap(one -> one.days().stream()).toList();
        Map<String, List<Snapshot>> merged = new LinkedHashMap<>();
        Map<String, List<WaitingPr>> waiting = new LinkedHashMap<>();
        for (Collection.Collected one : collected) {
            RepoRef repo = RepoRef.parse(one.ownDay().repository());
            merged.put(repo.fullName(), withNewDays(histories.get(repo).snapshots(), one.days()));
            if (one.waiting() != null) {
                waiting.put(repo.fullName(), one.waiting());
            }
        }
        List<Snapshot> ownDays = collected.stream().map(Collection.Collected::ownDay).toList();
        OrgAnalysis analysis = Analysing.analyse(context, merged);
        ReportRendering.Rendered rendered = RunOutputs.render(context, analysis, merged, waiting,
                RunOutputs.chartHost(settings));
        try (Log.Group ignored = log.group("Storing " + toStore.size() + " snapshots and "
                + rendered.stored().size() + " report files")) {
            String runId = settings.environment().runId().orElse("local");
            store.save(toStore, rendered.stored(), runId);
            // Retention folds old daily files into weekly ones, in a commit of its own; no point is dropped.
            settings.history().historyRetentionDays().ifPresent(days -> store.fold(days, settings.collection().asOf(), runId));
        }
        RunFiles files = RunOutputs.write(context, ownDays, analysis, rendered);
        sendToDatadog(ownDays);
        new Publishing(settings, log).publish(github, analysis, rendered, files, Analysing.reports(settings));
        return ownDays;
    }

    private Map<RepoRef, History> read(HistoryStore store, List<RepoRef> repositories) {
        Map<RepoRef, History> histories = new LinkedHashMap<>();
        try (Log.Group ignored = log.group("Reading the history")) {
            for (RepoRef repo : repositories) {
                History history = store.load(repo);
                histories.put(repo, history);
                log.info(repo + ": " + history.snapshots().size() + " stored snapshots"
                        + (history.isEmpty() && settings.collection().backfillDays() > 0
                        ? ", first run: backfilling " + settings.collection().backfillDays() + " days" : ""));
            }
        }
        return histories;
    }

    private void sendToDatadog(List<Snapshot> ownDays) {
        settings.export().datadogApiKey().ifPresent(key -> {
            try {
                DatadogSink.Sent sent = new DatadogSink(key, settings.export().datadogSite(), context.clock()).send(ownDays);
                log.info("datadog: sent " + sent.series() + " series in " + sent.requests() + " requests");
            } catch (RuntimeException e) {
                // The history is stored and the report still goes out; the sink's failure is one warning.
                log.warning("datadog: not sent: " + e.getMessage());
            }
        });
    }

    private Optional<PullRequestEvent.Found> pullRequestEvent() {
        if (!settings.output().publish().contains(PublishTarget.PR_COMMENT)) {
            return Optional.empty();
        }
        PullRequestEvent event = PullRequestEvent.of(settings.environment());
        if (event instanceof PullRequestEvent.Skipped skipped) {
            log.info(skipped.reason());
            return Optional.empty();
        }
        return Optional.of((PullRequestEvent.Found) event);
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
}
