package io.repovitals.pipeline;

import io.repovitals.analyze.AnalysisJson;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.Reports;
import io.repovitals.runtime.Log;
import io.repovitals.store.History;
import io.repovitals.store.HistoryStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code merge}: one organisation report of what the shards (matrix jobs) stored in the history branch:
 * the ranking by health score with trend, totals and medians, anomalies and DORA bands. Reads only the
 * history (no API request but the issue's); since each repository is stored once whichever shard
 * collected it, the report equals that of one unsharded run. The repositories: those named, plus every
 * repository of the named organisations found in the history; with neither, all in the history. Writes
 * report.md, report.html and analysis.json to output-dir, then publishes (summary, issue).
 */
public final class MergeWorkflow {
    private final RunContext context;
    private final Settings settings;
    private final Log log;

    public MergeWorkflow(RunContext context) {
        this.context = context;
        this.settings = context.settings();
        this.log = context.log();
    }

    /**
     * @return report.md
     * @throws ConfigException when no selected repository has a snapshot (exit 2)
     */
    public Path merge() {
        HistoryStore store = context.store();
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        List<RepoRef> selected = selection(store);
        try (Log.Group ignored = log.group("Reading the history of " + selected.size()
                + (selected.size() == 1 ? " repository" : " repositories"))) {
            for (RepoRef repo : selected) {
                History history = store.load(repo);
                if (history.isEmpty()) {
                    log.warning(repo + ": no snapshots in the history branch '" + settings.history().historyBranch() + "', left out");
                } else {
                    histories.put(repo.fullName(), history.snapshots());
                }
            }
        }
        if (histories.isEmpty()) {
            throw nothingStored();
        }
        OrgAnalysis analysis = Analysing.analyse(context, histories);
        Reports reports = Analysing.reports(settings);
        String report = reports.organisation(analysis, histories);
        Path outputDir = settings.output().outputDir();
        RunFiles files = RunFiles.write(outputDir, List.of(), report);
        RunFiles.writeExtras(outputDir, reports.html(report, "repo-vitals organisation report", Map.of()), Map.of());
        RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        log.info("merge: the organisation report of " + histories.size() + " repositories ("
                + histories.values().stream().mapToInt(List::size).sum() + " snapshots) in report.md, report.html"
                + " and analysis.json under " + outputDir);
        new OrgPublishing(settings, log).publish(context::clients, analysis, report, files.report(), reports);
        return files.report();
    }

    private ConfigException nothingStored() {
        String accepted = "repositories with snapshots in the history branch '" + settings.history().historyBranch() + "' of "
                + settings.history().historyRemote().orElse("") + ", which the shards' runs store";
        if (!settings.selection().repositories().isEmpty()) {
            return new ConfigException(Inputs.REPOSITORIES.name(),
                    settings.selection().repositories().stream().map(RepoRef::fullName).collect(Collectors.joining(",")), accepted);
        }
        if (!settings.selection().organizations().isEmpty()) {
            return new ConfigException(Inputs.ORGANIZATIONS.name(), String.join(",", settings.selection().organizations()), accepted);
        }
        return new ConfigException(Inputs.REPOSITORIES.name(), null, accepted + " (it holds none)");
    }

    /** The repositories merge reports on, in name order, each once. */
    private List<RepoRef> selection(HistoryStore store) {
        Set<RepoRef> selected = new TreeSet<>(settings.selection().repositories());
        if (settings.selection().repositories().isEmpty() || !settings.selection().organizations().isEmpty()) {
            List<RepoRef> stored = store.repositories();
            if (settings.selection().organizations().isEmpty()) {
                selected.addAll(stored);
            }
            for (String organisation : settings.selection().organizations()) {
                List<RepoRef> own = stored.stream().filter(repo -> repo.owner().equalsIgnoreCase(organisation)).toList();
                if (own.isEmpty()) {
                    log.warning(organisation + ": no repositories in the history branch '" + settings.history().historyBranch() + "'");
                }
                selected.addAll(own);
            }
        }
        return List.copyOf(selected);
    }
}
