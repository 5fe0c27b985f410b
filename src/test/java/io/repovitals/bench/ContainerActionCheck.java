package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the action's container image the way GitHub's runner runs a container action
 * (actions/runner ContainerActionHandler), against {@link ActionFake}, and checks what a user would
 * see: exit 0, the weekly issue opened, the step outputs and the job summary written, PNG charts drawn,
 * the history branch pushed, and the token in nothing but the one {@code ::add-mask::} command.
 * <p>As the runner does: the workspace (a clone of the repository) at {@code /github/workspace}, which
 * is also the working directory, {@code HOME=/github/home}, the event at {@code /github/workflow/event.json},
 * {@code GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY} files under {@code /github/file_commands}, every
 * declared input as {@code INPUT_<NAME>} with its dashes (defaults applied, the token from
 * {@code github.token}), the {@code GITHUB_*} and {@code RUNNER_*} variables, and the arguments of
 * action.yml's {@code runs.args} ({@code ${{ inputs.command }}}, an empty string when unset).
 * <p>Engines: {@code docker} ({@code docker run}, where an engine runs), or {@code chroot} for a machine
 * where containers cannot start (no CAP_SYS_RESOURCE for the runtime's rlimits): the image's file system
 * from {@code podman create} + {@code podman mount}, the entrypoint run there under {@code chroot} with the
 * same bind mounts and environment. Start it in a network namespace of its own ({@code unshare -n}) and
 * the fake is the only network the run has.
 * <p>Usage: {@code ContainerActionCheck --image NAME [--engine chroot|docker] [--runs N] [--latency MS]
 * [--prs N] [--work DIR]}. Prints one line per check and a table of timings; exits 1 when a check fails.
 */
public final class ContainerActionCheck {
    private static final String REPOSITORY = RepoModel.OWNER + "/" + RepoModel.NAME;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final String image;
    private final String engine;
    private final Path work;
    private final String token = "ghs_" + randomAlnum(36);
    private final List<String> failures = new ArrayList<>();

    private ContainerActionCheck(String image, String engine, Path work) {
        this.image = image;
        this.engine = engine;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String image = options.get("image");
        if (image == null) {
            System.err.println("error: --image NAME is required (the image built from the Dockerfile)");
            System.exit(2);
        }
        String engine = options.getOrDefault("engine", "chroot");
        if (!engine.equals("chroot") && !engine.equals("docker")) {
            System.err.println("error: --engine " + engine + " is not known: use chroot or docker");
            System.exit(2);
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        long latency = Long.parseLong(options.getOrDefault("latency", "0"));
        int prs = Integer.parseInt(options.getOrDefault("prs", "100"));
        Path work = Path.of(options.getOrDefault("work", Files.createTempDirectory("container-check").toString()));
        boolean passed = new ContainerActionCheck(image, engine, work).check(runs, latency, prs);
        System.exit(passed ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Run {@code runs} times (the first is a repository's first run, with its backfill; later ones are the daily run). */
    private boolean check(int runs, long latencyMillis, int prs) throws Exception {
        // The model ends now, as a scheduled run sees its repository: no as-of input.
        RepoModel model = new RepoModel(prs, Instant.now().truncatedTo(ChronoUnit.MINUTES), 7);
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "container check: image %s, engine %s, %d runs, %d PRs per 90 days, %d ms per request, in %s%n",
                image, engine, runs, prs, latencyMillis, work);
        try (ActionFake fake = new ActionFake(model, latencyMillis, token, work.resolve("remote"))) {
            Path workspace = work.resolve("work/vitals/vitals");
            cloneWorkspace(fake, workspace);
            List<String> timings = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                RunnerLayout layout = RunnerLayout.create(work.resolve("work/_temp"), workspace);
                Map<String, Integer> before = fake.counts();
                long started = System.nanoTime();
                int exit = runAction(fake, layout, run);
                double seconds = (System.nanoTime() - started) / 1e9;
                int requests = requests(fake.counts()) - requests(before);
                timings.add(String.format(Locale.ROOT, "| %d | %s | %d | %.2f |", run, run == 1 ? "first (backfill)" : "daily", requests, seconds));
                checkRun(fake, layout, workspace, run, exit);
            }
            System.out.println();
            System.out.println("| run | kind | API requests | seconds (entrypoint start to exit) |");
            System.out.println("|---:|---|---:|---:|");
            timings.forEach(System.out::println);
        }
        if (failures.isEmpty()) {
            System.out.println("container check: passed");
            return true;
        }
        System.out.println("container check: FAILED");
        failures.forEach(failure -> System.out.println("  - " + failure));
        return false;
    }

    private static int requests(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(entry -> !entry.getKey().startsWith("detail"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** What actions/checkout with fetch-depth: 0 leaves: a full clone whose origin is the repository's URL. */
    private void cloneWorkspace(ActionFake fake, Path workspace) throws Exception {
        Files.createDirectories(workspace.getParent());
        try (Git clone = Git.cloneRepository().setURI(fake.repositoryDirectory().toUri().toString())
                .setDirectory(workspace.toFile()).call()) {
            var config = clone.getRepository().getConfig();
            config.setString("remote", "origin", "url", fake.serverUrl() + "/" + REPOSITORY);
            config.save();
        }
    }

    // ---------------------------------------------------------------- the runner's side

    /** The folders the runner makes under its temp folder and mounts into the container. */
    record RunnerLayout(Path home, Path workflow, Path fileCommands, Path workspace, String outputFile, String summaryFile) {
        static RunnerLayout create(Path temp, Path workspace) throws IOException {
            Path home = Files.createDirectories(temp.resolve("_github_home"));
            Path workflow = Files.createDirectories(temp.resolve("_github_workflow"));
            Path fileCommands = Files.createDirectories(temp.resolve("_runner_file_commands"));
            // A fresh pair of file-command files per step, as the runner makes them.
            String id = UUID.randomUUID().toString();
            String output = "set_output_" + id;
            String summary = "step_summary_" + id;
            Files.writeString(fileCommands.resolve(output), "");
            Files.writeString(fileCommands.resolve(summary), "");
            Files.writeString(workflow.resolve("event.json"), "{\"schedule\":\"17 5 * * *\"}\n");
            return new RunnerLayout(home, workflow, fileCommands, workspace, output, summary);
        }

        Path hostOutput() {
            return fileCommands.resolve(outputFile);
        }

        Path hostSummary() {
            return fileCommands.resolve(summaryFile);
        }
    }

    /** The environment the runner gives a container action on a scheduled workflow, with container paths. */
    private Map<String, String> environment(ActionFake fake, RunnerLayout layout, int run) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.putAll(inputs());
        env.put("HOME", "/github/home");
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_ACTION", "__repo-vitals_repo-vitals");
        env.put("GITHUB_ACTION_REPOSITORY", "repo-vitals/repo-vitals");
        env.put("GITHUB_ACTION_REF", "v1");
        env.put("GITHUB_ACTOR", "octocat");
        env.put("GITHUB_ACTOR_ID", "583231");
        env.put("GITHUB_TRIGGERING_ACTOR", "octocat");
        env.put("GITHUB_API_URL", fake.apiUrl());
        env.put("GITHUB_GRAPHQL_URL", fake.graphqlUrl().toString());
        env.put("GITHUB_SERVER_URL", fake.serverUrl());
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        env.put("GITHUB_REPOSITORY_ID", "4242");
        env.put("GITHUB_REPOSITORY_OWNER", RepoModel.OWNER);
        env.put("GITHUB_REPOSITORY_OWNER_ID", "4141");
        env.put("GITHUB_EVENT_NAME", "schedule");
        env.put("GITHUB_EVENT_PATH", "/github/workflow/event.json");
        env.put("GITHUB_WORKSPACE", "/github/workspace");
        env.put("GITHUB_OUTPUT", "/github/file_commands/" + layout.outputFile());
        env.put("GITHUB_STEP_SUMMARY", "/github/file_commands/" + layout.summaryFile());
        env.put("GITHUB_ENV", "/github/file_commands/set_env_" + run);
        env.put("GITHUB_PATH", "/github/file_commands/add_path_" + run);
        env.put("GITHUB_STATE", "/github/file_commands/save_state_" + run);
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REF_NAME", "main");
        env.put("GITHUB_REF_TYPE", "branch");
        env.put("GITHUB_REF_PROTECTED", "false");
        env.put("GITHUB_SHA", fake.repository().resolve("refs/heads/main").name());
        env.put("GITHUB_BASE_REF", "");
        env.put("GITHUB_HEAD_REF", "");
        env.put("GITHUB_WORKFLOW", "repo-vitals");
        env.put("GITHUB_WORKFLOW_REF", REPOSITORY + "/.github/workflows/repo-vitals.yml@refs/heads/main");
        env.put("GITHUB_WORKFLOW_SHA", fake.repository().resolve("refs/heads/main").name());
        env.put("GITHUB_JOB", "vitals");
        env.put("GITHUB_RUN_ID", Long.toString(9_000_000L + run));
        env.put("GITHUB_RUN_NUMBER", Integer.toString(run));
        env.put("GITHUB_RUN_ATTEMPT", "1");
        env.put("GITHUB_RETENTION_DAYS", "90");
        env.put("RUNNER_OS", "Linux");
        env.put("RUNNER_ARCH", "X64");
        env.put("RUNNER_NAME", "GitHub Actions 2");
        env.put("RUNNER_ENVIRONMENT", "github-hosted");
        // Host paths the runner passes untranslated (they are not mounted), as on GitHub.
        env.put("RUNNER_TEMP", "/home/runner/work/_temp");
        env.put("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache");
        env.put("RUNNER_WORKSPACE", "/home/runner/work/vitals");
        env.put("ACTIONS_RUNTIME_URL", fake.serverUrl() + "/_runtime/");
        env.put("ACTIONS_RUNTIME_TOKEN", "runtime-" + randomAlnum(20));
        return env;
    }

    /**
     * {@code INPUT_<NAME>} for every input of action.yml that has a default (the workflow's step sets
     * no {@code with:}), upper-cased with its dashes kept, as the runner names them; the token's default
     * {@code ${{ github.token }}} is the job's token.
     */
    private Map<String, String> inputs() throws IOException {
        JsonNode action = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("action.yml").toFile());
        Map<String, String> env = new LinkedHashMap<>();
        action.path("inputs").fields().forEachRemaining(input -> {
            JsonNode value = input.getValue().get("default");
            if (value != null) {
                String text = value.asText().replace("${{ github.token }}", token);
                env.put("INPUT_" + input.getKey().toUpperCase(Locale.ROOT), text);
            }
        });
        return env;
    }

    private int runAction(ActionFake fake, RunnerLayout layout, int run) throws Exception {
        Map<String, String> env = environment(fake, layout, run);
        Path stdout = work.resolve("run" + run + ".stdout");
        Path stderr = work.resolve("run" + run + ".stderr");
        // runs.args: [ ${{ inputs.command }} ]: the runner passes "" for an unset input.
        List<String> args = List.of("");
        int exit = engine.equals("docker") ? dockerRun(env, layout, args, stdout, stderr)
                : chrootRun(env, layout, args, stdout, stderr);
        System.out.printf(Locale.ROOT, "run %d exited %d; log: %s%n", run, exit, stdout);
        return exit;
    }

    private int dockerRun(Map<String, String> env, RunnerLayout layout, List<String> args, Path stdout, Path stderr)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "host",
                "--workdir", "/github/workspace",
                "-v", layout.home() + ":/github/home", "-v", layout.workflow() + ":/github/workflow",
                "-v", layout.fileCommands() + ":/github/file_commands", "-v", layout.workspace() + ":/github/workspace"));
        env.keySet().stream().filter(name -> !name.equals("PATH")).forEach(name -> command.addAll(List.of("-e", name)));
        command.add(image);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return await(builder, stdout, stderr);
    }

    /** The image's file system with the runner's mounts, the entrypoint run in it under chroot. */
    private int chrootRun(Map<String, String> env, RunnerLayout layout, List<String> args, Path stdout, Path stderr)
            throws Exception {
        List<String> entrypoint = List.of(exec("podman", "image", "inspect", "--format",
                "{{range .Config.Entrypoint}}{{.}}\n{{end}}", image).strip().split("\n"));
        String container = exec("podman", "create", image).strip();
        List<Path> mounts = new ArrayList<>();
        try {
            Path root = Path.of(exec("podman", "mount", container).strip());
            bind(layout.home(), root.resolve("github/home"), mounts);
            bind(layout.workflow(), root.resolve("github/workflow"), mounts);
            bind(layout.fileCommands(), root.resolve("github/file_commands"), mounts);
            bind(layout.workspace(), root.resolve("github/workspace"), mounts);
            bind(Path.of("/dev"), root.resolve("dev"), mounts);
            Path proc = Files.createDirectories(root.resolve("proc"));
            exec("mount", "-t", "proc", "proc", proc.toString());
            mounts.add(proc);
            List<String> command = new ArrayList<>(List.of("chroot", root.toString(), "/bin/sh", "-c",
                    "cd /github/workspace && exec \"$@\"", "entrypoint"));
            command.addAll(entrypoint);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(env);
            return await(builder, stdout, stderr);
        } finally {
            for (int i = mounts.size() - 1; i >= 0; i--) {
                exec("umount", mounts.get(i).toString());
            }
            exec("podman", "umount", container);
            exec("podman", "rm", container);
        }
    }

    private static void bind(Path from, Path to, List<Path> mounts) throws Exception {
        Files.createDirectories(to);
        exec("mount", "--bind", from.toString(), to.toString());
        mounts.add(to);
    }

    private static int await(ProcessBuilder builder, Path stdout, Path stderr) throws Exception {
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the action did not finish within " + RUN_TIMEOUT);
        }
        return process.exitValue();
    }

    private static String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    // ---------------------------------------------------------------- the checks

    private void checkRun(ActionFake fake, RunnerLayout layout, Path workspace, int run, int exit) throws Exception {
        String stdout = Files.readString(work.resolve("run" + run + ".stdout"));
        String stderr = Files.readString(work.resolve("run" + run + ".stderr"));
        // The check's own log never shows the token either: the add-mask line is left out of the excerpt.
        String log = (stdout + stderr).replace("::add-mask::" + token, "::add-mask::***");
        expect(exit == 0, "run %d exits 0 (it exited %d; last lines: %s)", run, exit, tail(log, 12));

        List<JsonNode> issues = fake.issues();
        expect(issues.size() == 1 && issues.get(0).path("title").asText().contains(REPOSITORY),
                "run %d: the weekly issue is open, once (issues: %s)", run,
                issues.stream().map(issue -> issue.path("title").asText()).toList());

        Map<String, String> outputs = outputs(Files.readString(layout.hostOutput()));
        expect(outputs.getOrDefault("health-score", "").matches("\\d+(\\.\\d+)?"),
                "run %d: output health-score is a number (outputs: %s)", run, outputs.keySet());
        expect(outputs.getOrDefault("health-grade", "").matches("[A-F]"), "run %d: output health-grade is a grade", run);
        String issueUrl = issues.isEmpty() ? "(no issue)" : issues.get(0).path("html_url").asText();
        expect(issueUrl.equals(outputs.get("issue-url")), "run %d: output issue-url is the issue's (%s, got %s)",
                run, issueUrl, outputs.get("issue-url"));

        String summary = Files.readString(layout.hostSummary());
        expect(summary.contains(REPOSITORY) && summary.length() > 200,
                "run %d: the job summary is written (%d characters)", run, summary.length());

        Path charts = workspace.resolve("repo-vitals-out/charts");
        long pngs = 0;
        if (Files.isDirectory(charts)) {
            try (Stream<Path> files = Files.walk(charts)) {
                pngs = files.filter(path -> path.toString().endsWith(".png")).filter(ContainerActionCheck::isPng).count();
            }
        }
        expect(pngs >= 3, "run %d: at least 3 PNG charts drawn in output-dir (found %d)", run, pngs);

        Ref history = fake.repository().exactRef("refs/heads/repo-vitals-data");
        expect(history != null && fake.pushes() >= run,
                "run %d: the history branch repo-vitals-data is pushed to the fake's git remote (pushes: %d)", run, fake.pushes());

        List<String> leaks = new ArrayList<>();
        scan("stdout", stdout.replace("::add-mask::" + token + "\n", ""), leaks);
        expect(stdout.contains("::add-mask::" + token), "run %d: the token is masked first (::add-mask::)", run);
        scan("stderr", stderr, leaks);
        scan("GITHUB_OUTPUT", Files.readString(layout.hostOutput()), leaks);
        scan("job summary", summary, leaks);
        issues.forEach(issue -> scan("issue body", issue.path("body").asText(), leaks));
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scan(workspace.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), leaks);
            }
        }
        try (Stream<Path> files = Files.walk(layout.home())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scan("HOME/" + layout.home().relativize(file), Files.readString(file, StandardCharsets.ISO_8859_1), leaks);
            }
        }
        if (history != null) {
            scanBranch(fake, history.getObjectId(), leaks);
        }
        expect(leaks.isEmpty(), "run %d: the token appears in no output, file or commit (found in %s)", run, leaks);
    }

    private void scan(String where, String text, List<String> leaks) {
        if (text.contains(token)) {
            leaks.add(where);
        }
    }

    /** Every file of the history branch's tip and its commit messages. */
    private void scanBranch(ActionFake fake, ObjectId tip, List<String> leaks) throws IOException {
        try (RevWalk walk = new RevWalk(fake.repository())) {
            RevCommit commit = walk.parseCommit(tip);
            scan("history commit message", commit.getFullMessage(), leaks);
            try (TreeWalk tree = new TreeWalk(fake.repository())) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    ObjectLoader blob = fake.repository().open(tree.getObjectId(0));
                    scan("history " + tree.getPathString(), new String(blob.getBytes(), StandardCharsets.ISO_8859_1), leaks);
                }
            }
        }
    }

    /** name=value lines and name<<DELIMITER heredocs, as the runner reads GITHUB_OUTPUT. */
    static Map<String, String> outputs(String file) {
        Map<String, String> outputs = new LinkedHashMap<>();
        String[] lines = file.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; i < lines.length && !lines[i].equals(delimiter); i++) {
                    value.append(value.isEmpty() ? "" : "\n").append(lines[i]);
                }
                outputs.put(line.substring(0, heredoc), value.toString());
            } else if (equals > 0) {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return outputs;
    }

    private static boolean isPng(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        } catch (IOException e) {
            return false;
        }
    }

    private void expect(boolean holds, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println((holds ? "ok    " : "FAIL  ") + line);
        if (!holds) {
            failures.add(line);
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join(" | ", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static String randomAlnum(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
