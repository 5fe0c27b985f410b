package io.repovitals.cli;

import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.model.Snapshot;
import io.repovitals.pipeline.CollectWorkflow;
import io.repovitals.pipeline.RunContext;
import io.repovitals.store.SnapshotCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code collect}: one snapshot per repository, as JSON on stdout or in {@code --out FILE}. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect one snapshot per repository and print it as JSON.",
                "One repository gives one JSON object; several give a JSON array in name order.",
                "Inputs can also come from INPUT_<NAME> variables and the config file."})
public final class CollectCommand implements Callable<Integer> {
    /** The inputs collect uses; the config file may hold the others, which are validated but unused. */
    public static final List<Input> INPUTS = List.of(Inputs.TOKEN, Inputs.REPOSITORIES, Inputs.ORGANIZATIONS,
            Inputs.CONFIG, Inputs.WINDOW_DAYS, Inputs.AS_OF, Inputs.DORA_SOURCE, Inputs.IGNORE_USERS, Inputs.SHARD,
            Inputs.STALE_DAYS, Inputs.INCIDENT_LABELS, Inputs.DORA_ENVIRONMENT, Inputs.RATE_LIMIT_BUDGET,
            Inputs.MAX_RESET_WAIT, Inputs.GIT_FETCH_MAX_MB);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON to FILE instead of standard output.")
    Path out;

    public CollectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Snapshot> snapshots = new CollectWorkflow(new RunContext(context.settings(spec), context.log(), context.clock(), context.ticker())).collect();
        String json = snapshots.size() == 1 ? SnapshotCodec.write(snapshots.get(0)) : SnapshotCodec.writeAll(snapshots);
        if (out == null) {
            context.out().print(json);
            context.out().flush();
        } else {
            try {
                Path target = context.workingDir().resolve(out);
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.writeString(target, json, StandardCharsets.UTF_8);
                context.log().info("wrote " + target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        return 0;
    }
}
