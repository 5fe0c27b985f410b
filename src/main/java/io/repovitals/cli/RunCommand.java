package io.repovitals.cli;

import io.repovitals.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code run}, the action's job and the default command: collect, write the run's files, set outputs, publish. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Collect every repository, write snapshots and report.md to the output directory,",
                "set the step outputs and publish (the job summary in this version). The default command."})
public final class RunCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new Pipeline(context.settings(spec), context.log(), context.clock()).run();
        return 0;
    }
}
