package io.repovitals;

import io.repovitals.cli.CliContext;
import io.repovitals.cli.CollectCommand;
import io.repovitals.cli.DemoCommand;
import io.repovitals.cli.ExportCommand;
import io.repovitals.cli.InputOptions;
import io.repovitals.cli.MergeCommand;
import io.repovitals.cli.ReportCommand;
import io.repovitals.cli.RunCommand;
import io.repovitals.config.ConfigException;
import io.repovitals.github.GitHubException;
import io.repovitals.model.Version;
import io.repovitals.runtime.Log;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import io.repovitals.model.Ticker;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The program: picocli root whose default (no arguments, as the action runs it) is {@code run}.
 * The only place where exceptions become exit statuses (contract.md "Exit status"):
 * 0 done, 1 nothing could be collected or stored, 2 invalid configuration.
 */
@Command(name = "repo-vitals", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Keeps a repository's health history and reports on it.",
                "With no command, runs 'run' (what the GitHub Action does)."},
        subcommands = {RunCommand.class, CollectCommand.class, ReportCommand.class, DemoCommand.class, MergeCommand.class,
                ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_INVALID_CONFIG = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("java.home") == null) {
            // Only a native executable has no java.home; AWT's font configuration needs one, and the
            // executable's folder holds the libraries it would find there (README "Native executable").
            ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                    .ifPresent(folder -> System.setProperty("java.home", folder.toString()));
        }
        Path workingDir = Path.of("").toAbsolutePath();
        // The program's only time sources (ArchitectureTest): the clock for dates, the ticker for durations.
        System.exit(execute(args, System.getenv(), Clock.systemUTC(), System::nanoTime, workingDir, System.out, System.err));
    }

    /** Runs the program with everything from outside passed in, and returns the exit status. */
    public static int execute(String[] args, Map<String, String> env, Clock clock, Ticker ticker, Path workingDir,
                              PrintStream out, PrintStream err) {
        boolean insideActions = "true".equals(env.get("GITHUB_ACTIONS"));
        Log log = Log.create(insideActions, env.containsKey("REPO_VITALS_DEBUG"), out, err, ticker);
        // Mask every token we can see before anything at all is printed.
        log.mask(env.get("GITHUB_TOKEN"));
        log.mask(env.get("INPUT_TOKEN"));
        log.mask(env.get("INPUT_DATADOG-API-KEY"));
        maskSecretArgument(args, "--token", log);
        maskSecretArgument(args, "--datadog-api-key", log);

        if (args.length > 0 && args[0].isBlank()) {
            // action.yml passes the command input as the first argument: left empty, it means the default, run.
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        CliContext context = new CliContext(env, clock, ticker, workingDir, log, out);
        CommandLine commandLine = new CommandLine(new Main(), new Factory(context));
        InputOptions.addTo(commandLine.getSubcommands().get("run").getCommandSpec());
        InputOptions.addTo(commandLine.getSubcommands().get("collect").getCommandSpec(), CollectCommand.INPUTS);
        InputOptions.addTo(commandLine.getSubcommands().get("report").getCommandSpec(), ReportCommand.INPUTS);
        InputOptions.addTo(commandLine.getSubcommands().get("merge").getCommandSpec(), MergeCommand.INPUTS);
        InputOptions.addTo(commandLine.getSubcommands().get("export").getCommandSpec(), ExportCommand.INPUTS);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            log.error(ex.getMessage() + suggestion + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_INVALID_CONFIG;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> exitStatus(ex, log));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    static int exitStatus(Exception failure, Log log) {
        if (failure instanceof ConfigException config) {
            log.error(config.getMessage());
            return EXIT_INVALID_CONFIG;
        }
        if (failure instanceof GitHubException github) {
            log.error(github.getMessage());
            return EXIT_FAILED;
        }
        // Also the history store's failures (HistoryException): one line each, like a file that cannot be written.
        if (failure instanceof UncheckedIOException io) {
            log.error(io.getMessage());
            return EXIT_FAILED;
        }
        log.error("unexpected failure: " + failure + " (set REPO_VITALS_DEBUG=1 for details)");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        log.debug(trace.toString());
        return EXIT_FAILED;
    }

    private static void maskSecretArgument(String[] args, String option, Log log) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                log.mask(args[i + 1]);
            } else if (args[i].startsWith(option + "=")) {
                log.mask(args[i].substring(option.length() + 1));
            }
        }
    }

    /** Builds the commands with the context (no reflection beyond picocli's own). */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(context));
            }
            if (type == CollectCommand.class) {
                return type.cast(new CollectCommand(context));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(context));
            }
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(context));
            }
            if (type == MergeCommand.class) {
                return type.cast(new MergeCommand(context));
            }
            if (type == ExportCommand.class) {
                return type.cast(new ExportCommand(context));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"repo-vitals " + Version.get()};
        }
    }
}
