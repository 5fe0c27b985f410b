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

import io.repovitals.store.HistoryException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run}, the action's job: collect (with a backfill on a first run, and the days skipped since the
 * last stored snapshot filled in), analyse, render, write the run's files to output-dir, store the
 * snapshots and charts in ONE commit, publish. Each storage target fails on its own. On a pull_request event with
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
        Map<String, String> notes = new LinkedHashMap<>();
        for (Collection.Collected one : collected) {
            RepoRef repo = RepoRef.parse(one.ownDay().repository());
            merged.put(repo.fullName(), withNewDays(histories.get(repo).snapshots(), one.days()));
            if (one.waiting() != null) {
                waiting.put(repo.fullName(), one.waiting());
            }
            filledNote(one).ifPresent(note -> notes.put(repo.fullName(), note));
        }
        List<Snapshot> ownDays = collected.stream().map(Collection.Collected::ownDay).toList();
        OrgAnalysis analysis = Analysing.analyse(context, merged);
        ReportRendering.Rendered rendered = RunOutputs.render(context, analysis, merged, waiting,
                RunOutputs.chartHost(settings), notes);

        // Each storage target fails on its own (README "Storage faults"): output-dir first, then the
        // history branch, then publishing; a failure of one leaves the others done and is said once.
        RunFiles files = null;
        RunOutputs.OutputDirException notWritten = null;
        try {
            files = RunOutputs.write(context, ownDays, analysis, rendered);
        } catch (RunOutputs.OutputDirException e) {
            notWritten = e;
        }
        Optional<HistoryException> notStored = storeHistory(store, toStore, rendered);
        StorageOutcome storage = new StorageOutcome(Optional.ofNullable(notWritten).map(Throwable::getMessage), notStored);
        sendToDatadog(ownDays);
        Optional<ReportRendering.ChartHost> host = RunOutputs.chartHost(settings);
        if (notStored.isPresent() && host.isPresent()) {
            // The issue and summary would link charts and the full report in the branch, which did not get them.
            log.info("history: not stored, so the issue and summary go out without links into branch '"
                    + settings.history().historyBranch() + "'");
            rendered = RunOutputs.render(context, analysis, merged, waiting, Optional.empty(), notes);
        }
        RuntimeException publishFailure = null;
        try {
            new Publishing(settings, log).publish(github, analysis, rendered, Optional.ofNullable(files), Analysing.reports(settings),
                    storage.summaryBlock(settings.history().historyBranch(), settings.output().outputDir()));
        } catch (RuntimeException e) {
            publishFailure = e;
        }
        // One error line per failed target, the last one thrown for Main to print with exit status 1
        // (an issue that failed was already reported by Publishing).
        if (notStored.isPresent()) {
            if (notWritten != null) {
                log.error(notWritten.getMessage());
            }
            throw notStored.get();
        }
        if (notWritten != null) {
            throw notWritten;
        }
        if (publishFailure != null) {
            throw publishFailure;
        }
        return ownDays;
    }

    /** Saves the snapshots, charts and full reports in one commit; empty when stored, else why not. */
    private Optional<HistoryException> storeHistory(HistoryStore store, List<Snapshot> toStore,
                                                    ReportRendering.Rendered rendered) {
        try (Log.Group ignored = log.group("Storing " + toStore.size() + " snapshots and "
                + rendered.stored().size() + " report files")) {
            String runId = settings.environment().runId().orElse("local");
            try {
                store.save(toStore, rendered.stored(), runId);
            } catch (HistoryException e) {
                log.info("history: not stored; the job summary says why and how to fix it; publishing goes on");
                return Optional.of(e);
            }
            // Retention folds old daily files into weekly ones, in a commit of its own; no point is dropped.
            // The snapshots are stored by then: a fold that fails is a warning, and the next run folds them.
            settings.history().historyRetentionDays().ifPresent(days -> {
                try {
                    store.fold(days, settings.collection().asOf(), runId);
                } catch (HistoryException e) {
                    log.warning(e.getMessage() + " (retention: the snapshots are stored; the next run folds them)");
                }
            });
            return Optional.empty();
        }
    }

    /** The line a weekly report gets when this run filled in skipped days. */
    private static Optional<String> filledNote(Collection.Collected one) {
        if (one.filledDays() == 0) {
            return Optional.empty();
        }
        List<Snapshot> filled = one.days().subList(0, one.filledDays());
        String first = History.day(filled.get(0)).toString();
        String last = History.day(filled.get(filled.size() - 1)).toString();
        return Optional.of(one.filledDays() == 1
                ? "1 skipped day (" + first + ") was filled in from this run's fetch; its snapshot is marked reconstructed."
                : one.filledDays() + " skipped days (" + first + " to " + last + ") were filled in from this run's fetch;"
                        + " their snapshots are marked reconstructed.");
    }

    private Map<RepoRef, History> read(HistoryStore store, List<RepoRef> repositories) {
        Map<RepoRef, History> histories = new LinkedHashMap<>();
        try (Log.Group ignored = log.group("Reading the history")) {
            for (RepoRef repo : repositories) {
                History history = store.load(repo);
                histories.put(repo, history);
                log.info(repo + ": " + history.snapshots().size() + " stored snapshots" + rebuilding(history));
            }
        }
        return histories;
    }

    /** What the read step says about the days this run rebuilds for the repository. */
    private String rebuilding(History history) {
        int days = Collection.daysToRebuild(settings, history);
        if (history.isEmpty()) {
            return days > 0 ? ", first run: backfilling " + days + " days" : "";
        }
        LocalDate latest = History.day(history.latest().orElseThrow());
        long skipped = ChronoUnit.DAYS.between(latest, LocalDate.ofInstant(settings.collection().asOf(), ZoneOffset.UTC)) - 1;
        if (skipped <= 0) {
            return "";
        }
        String latestText = ", the latest of " + latest + "; ";
        if (days == 0) {
            return latestText + skipped + " skipped days stay empty (backfill-days is 0)";
        }
        return latestText + "filling " + (days == 1 ? "1 skipped day" : days + " skipped days")
                + (days < skipped ? " (the last " + days + " of " + skipped + ": backfill-days)" : "")
                + " from this run's fetch";
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
