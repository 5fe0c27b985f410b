package io.repovitals.cli;

import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.pipeline.MergeWorkflow;
import io.repovitals.pipeline.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code merge}: one organisation report of the repositories that matrix shards stored in the history branch. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Render one organisation report from the history branch the shards (matrix jobs) stored:",
                "ranking by health score with trend, totals and medians, anomalies, DORA bands.",
                "Repositories: those named, every repository of the named organisations in the history, or all of it.",
                "Writes report.md, report.html and analysis.json under --output-dir and publishes them",
                "(summary; issue: one per ISO week in the repository running the workflow).",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class MergeCommand implements Callable<Integer> {
    /** The inputs merge uses: the selection, the history, the analysis settings, where to write and publish. */
    public static final List<Input> INPUTS = List.of(Inputs.TOKEN, Inputs.REPOSITORIES, Inputs.ORGANIZATIONS,
            Inputs.CONFIG, Inputs.AS_OF, Inputs.HISTORY_BRANCH, Inputs.HISTORY_REMOTE, Inputs.PUBLISH, Inputs.TEMPLATES,
            Inputs.OUTPUT_DIR, Inputs.HEALTH_WEIGHTS, Inputs.TREND_DAYS, Inputs.FORECAST_DAYS, Inputs.CLOSE_PREVIOUS,
            Inputs.DORA_THRESHOLDS);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public MergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path report = new MergeWorkflow(new RunContext(context.settings(spec), context.log(), context.clock(), context.ticker())).merge();
        context.log().info("report: " + report);
        return 0;
    }
}
