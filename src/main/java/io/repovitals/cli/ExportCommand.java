package io.repovitals.cli;

import io.repovitals.config.ConfigException;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.model.ExportFormat;
import io.repovitals.pipeline.HistoryExport;
import io.repovitals.pipeline.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code export}: the stored history as a file (csv, json, openmetrics, sqlite), or its latest values to Datadog.
 * {@code format}, {@code out} and {@code gzip} are inputs like the others, so the action runs it with
 * {@code command: export} and {@code INPUT_FORMAT}, {@code INPUT_OUT}, {@code INPUT_GZIP}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the history branch's snapshots as csv, json, openmetrics or sqlite,",
                "or send the latest values to Datadog (--format datadog). No GitHub API request.",
                "With no repositories given (and no GITHUB_REPOSITORY), exports every repository in the history.",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class ExportCommand implements Callable<Integer> {
    /** The inputs export uses: the history and its selection, what to write, and the Datadog sink's. */
    public static final List<Input> INPUTS = List.of(Inputs.TOKEN, Inputs.REPOSITORIES, Inputs.ORGANIZATIONS,
            Inputs.CONFIG, Inputs.HISTORY_BRANCH, Inputs.HISTORY_REMOTE, Inputs.FORMAT, Inputs.OUT, Inputs.GZIP,
            Inputs.DATADOG_API_KEY, Inputs.DATADOG_SITE);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings settings = context.settings(spec);
        ExportFormat chosen = settings.export().format()
                .orElseThrow(() -> new ConfigException(Inputs.FORMAT.name(), null,
                        ExportFormat.accepted() + " (the format input or --format FORMAT)"));
        Path out = settings.export().out().orElse(null);
        if (chosen.writesFile() && out == null) {
            throw new ConfigException(Inputs.OUT.name(), null,
                    "a file to write the " + chosen.value() + " export to (the out input or --out FILE)");
        }
        if (!chosen.writesFile() && (out != null || settings.export().gzip())) {
            throw new ConfigException(out != null ? Inputs.OUT.name() : Inputs.GZIP.name(), null,
                    "neither --out nor --gzip with --format datadog, which sends instead of writing a file");
        }
        if (settings.export().gzip() && !chosen.gzippable()) {
            throw new ConfigException(Inputs.GZIP.name(), null,
                    "--gzip only with csv, json or openmetrics (an sqlite file is read in place)");
        }
        HistoryExport export = new HistoryExport(new RunContext(settings, context.log(), context.clock(), context.ticker()));
        if (chosen.writesFile()) {
            export.toFile(chosen, out, settings.export().gzip());
        } else {
            export.toDatadog();
        }
        return 0;
    }
}
