package io.repovitals.pipeline;

import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.export.DatadogSink;
import io.repovitals.model.ExportFormat;
import io.repovitals.export.ExportResult;
import io.repovitals.export.Exports;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import io.repovitals.store.History;
import io.repovitals.store.HistoryStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code export}: the stored history of the selected repositories, to a file or to Datadog; no GitHub API request. */
public final class HistoryExport {
    private final Settings settings;
    private final Log log;
    private final Clock clock;
    private final HistoryStore store;

    public HistoryExport(RunContext context) {
        this.settings = context.settings();
        this.log = context.log();
        this.clock = context.clock();
        this.store = context.store();
    }

    /**
     * {@code export} to a file: the stored history of the selected repositories (every repository in
     * the history branch when none is selected), with no GitHub API request.
     *
     * @param out  the file to write, replaced only once the export is complete
     * @param gzip for csv, json and openmetrics: write {@code out.gz}
     */
    public ExportResult toFile(ExportFormat format, Path out, boolean gzip) {
        List<History> histories = historiesToExport();
        ExportResult result = Exports.toFile(format, histories, out, gzip);
        log.info("export: wrote " + result.records() + " " + (format == ExportFormat.CSV ? "rows"
                : format == ExportFormat.OPENMETRICS ? "samples" : "snapshots") + " of " + histories.size()
                + (histories.size() == 1 ? " repository" : " repositories") + " as " + format.value() + " to " + result.file() + " (" + result.bytes() + " bytes)");
        return result;
    }

    /** {@code export --format datadog}: the latest snapshot of each selected repository, sent to Datadog. */
    public DatadogSink.Sent toDatadog() {
        Secret key = settings.export().datadogApiKey().orElseThrow(() -> new ConfigException(Inputs.DATADOG_API_KEY.name(), null,
                "a Datadog API key for the datadog format: set the datadog-api-key input (from a secret) or --datadog-api-key"));
        List<Snapshot> latest = historiesToExport().stream().flatMap(history -> history.latest().stream()).toList();
        DatadogSink.Sent sent = new DatadogSink(key, settings.export().datadogSite(), clock).send(latest);
        log.info("export: sent " + sent.series() + " series of " + latest.size()
                + (latest.size() == 1 ? " repository" : " repositories") + " to Datadog ("
                + settings.export().datadogSite() + ") in " + sent.requests() + " requests");
        return sent;
    }

    /** The histories export covers, in name order; repositories without any snapshot are warned about and left out. */
    private List<History> historiesToExport() {
        boolean named = !settings.selection().repositories().isEmpty();
        if (!named && !settings.selection().organizations().isEmpty()) {
            throw new ConfigException(Inputs.ORGANIZATIONS.name(), String.join(",", settings.selection().organizations()),
                    "no organizations for export, which reads only the history branch: name repositories"
                            + " (owner/name,...) or none to export every repository in the history");
        }
        List<RepoRef> repositories = named ? settings.selection().repositories() : store.repositories();
        List<History> histories = new ArrayList<>();
        for (RepoRef repo : repositories.stream().sorted().toList()) {
            History history = store.load(repo);
            if (history.isEmpty()) {
                log.warning(repo + ": no snapshots in the history branch '" + settings.history().historyBranch() + "'");
            } else {
                histories.add(history);
            }
        }
        if (histories.isEmpty()) {
            throw new ConfigException(Inputs.REPOSITORIES.name(), named ? settings.selection().repositories().toString() : "",
                    "repositories with snapshots in the history branch '" + settings.history().historyBranch() + "'"
                            + (named ? "" : " (it holds none)"));
        }
        return histories;
    }
}
