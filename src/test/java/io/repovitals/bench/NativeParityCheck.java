package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native executable behaves as the jar does: the same {@code --version}, the same demo report.md
 * and set of PNG charts, the same snapshot from {@code collect} against the fake GitHub. Not part of
 * the normal build (its name matches neither Surefire's nor Failsafe's patterns): bench/native.sh
 * runs it by name after scripts/native-build.sh, with -Drepovitals.native=target/repo-vitals and
 * -Drepovitals.jar=target/repo-vitals.jar.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NativeParityCheck {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;

    private record Result(int exitCode, String out, String err) {}

    private Result run(boolean nativeExecutable, Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (nativeExecutable) {
            command.add(Path.of(System.getProperty("repovitals.native")).toAbsolutePath().toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(Path.of(System.getProperty("repovitals.jar")).toAbsolutePath().toString());
        }
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GITHUB_") || name.startsWith("INPUT_"));
        builder.environment().putAll(env);
        builder.environment().put(io.repovitals.config.Inputs.GIT_FETCH_MAX_MB.envName(), "0");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished within 120 s", command).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void should_print_the_same_version() throws Exception {
        Result jar = run(false, workDir.resolve("jar"), Map.of(), "--version");
        Result executable = run(true, workDir.resolve("native"), Map.of(), "--version");

        assertThat(jar.exitCode()).as(jar.err()).isZero();
        assertThat(executable.exitCode()).as(executable.err()).isZero();
        assertThat(executable.out()).isNotBlank().isEqualTo(jar.out());
    }

    @Test
    void should_write_the_same_demo_report_and_charts() throws Exception {
        Result jar = run(false, workDir.resolve("jar"), Map.of(), "demo");
        Result executable = run(true, workDir.resolve("native"), Map.of(), "demo");

        assertThat(jar.exitCode()).as(jar.err()).isZero();
        assertThat(executable.exitCode()).as(executable.err()).isZero();
        Path jarDemo = workDir.resolve("jar/repo-vitals-demo");
        Path nativeDemo = workDir.resolve("native/repo-vitals-demo");
        assertThat(Files.readString(nativeDemo.resolve("report.md"))).isEqualTo(Files.readString(jarDemo.resolve("report.md")));
        Set<String> jarCharts = pngs(jarDemo);
        assertThat(jarCharts).isNotEmpty();
        assertThat(pngs(nativeDemo)).isEqualTo(jarCharts);
    }

    @Test
    void should_collect_the_same_snapshot_from_the_fake() throws Exception {
        github.stubFor(GitHubFake.graphql("o", "r").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "o", "r");
        Map<String, String> env = Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_TOKEN", GitHubFake.TOKEN);
        String[] collect = {"collect", "--repositories", "o/r", "--as-of", "2026-11-20T00:00:00Z"};

        Result jar = run(false, workDir.resolve("jar"), env, collect);
        Result executable = run(true, workDir.resolve("native"), env, collect);

        assertThat(jar.exitCode()).as(jar.err()).isZero();
        assertThat(executable.exitCode()).as(executable.err()).isZero();
        assertThat(withoutDuration(executable.out())).isEqualTo(withoutDuration(jar.out()));
        assertThat(executable.out() + executable.err()).doesNotContain(GitHubFake.TOKEN);
    }

    /** The snapshot less collection.durationMs, the one field that measures the run rather than the repository. */
    private static JsonNode withoutDuration(String snapshot) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(snapshot);
        assertThat(tree.path("collection").has("durationMs")).as("snapshot has collection.durationMs").isTrue();
        ((ObjectNode) tree.path("collection")).remove("durationMs");
        return tree;
    }

    private static Set<String> pngs(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".png"))
                    .map(file -> dir.relativize(file).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
