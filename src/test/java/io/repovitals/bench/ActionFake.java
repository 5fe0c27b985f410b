package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a scheduled run of the action talks to, in one process on 127.0.0.1: {@link FakeGitHub}'s
 * API for the collections, the REST calls that publish the weekly issue (labels, issues, edits), and
 * the repository itself over git's smart HTTP at {@code <server>/bench/vitals.git}, where the history
 * branch is pushed. Every request must carry the token. The repository's default branch is built from
 * the model's commits (same times and authors), so a clone of it is the workspace a checkout leaves.
 */
final class ActionFake implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = RepoModel.OWNER + "/" + RepoModel.NAME;
    private static final Pattern ISSUE_PATH = Pattern.compile("/repos/" + REPO + "/issues(?:/(\\d+))?");
    private static final Pattern LABEL_PATH = Pattern.compile("/repos/" + REPO + "/labels(?:/([^/]+))?");

    private final FakeGitHub github;
    private final Repository bare;
    private final GitSmartHttp git;
    private final List<ObjectNode> issues = new ArrayList<>();
    private final Map<String, ObjectNode> labels = new TreeMap<>();

    ActionFake(RepoModel model, long latencyMillis, String token, Path gitRoot) throws IOException {
        this.bare = repositoryOf(model, gitRoot.resolve(REPO + ".git"));
        this.github = new FakeGitHub(model, latencyMillis, token);
        this.git = new GitSmartHttp(bare, token);
        github.route("/" + REPO + ".git", git);
        github.route("/repos/" + REPO + "/issues", this::publishing);
        github.route("/repos/" + REPO + "/labels", this::publishing);
    }

    /** {@code GITHUB_SERVER_URL}: web pages and git, without a trailing slash. */
    String serverUrl() {
        String api = github.api().toString();
        return api.substring(0, api.length() - 1);
    }

    /** {@code GITHUB_API_URL}, as GitHub Enterprise Server gives it (same host), without a trailing slash. */
    String apiUrl() {
        return serverUrl();
    }

    URI graphqlUrl() {
        return github.graphql();
    }

    /** The bare repository behind {@code <server>/bench/vitals.git}. */
    Repository repository() {
        return bare;
    }

    Path repositoryDirectory() {
        return bare.getDirectory().toPath();
    }

    int pushes() {
        return git.pushes();
    }

    synchronized List<JsonNode> issues() {
        return List.copyOf(issues);
    }

    Map<String, Integer> counts() {
        return github.counts();
    }

    @Override
    public void close() {
        github.close();
        bare.close();
    }

    /**
     * A bare repository whose default branch has one commit per model commit, oldest first, committed
     * at the model's time by the model's author (the GitHub no-reply address of a linked author).
     */
    private static Repository repositoryOf(RepoModel model, Path bareDirectory) throws IOException {
        Path work = Files.createTempDirectory("fake-repository");
        try (Git repo = Git.init().setDirectory(work.toFile()).setInitialBranch(RepoModel.BRANCH).call()) {
            List<RepoModel.Commit> oldestFirst = new ArrayList<>(model.commits);
            java.util.Collections.reverse(oldestFirst);
            int serial = 0;
            for (RepoModel.Commit commit : oldestFirst) {
                Path file = work.resolve("src/module" + (serial++ % 7) + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "line " + serial + "\n".repeat(1 + commit.additions() % 5),
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                String email = commit.user() == null ? commit.email()
                        : (1000 + serial) + "+" + commit.user().login() + "@users.noreply.github.com";
                PersonIdent who = new PersonIdent(commit.name(), email, java.util.Date.from(commit.committed()),
                        TimeZone.getTimeZone("UTC"));
                repo.add().addFilepattern(".").call();
                repo.commit().setMessage("Change " + serial).setAuthor(who).setCommitter(who).setSign(false).call();
            }
            Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bareDirectory.toFile()).setBare(true)
                    .call().close();
        } catch (GitAPIException e) {
            throw new IOException("cannot build the fake repository: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
        return Git.open(bareDirectory.toFile()).getRepository();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---------------------------------------------------------------- publishing (REST)

    private void publishing(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!github.authorized(exchange)) {
                answer(exchange, 401, JSON.createObjectNode().put("message", "Bad credentials"));
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            github.countRequest("rest " + method + " " + path.replaceAll("/\\d+$", "/N"));
            Matcher issue = ISSUE_PATH.matcher(path);
            Matcher label = LABEL_PATH.matcher(path);
            if (issue.matches()) {
                answerIssue(exchange, method, issue.group(1));
            } else if (label.matches()) {
                answerLabel(exchange, method, label.group(1));
            } else {
                answer(exchange, 404, JSON.createObjectNode().put("message", "Not Found"));
            }
        }
    }

    private synchronized void answerIssue(HttpExchange exchange, String method, String number) throws IOException {
        if (method.equals("GET") && number == null) {
            String query = exchange.getRequestURI().getQuery();
            String wanted = query == null ? null : query.replaceAll(".*(?:^|&)labels=([^&]*).*", "$1");
            ArrayNode list = JSON.createArrayNode();
            for (ObjectNode candidate : issues) {
                boolean labelled = wanted == null || hasLabel(candidate, java.net.URLDecoder.decode(wanted, StandardCharsets.UTF_8));
                if (labelled && candidate.path("state").asText().equals("open")) {
                    list.add(candidate);
                }
            }
            answer(exchange, 200, list);
        } else if (method.equals("POST") && number == null) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            int next = 100 + issues.size();
            ObjectNode created = JSON.createObjectNode().put("id", 9000 + next).put("node_id", "I_" + next)
                    .put("number", next).put("state", "open")
                    .put("title", request.path("title").asText()).put("body", request.path("body").asText())
                    .put("html_url", serverUrl() + "/" + REPO + "/issues/" + next)
                    .put("url", serverUrl() + "/repos/" + REPO + "/issues/" + next)
                    .put("created_at", Instant.now().toString()).put("updated_at", Instant.now().toString())
                    .put("comments", 0);
            created.putObject("user").put("login", "github-actions[bot]").put("id", 41898282).put("type", "Bot");
            ArrayNode names = created.putArray("labels");
            request.path("labels").forEach(name -> names.addObject().put("name", name.asText()));
            issues.add(created);
            answer(exchange, 201, created);
        } else if (number != null) {
            ObjectNode existing = issues.stream().filter(candidate -> candidate.path("number").asText().equals(number))
                    .findFirst().orElse(null);
            if (existing == null) {
                answer(exchange, 404, JSON.createObjectNode().put("message", "Not Found"));
            } else {
                if (method.equals("PATCH")) {
                    JsonNode request = JSON.readTree(exchange.getRequestBody());
                    request.fields().forEachRemaining(field -> existing.set(field.getKey(), field.getValue()));
                }
                answer(exchange, 200, existing);
            }
        } else {
            answer(exchange, 405, JSON.createObjectNode().put("message", "Method Not Allowed"));
        }
    }

    private static boolean hasLabel(JsonNode issue, String name) {
        for (JsonNode label : issue.path("labels")) {
            if (label.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void answerLabel(HttpExchange exchange, String method, String name) throws IOException {
        if (method.equals("GET") && name != null) {
            ObjectNode label = labels.get(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8));
            answer(exchange, label == null ? 404 : 200, label == null ? JSON.createObjectNode().put("message", "Not Found") : label);
        } else if (method.equals("POST") && name == null) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ObjectNode label = JSON.createObjectNode().put("id", 500 + labels.size())
                    .put("name", request.path("name").asText()).put("color", request.path("color").asText("ededed"))
                    .put("description", request.path("description").asText(""))
                    .put("url", serverUrl() + "/repos/" + REPO + "/labels/" + request.path("name").asText());
            labels.put(label.path("name").asText(), label);
            answer(exchange, 201, label);
        } else {
            answer(exchange, 405, JSON.createObjectNode().put("message", "Method Not Allowed"));
        }
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
