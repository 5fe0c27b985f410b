package io.repovitals.cli;

import io.repovitals.pipeline.DemoWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code demo}: the offline pipeline on a sample history made on the spot; no token, no network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Render the report of a generated sample history, offline: no token, no network.",
                "Writes report.md and the sample snapshots into ./repo-vitals-demo/ and prints where."})
public final class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "repo-vitals-demo",
            description = "Where to write the demo report (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path report = DemoWorkflow.demo(context.workingDir().resolve(outputDir), context.log());
        context.out().println("Demo report: " + report);
        return 0;
    }
}
