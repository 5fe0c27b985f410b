package io.repovitals.cli;

import io.repovitals.pipeline.RunContext;
import io.repovitals.pipeline.RunWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code run}, the action's job and the default command: collect, write the run's files, set outputs, publish. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Collect, write the report and publish it: what the action runs (the default command).",
                "Writes snapshots/<owner>/<repo>/<yyyy-mm-dd>.json and report.md under --output-dir,",
                "sets the step outputs and appends the report to the job summary.",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class RunCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new RunWorkflow(new RunContext(context.settings(spec), context.log(), context.clock(), context.ticker())).run();
        return 0;
    }
}
