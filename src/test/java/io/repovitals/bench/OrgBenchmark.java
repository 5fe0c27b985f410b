package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Organisation benchmark (issue 16): {@code repo-vitals collect --organizations acme} as a separate JVM (the
 * jar given, so a build of another commit can be measured the same way) against {@link OrgFakeGitHub} at 50 ms
 * a request, in Actions mode (workflow commands on). Prints, per size and jar: requests (GraphQL and REST, as
 * the fake served them), requests per collected repository, GraphQL cost, wall seconds, annotations
 * ({@code ::warning::} and {@code ::error::} lines), log lines and peak RSS (GNU time's maximum resident set).
 * With two jars it also compares the snapshots of the active (light and busy) repositories, metric by metric
 * and reason by reason. Not a unit test: it judges nothing.
 * <p>Usage: {@code OrgBenchmark --jar PATH [--jar PATH] [--latency MS] [sizes...]} (sizes default 200 1000).
 */
public final class OrgBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    private OrgBenchmark() {}

    record Result(String jar, int size, int collected, OrgFakeGitHub.Tally requests, int cost, double seconds, int annotations,
                  int logLines, long rssKb, Map<String, JsonNode> snapshots) {}

    public static void main(String[] args) throws Exception {
        List<Path> jars = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        long latency = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jars.add(Path.of(args[++i]).toAbsolutePath());
                case "--latency" -> latency = Long.parseLong(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (jars.isEmpty()) {
            System.err.println("error: --jar PATH is required (target/repo-vitals.jar)");
            System.exit(2);
        }
        if (sizes.isEmpty()) {
            sizes = List.of(200, 1000);
        }
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            try (OrgFakeGitHub fake = new OrgFakeGitHub(size, AS_OF, latency)) {
                Map<OrgFakeGitHub.Kind, Integer> shape = new HashMap<>();
                fake.members().stream().filter(m -> !m.archived()).forEach(m -> shape.merge(m.kind(), 1, Integer::sum));
                System.out.printf("organisation of %d: %d archived, %d forks; not archived: %s%n", size,
                        fake.members().stream().filter(OrgFakeGitHub.Member::archived).count(),
                        fake.members().stream().filter(OrgFakeGitHub.Member::fork).count(), shape);
                List<Result> sizeResults = new ArrayList<>();
                for (Path jar : jars) {
                    fake.reset();
                    Result result = run(fake, jar, size);
                    sizeResults.add(result);
                    results.add(result);
                    System.out.printf("  %s: %d requests in %.1f s, served %s%n", jar, result.requests().total(), result.seconds(),
                            fake.counts());
                }
                if (sizeResults.size() == 2) {
                    compare(fake, sizeResults.get(0), sizeResults.get(1));
                }
            }
        }
        System.out.println();
        System.out.println("| jar | repositories | collected | requests | GraphQL | REST | per repository | GraphQL cost | wall s | annotations | log lines | peak RSS MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f | %d | %.1f | %d | %d | %d |%n", r.jar(), r.size(), r.collected(),
                    r.requests().total(), r.requests().graphql(), r.requests().rest(),
                    r.requests().total() / (double) Math.max(1, r.collected()), r.cost(), r.seconds(), r.annotations(),
                    r.logLines(), r.rssKb() / 1024);
        }
    }

    private static Result run(OrgFakeGitHub fake, Path jar, int size) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("org-bench");
        Path out = work.resolve("snapshots.json");
        Path log = work.resolve("log.txt");
        Path rss = work.resolve("rss.txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "collect", "--organizations", OrgFakeGitHub.ORG, "--as-of", AS_OF.toString(), "--out", out.toString(),
                // Commits from the API, as the figures were measured (no clone, no git fetch).
                "--git-fetch-max-mb", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("GITHUB_") || key.startsWith("INPUT_") || key.startsWith("RUNNER_"));
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_API_URL", fake.api().toString());
        env.put("GITHUB_GRAPHQL_URL", fake.api() + "/graphql");
        env.put("GITHUB_TOKEN", "bench-token");
        // Nothing may reach github.com: git, were it enabled, would ask the fake (which has no git).
        env.put("GITHUB_SERVER_URL", fake.api().toString());
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (exit != 0) {
            System.out.println("  exit " + exit + "; last lines of the log:");
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(line -> System.out.println("    " + line));
        }
        int annotations = (int) lines.stream().filter(line -> line.startsWith("::warning") || line.startsWith("::error")
                || line.startsWith("::notice")).count();
        Map<String, JsonNode> snapshots = new HashMap<>();
        if (Files.exists(out)) {
            JsonNode all = JSON.readTree(out.toFile());
            for (JsonNode snapshot : all.isArray() ? all : JSON.createArrayNode().add(all)) {
                snapshots.put(snapshot.path("repository").asText(), snapshot);
            }
        }
        String peak = Files.exists(rss) ? Files.readString(rss).trim() : "0";
        long rssKb = Long.parseLong(peak.substring(peak.lastIndexOf('\n') + 1).trim());
        Files.writeString(Path.of("target", "org-bench-" + size + "-" + jar.getParent().getParent().getFileName() + ".log"), String.join("\n", lines));
        return new Result(jar.toString(), size, snapshots.size(), fake.tally(), fake.graphqlCost(), seconds, annotations,
                lines.size(), rssKb, snapshots);
    }

    /** The active repositories' metrics and missing reasons, before against after. */
    private static void compare(OrgFakeGitHub fake, Result before, Result after) {
        int active = 0;
        int same = 0;
        List<String> differences = new ArrayList<>();
        for (OrgFakeGitHub.Member member : fake.members()) {
            if (member.archived() || !(member.kind() == OrgFakeGitHub.Kind.LIGHT || member.kind() == OrgFakeGitHub.Kind.BUSY)) {
                continue;
            }
            active++;
            String name = OrgFakeGitHub.ORG + "/" + member.name();
            JsonNode a = before.snapshots().get(name);
            JsonNode b = after.snapshots().get(name);
            if (a != null && b != null && a.path("metrics").equals(b.path("metrics")) && a.path("missing").equals(b.path("missing"))
                    && a.path("contributors").equals(b.path("contributors"))) {
                same++;
            } else if (differences.size() < 5) {
                differences.add(name + ": " + (a == null || b == null ? "not collected" : diff(a, b)));
            }
        }
        System.out.printf("  active repositories with the same metrics, missing reasons and contributors: %d of %d%n", same, active);
        differences.forEach(line -> System.out.println("    " + line));
    }

    private static String diff(JsonNode a, JsonNode b) {
        List<String> keys = new ArrayList<>();
        for (String block : List.of("metrics", "missing")) {
            a.path(block).fieldNames().forEachRemaining(key -> {
                if (!a.path(block).path(key).equals(b.path(block).path(key))) {
                    keys.add(block + "." + key + " " + a.path(block).path(key) + " -> " + b.path(block).path(key));
                }
            });
        }
        return keys.isEmpty() ? "contributors differ" : String.join("; ", keys.subList(0, Math.min(4, keys.size())));
    }
}
