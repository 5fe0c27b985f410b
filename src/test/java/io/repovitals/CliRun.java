package io.repovitals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs {@link Main#execute} with captured output, a fixed clock and a given environment. */
public record CliRun(int exitCode, String out, String err) {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T00:05:00Z"), ZoneOffset.UTC);
    /** Time stands still: every duration a run records is 0. */
    public static final io.repovitals.model.Ticker TICKER = () -> 0L;

    /**
     * Tests never reach the internet: unless GITHUB_SERVER_URL names this machine (a test's own git server),
     * a run fetches no history over git, whatever git-fetch-max-mb says (GITHUB_SERVER_URL defaults to github.com).
     */
    public static CliRun run(Map<String, String> env, Path workingDir, String... args) {
        String server = env.getOrDefault("GITHUB_SERVER_URL", "");
        if (!server.startsWith("http://127.0.0.1:")) {
            env = new java.util.HashMap<>(env);
            env.put(io.repovitals.config.Inputs.GIT_FETCH_MAX_MB.envName(), "0");
            if (java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--git-fetch-max-mb"))) {
                throw new IllegalArgumentException("a test that fetches over git needs GITHUB_SERVER_URL on 127.0.0.1");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, env, CLOCK, TICKER, workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public List<String> errLines() {
        return Arrays.stream(err.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** The lines that report a failure: a run that fails must say why in exactly one of them. */
    public List<String> errorLines() {
        return java.util.stream.Stream.concat(outLines().stream(), errLines().stream())
                .filter(line -> line.startsWith("error:") || line.startsWith("::error::")).toList();
    }

    public List<String> outLines() {
        return Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    public String all() {
        return out + err;
    }
}
