package io.repovitals.cli;

import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.pipeline.ReportWorkflow;
import io.repovitals.pipeline.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code report}: analyse and render the stored history, without any GitHub API request. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render reports from the history branch, with no GitHub API request.",
                "Writes analysis.json and report.md under --output-dir.",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class ReportCommand implements Callable<Integer> {
    /** The inputs report uses: the history (read with the token for an HTTPS remote), the analysis settings and where to write. */
    public static final List<Input> INPUTS = List.of(Inputs.TOKEN, Inputs.REPOSITORIES, Inputs.CONFIG,
            Inputs.HISTORY_BRANCH, Inputs.HISTORY_REMOTE, Inputs.OUTPUT_DIR, Inputs.HEALTH_WEIGHTS, Inputs.TREND_DAYS,
            Inputs.FORECAST_DAYS, Inputs.DORA_THRESHOLDS);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path report = new ReportWorkflow(new RunContext(context.settings(spec), context.log(), context.clock(), context.ticker())).report();
        context.log().info("report: " + report);
        return 0;
    }
}
