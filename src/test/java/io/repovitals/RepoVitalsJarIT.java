package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run in its own JVM as a user would, against a server that speaks the GitHub API. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepoVitalsJarIT {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;

    private record Result(int exitCode, String out, String err) {}

    private Result java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(System.getProperty("repovitals.jar"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GITHUB_") || name.startsWith("INPUT_"));
        builder.environment().putAll(env);
        builder.environment().put(io.repovitals.config.Inputs.GIT_FETCH_MAX_MB.envName(), "0"); // no history fetch from github.com in a test
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void should_collect_a_contract_shaped_snapshot() throws Exception {
        github.stubFor(GitHubFake.graphql("o", "r").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "o", "r");

        Result result = java(Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_TOKEN", GitHubFake.TOKEN),
                "collect", "--repositories", "o/r", "--as-of", "2026-11-20T00:00:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode snapshot = new ObjectMapper().readTree(result.out());
        assertThat(snapshot.fieldNames()).toIterable().containsExactly("schemaVersion", "repository", "asOf",
                "windowDays", "metrics", "missing", "contributors", "traffic", "collection");
        assertThat(snapshot.path("repository").asText()).isEqualTo("o/r");
        assertThat(snapshot.path("metrics").path("repo.stars").asLong()).isEqualTo(3);
        assertThat(snapshot.path("collection").path("requests").asInt()).isEqualTo(github.getAllServeEvents().size());
        assertThat(result.out() + result.err()).doesNotContain(GitHubFake.TOKEN);
    }

    @Test
    void should_run_the_demo_offline() throws Exception {
        Result result = java(Map.of(), "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(workDir.resolve("repo-vitals-demo/report.md")).content().contains("acme/rocket");
    }
}
