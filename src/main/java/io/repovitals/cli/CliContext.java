package io.repovitals.cli;

import io.repovitals.config.Settings;
import io.repovitals.config.SettingsResolver;
import io.repovitals.runtime.Log;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import io.repovitals.model.Ticker;
import java.time.Clock;
import java.util.Map;

/** What every command needs from the outside world, passed in so that tests can replace it. */
public record CliContext(Map<String, String> env, Clock clock, Ticker ticker, Path workingDir, Log log, PrintStream out) {

    /** Resolves the inputs given to {@code command} and masks the secrets (token, Datadog key) before anything else happens. */
    public Settings settings(CommandSpec command) {
        Settings settings = new SettingsResolver(env, clock, workingDir).resolve(InputOptions.given(command));
        settings.token().ifPresent(token -> log.mask(token.reveal()));
        settings.export().datadogApiKey().ifPresent(key -> log.mask(key.reveal()));
        return settings;
    }
}
