package io.repovitals.pipeline;

import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.RunFiles;
import io.repovitals.store.History;
import io.repovitals.store.HistoryStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code report}: analyse and render the stored history, with no GitHub API request. */
public final class ReportWorkflow {
    private final RunContext context;

    public ReportWorkflow(RunContext context) {
        this.context = context;
    }

    /**
     * @return report.md in output-dir
     * @throws ConfigException when no selected repository has a snapshot (exit 2)
     */
    public Path report() {
        Settings settings = context.settings();
        HistoryStore store = context.store();
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        List<Snapshot> latest = new ArrayList<>();
        for (RepoRef repo : settings.selection().repositories()) {
            History history = store.load(repo);
            if (history.isEmpty()) {
                context.log().warning(repo + ": no snapshots in the history branch '" + settings.history().historyBranch() + "'");
                continue;
            }
            histories.put(repo.fullName(), history.snapshots());
            history.latest().ifPresent(latest::add);
        }
        if (histories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), settings.selection().repositories().toString(),
                    "repositories with snapshots in the history branch '" + settings.history().historyBranch() + "'");
        }
        OrgAnalysis analysis = Analysing.analyse(context, histories);
        ReportRendering.Rendered rendered = RunOutputs.render(context, analysis, histories, Map.of(), Optional.empty());
        RunFiles files = RunOutputs.write(context, latest, analysis, rendered);
        new Publishing(settings, context.log()).outputs(analysis, files, Optional.empty());
        return files.report();
    }
}
