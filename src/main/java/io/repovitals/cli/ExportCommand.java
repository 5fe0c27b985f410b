package io.repovitals.cli;

import io.repovitals.config.ConfigException;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.export.ExportFormat;
import io.repovitals.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code export}: the stored history as a file (csv, json, openmetrics, sqlite), or its latest values to Datadog. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the history branch's snapshots as csv, json, openmetrics or sqlite,",
                "or send the latest values to Datadog (--format datadog). No GitHub API request.",
                "With no repositories given (and no GITHUB_REPOSITORY), exports every repository in the history.",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class ExportCommand implements Callable<Integer> {
    /** The inputs export uses: the history and its selection, and the Datadog sink's. */
    public static final List<Input> INPUTS = List.of(Inputs.TOKEN, Inputs.REPOSITORIES, Inputs.ORGANIZATIONS,
            Inputs.CONFIG, Inputs.HISTORY_BRANCH, Inputs.HISTORY_REMOTE, Inputs.DATADOG_API_KEY, Inputs.DATADOG_SITE);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, json, openmetrics, sqlite or datadog.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (every format but datadog).")
    Path out;

    @Option(names = "--gzip", description = "Gzip the file (csv, json, openmetrics) and add .gz to its name.")
    boolean gzip;

    public ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.parse(format)
                .orElseThrow(() -> new ConfigException("format", format, ExportFormat.accepted()));
        if (chosen.writesFile() && out == null) {
            throw new ConfigException("out", null, "a file to write the " + chosen.value() + " export to (--out FILE)");
        }
        if (!chosen.writesFile() && (out != null || gzip)) {
            throw new ConfigException(out != null ? "out" : "gzip", null,
                    "neither --out nor --gzip with --format datadog, which sends instead of writing a file");
        }
        if (gzip && !chosen.gzippable()) {
            throw new ConfigException("gzip", null, "--gzip only with csv, json or openmetrics (an sqlite file is read in place)");
        }
        Pipeline pipeline = new Pipeline(context.settings(spec), context.log(), context.clock());
        if (chosen.writesFile()) {
            pipeline.export(chosen, context.workingDir().resolve(out), gzip);
        } else {
            pipeline.exportToDatadog();
        }
        return 0;
    }
}
