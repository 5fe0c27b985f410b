package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.repovitals.bench.RepoModel.Actor;
import io.repovitals.bench.RepoModel.Event;
import io.repovitals.bench.RepoModel.Issue;
import io.repovitals.bench.RepoModel.Note;
import io.repovitals.bench.RepoModel.Pr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process GitHub on 127.0.0.1 answering, from one {@link RepoModel}, the GraphQL operations and
 * REST lists the collectors send, with a fixed latency per request. It honours what decides paging on
 * GitHub: {@code first}/{@code after} cursors (nested sizes are read from each query's text), {@code since}
 * and {@code until} on history and timelines, {@code filterBy.since}, {@code states}, {@code environments},
 * {@code UPDATED_AT DESC} and {@code CREATED_AT DESC},
 * {@code @include(if: $withX)}, REST {@code page}/{@code per_page} with {@code Link} headers, the runs'
 * {@code created}, {@code branch} and {@code status} filters and their 1,000-result cap ({@code total_count}
 * still tells the full count). Each request is counted under the collection it serves.
 */
final class FakeGitHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("query\\s+(\\w+)");
    private static final Set<String> ISSUE_EVENTS = Set.of("ClosedEvent", "ReopenedEvent");
    private static final Set<String> PR_EVENTS = Set.of("ClosedEvent", "ReopenedEvent", "MergedEvent");

    private final RepoModel model;
    private final String repoPath;
    private volatile URI servedUnder;
    private final long latencyMillis;
    private final String token;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> counts = new TreeMap<>();
    private final Map<String, Pr> prsById = new HashMap<>();
    private final Map<String, Issue> issuesById = new HashMap<>();

    FakeGitHub(RepoModel model, long latencyMillis) throws IOException {
        this(model, latencyMillis, null);
    }

    /** @param token when not null, every request must carry it (REST {@code token}/{@code Bearer}), as GitHub's API does */
    FakeGitHub(RepoModel model, long latencyMillis, String token) throws IOException {
        this(model, latencyMillis, token, true);
    }

    /**
     * @param serve false for a repository of an {@link OrgFakeGitHub}, which serves it through {@link #answer}
     *              (no server of its own, no latency)
     */
    FakeGitHub(RepoModel model, long latencyMillis, String token, boolean serve) throws IOException {
        this.model = model;
        this.repoPath = "/repos/" + model.owner + "/" + model.name;
        this.latencyMillis = latencyMillis;
        this.token = token;
        model.prs.forEach(pr -> prsById.put(pr.id, pr));
        model.issues.forEach(issue -> issuesById.put(issue.id, issue));
        if (!serve) {
            server = null;
            return;
        }
        // Without it, Nagle's algorithm and delayed ACKs add about 40 ms to the 50 of every answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI api() {
        if (server == null) {
            return servedUnder;
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Without a server of its own: the address it is served under (for the REST Link headers). */
    void servedUnder(URI api) {
        this.servedUnder = api;
    }

    URI graphql() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    /**
     * Requests served since the last reset, by collection (GraphQL operation or REST list); keys starting
     * with "detail" are not requests but notes on some of them.
     */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    /** Serves {@code path} and everything under it with {@code handler} instead (the longest matching path wins). */
    void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /**
     * Whether a request carries the token as GitHub takes it: {@code Authorization: token X} or
     * {@code Bearer X}, the scheme in any case.
     */
    boolean authorized(HttpExchange exchange) {
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        int space = header == null ? -1 : header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        return (scheme.equals("token") || scheme.equals("bearer")) && header.substring(space + 1).equals(token);
    }

    synchronized void countRequest(String what) {
        count(what);
    }

    synchronized void reset() {
        counts.clear();
    }

    private synchronized void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(latencyMillis);
            String path = exchange.getRequestURI().getRawPath();
            Answer answer;
            if (!authorized(exchange)) {
                count("refused " + path);
                answer = new Answer(401, error("Bad credentials"), null);
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/graphql")) {
                answer = graphql(JSON.readTree(exchange.getRequestBody()));
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = rest(path, query(exchange.getRequestURI().getRawQuery()));
            } else {
                answer = new Answer(404, error("Not Found"), null);
            }
            respond(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    /** Writes an answer as GitHub would: JSON, the rate-limit headers, the Link header of a paged list. */
    static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("X-RateLimit-Limit", "5000");
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", "4999");
        exchange.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 3600));
        if (answer.link() != null) {
            exchange.getResponseHeaders().add("Link", answer.link());
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    record Answer(int status, JsonNode body, String link) {}

    /** One request's answer without the server (for {@link OrgFakeGitHub}): a GraphQL body, or a REST GET. */
    Answer answer(String method, String path, String rawQuery, JsonNode graphqlBody) {
        if (method.equals("POST") && path.equals("/graphql")) {
            return graphql(graphqlBody);
        }
        if (method.equals("GET")) {
            return rest(path, query(rawQuery));
        }
        return new Answer(404, error("Not Found"), null);
    }

    // ---------------------------------------------------------------- GraphQL

    private Answer graphql(JsonNode request) {
        String query = request.path("query").asText().replaceAll("#[^\n]*", "");
        JsonNode vars = request.path("variables");
        Matcher operation = OPERATION.matcher(query);
        String name = operation.find() ? operation.group(1) : "?";
        count("graphql " + name);
        Q q = new Q(query, vars);
        if (name.endsWith("More")) {
            // which nested lists overflowed, as "detail" counts (not requests of their own)
            List<String> lists = new ArrayList<>();
            vars.fields().forEachRemaining(field -> {
                if (field.getKey().startsWith("with") && field.getValue().asBoolean()) {
                    lists.add(field.getKey().substring(4).toLowerCase(java.util.Locale.ROOT));
                }
            });
            count("detail " + name + " " + String.join("+", lists));
        }
        ObjectNode data = JSON.createObjectNode();
        ObjectNode rateLimit = data.putObject("rateLimit");
        rateLimit.put("cost", 1).put("remaining", 4999).put("resetAt", Instant.now().plusSeconds(3600).toString());
        switch (name) {
            case "RepoState" -> data.set("repository", repoState(q));
            case "RepoStateEvents" -> data.set("node", stateEventsNode(q));
            case "PullRequests" -> data.set("repository", pullRequests(q));
            case "PullRequestMore" -> data.set("node", pullRequestMore(q));
            case "Issues" -> data.set("repository", issues(q));
            case "IssueMore" -> data.set("node", issueMore(q));
            case "Commits" -> data.set("repository", commits(q));
            case "Deployments" -> data.set("repository", deployments(q));
            case "DeploymentStatuses" -> data.set("node", deploymentStatuses(q));
            default -> {
                return new Answer(200, JSON.createObjectNode().set("errors", JSON.createArrayNode()
                        .add(error("unknown operation " + name))), null);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return new Answer(200, body, null);
    }

    /** A request's text and variables. */
    private record Q(String text, JsonNode vars) {
        boolean with(String flag) {
            return vars.path(flag).asBoolean(false);
        }

        String after(String variable) {
            return vars.path(variable).textValue();
        }

        Instant since() {
            return Instant.parse(vars.path("since").asText());
        }

        /** The page size the query asks of {@code field}: its first {@code field(first: N} in the query. */
        /**
         * The page size of the listed connection {@code field}: the largest first: of its occurrences, as a
         * count-only occurrence asks for first: 1 (repo state's openIssues beside changedIssues).
         */
        int first(String field) {
            Matcher matcher = Pattern.compile("\\b" + field + "\\(first:\\s*(\\d+)").matcher(text);
            int largest = -1;
            while (matcher.find()) {
                largest = Math.max(largest, Integer.parseInt(matcher.group(1)));
            }
            if (largest < 0) {
                throw new IllegalStateException("no " + field + "(first: N) in " + text);
            }
            return largest;
        }
    }

    private static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(("cursor:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        return cursor == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).substring(7));
    }

    static <T> ObjectNode connection(List<T> items, int first, String after, String key, Function<T, JsonNode> node) {
        int from = Math.min(offset(after), items.size());
        int to = Math.min(from + first, items.size());
        ObjectNode connection = JSON.createObjectNode();
        connection.putObject("pageInfo").put("hasNextPage", to < items.size()).put("endCursor", to > from ? cursor(to) : after);
        ArrayNode nodes = connection.putArray(key);
        for (T item : items.subList(from, to)) {
            nodes.add(node.apply(item));
        }
        return connection;
    }

    private static <T> List<T> filter(List<T> items, Predicate<T> keep) {
        return items.stream().filter(keep).toList();
    }

    private ObjectNode repoState(Q q) {
        Instant since = q.since();
        ObjectNode repository = JSON.createObjectNode();
        repository.put("nameWithOwner", model.owner + "/" + model.name);
        if (model.prsPer90Days == 0) {
            repository.putNull("defaultBranchRef");
        } else {
            repository.putObject("defaultBranchRef").put("name", RepoModel.BRANCH);
        }
        repository.put("stargazerCount", model.olderStars + model.stars.size());
        repository.put("forkCount", model.olderForks + model.forks.size());
        repository.putObject("watchers").put("totalCount", model.prsPer90Days / 10);
        repository.putObject("openIssues").put("totalCount", model.openIssues());
        repository.putObject("openPullRequests").put("totalCount", model.openPrs());
        repository.putObject("branches").put("totalCount", model.prsPer90Days == 0 ? 0 : 12);
        if (q.with("withStars")) {
            repository.set("stargazers", connection(model.stars, q.first("stargazers"), q.after("starsAfter"), "edges",
                    at -> JSON.createObjectNode().put("starredAt", at.toString())));
        }
        if (q.with("withForks")) {
            repository.set("forks", connection(model.forks, q.first("forks"), q.after("forksAfter"), "nodes",
                    at -> JSON.createObjectNode().put("createdAt", at.toString())));
        }
        int events = q.first("timelineItems");
        if (q.with("withIssues")) {
            repository.set("changedIssues", connection(filter(model.issues, issue -> !issue.updated.isBefore(since)),
                    q.first("issues"), q.after("issuesAfter"), "nodes", issue -> {
                        ObjectNode node = JSON.createObjectNode().put("id", issue.id)
                                .put("createdAt", issue.created.toString()).put("state", issue.state);
                        node.set("timelineItems", timeline(issue.events, ISSUE_EVENTS, since, events, null));
                        return node;
                    }));
        }
        if (q.with("withPullRequests")) {
            repository.set("changedPullRequests", connection(model.prs, q.first("pullRequests"), q.after("pullRequestsAfter"),
                    "nodes", pr -> {
                        ObjectNode node = JSON.createObjectNode().put("id", pr.id).put("createdAt", pr.created.toString())
                                .put("updatedAt", pr.updated.toString()).put("state", pr.state);
                        node.set("timelineItems", timeline(pr.events, PR_EVENTS, since, events, null));
                        return node;
                    }));
        }
        return repository;
    }

    private static ObjectNode timeline(List<Event> events, Set<String> types, Instant since, int first, String after) {
        return connection(filter(events, event -> types.contains(event.type()) && !event.at().isBefore(since)),
                first, after, "nodes", event -> JSON.createObjectNode().put("__typename", event.type())
                        .put("createdAt", event.at().toString()));
    }

    private ObjectNode stateEventsNode(Q q) {
        String id = q.vars().path("id").asText();
        int first = q.first("timelineItems");
        ObjectNode node = JSON.createObjectNode();
        if (prsById.containsKey(id)) {
            node.set("timelineItems", timeline(prsById.get(id).events, PR_EVENTS, q.since(), first, q.after("after")));
        } else {
            node.set("timelineItems", timeline(issuesById.get(id).events, ISSUE_EVENTS, q.since(), first, q.after("after")));
        }
        return node;
    }

    private ObjectNode pullRequests(Q q) {
        ObjectNode repository = JSON.createObjectNode();
        repository.putObject("defaultBranchRef").put("name", RepoModel.BRANCH);
        int first = q.first("pullRequests");
        int reviews = q.first("reviews");
        int comments = q.first("comments");
        int commits = q.first("commits");
        Function<Pr, JsonNode> fields = pr -> prFields(pr, reviews, comments, commits);
        if (q.with("withOpen")) {
            repository.set("open", connection(filter(model.prs, Pr::open), first, q.after("openAfter"), "nodes", fields));
        }
        if (q.with("withDone")) {
            repository.set("done", connection(filter(model.prs, pr -> !pr.open()), first, q.after("doneAfter"), "nodes", fields));
        }
        return repository;
    }

    private static JsonNode author(Actor actor) {
        if (actor == null) {
            return JSON.nullNode();
        }
        return JSON.createObjectNode().put("__typename", actor.bot() ? "Bot" : "User").put("login", actor.login());
    }

    private static ObjectNode note(Note note) {
        ObjectNode node = JSON.createObjectNode().put("createdAt", note.at().toString());
        node.set("author", author(note.author()));
        return node;
    }

    private static ObjectNode review(RepoModel.Review review) {
        ObjectNode node = JSON.createObjectNode().put("state", review.state());
        node.put("submittedAt", review.submittedAt() == null ? null : review.submittedAt().toString());
        node.set("author", author(review.author()));
        return node;
    }

    private static ObjectNode commit(Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("commit").put("committedDate", at.toString());
        return node;
    }

    static JsonNode prFields(Pr pr, int reviews, int comments, int commits) {
        ObjectNode node = JSON.createObjectNode().put("id", pr.id).put("number", pr.number).put("title", "Change " + pr.number);
        node.set("author", author(pr.author));
        node.put("createdAt", pr.created.toString()).put("updatedAt", pr.updated.toString()).put("isDraft", pr.draftNow)
                .put("mergedAt", pr.mergedAt == null ? null : pr.mergedAt.toString())
                .put("closedAt", pr.closedAt == null ? null : pr.closedAt.toString())
                .put("baseRefName", RepoModel.BRANCH).put("additions", pr.additions).put("deletions", pr.deletions);
        ArrayNode changes = node.putObject("timelineItems").putArray("nodes");
        if (pr.readyAt != null) {
            changes.addObject().put("__typename", "ReadyForReviewEvent").put("createdAt", pr.readyAt.toString());
        }
        node.set("reviews", connection(pr.reviews, reviews, null, "nodes", FakeGitHub::review));
        node.set("comments", connection(pr.comments, comments, null, "nodes", FakeGitHub::note));
        node.set("commits", connection(pr.commits, commits, null, "nodes", FakeGitHub::commit));
        return node;
    }

    private ObjectNode pullRequestMore(Q q) {
        Pr pr = prsById.get(q.vars().path("id").asText());
        ObjectNode node = JSON.createObjectNode();
        if (q.with("withReviews")) {
            node.set("reviews", connection(pr.reviews, q.first("reviews"), q.after("reviewsAfter"), "nodes", FakeGitHub::review));
        }
        if (q.with("withComments")) {
            node.set("comments", connection(pr.comments, q.first("comments"), q.after("commentsAfter"), "nodes", FakeGitHub::note));
        }
        if (q.with("withCommits")) {
            node.set("commits", connection(pr.commits, q.first("commits"), q.after("commitsAfter"), "nodes", FakeGitHub::commit));
        }
        return node;
    }

    private ObjectNode issues(Q q) {
        Instant since = q.since();
        ObjectNode repository = JSON.createObjectNode();
        int first = q.first("issues");
        int labels = q.first("labels");
        int comments = q.first("comments");
        Function<Issue, JsonNode> fields = issue -> issueFields(issue, labels, comments);
        if (q.with("withOpen")) {
            repository.set("open", connection(filter(model.issues, Issue::open), first, q.after("openAfter"), "nodes", fields));
        }
        if (q.with("withClosed")) {
            repository.set("closed", connection(filter(model.issues, issue -> !issue.open() && !issue.updated.isBefore(since)),
                    first, q.after("closedAfter"), "nodes", fields));
        }
        return repository;
    }

    static JsonNode issueFields(Issue issue, int labels, int comments) {
        ObjectNode node = JSON.createObjectNode().put("id", issue.id).put("number", issue.number);
        node.set("author", author(issue.author));
        node.put("createdAt", issue.created.toString())
                .put("closedAt", issue.closedAt == null ? null : issue.closedAt.toString())
                .put("updatedAt", issue.updated.toString()).put("state", issue.state);
        node.set("labels", connection(issue.labels, labels, null, "nodes", label -> JSON.createObjectNode().put("name", label)));
        node.set("comments", connection(issue.comments, comments, null, "nodes", FakeGitHub::note));
        return node;
    }

    private ObjectNode issueMore(Q q) {
        Issue issue = issuesById.get(q.vars().path("id").asText());
        ObjectNode node = JSON.createObjectNode();
        if (q.with("withComments")) {
            node.set("comments", connection(issue.comments, q.first("comments"), q.after("commentsAfter"), "nodes", FakeGitHub::note));
        }
        if (q.with("withLabels")) {
            node.set("labels", connection(issue.labels, q.first("labels"), q.after("labelsAfter"), "nodes",
                    label -> JSON.createObjectNode().put("name", label)));
        }
        return node;
    }

    private ObjectNode commits(Q q) {
        Instant since = q.since();
        Instant until = Instant.parse(q.vars().path("until").asText());
        ObjectNode repository = JSON.createObjectNode();
        ObjectNode branch = repository.putObject("defaultBranchRef").put("name", RepoModel.BRANCH);
        ObjectNode target = branch.putObject("target").put("__typename", "Commit");
        target.set("history", connection(filter(model.commits, c -> !c.committed().isBefore(since) && !c.committed().isAfter(until)),
                q.first("history"), q.after("after"), "nodes", c -> {
                    ObjectNode node = JSON.createObjectNode().put("oid", c.oid()).put("committedDate", c.committed().toString())
                            .put("messageHeadline", "Change " + c.oid().substring(34)).put("message", "Change " + c.oid())
                            .put("additions", c.additions()).put("deletions", c.deletions()).put("changedFilesIfAvailable", 3);
                    node.putObject("parents").put("totalCount", c.parents());
                    ObjectNode author = node.putObject("author").put("name", c.name()).put("email", c.email());
                    if (c.user() == null) {
                        author.putNull("user");
                    } else {
                        author.putObject("user").put("login", c.user().login());
                    }
                    return node;
                }));
        return repository;
    }

    /** {@code deployments(environments: [$environment], orderBy: CREATED_AT DESC)}: the model's are newest first. */
    private ObjectNode deployments(Q q) {
        String environment = q.vars().path("environment").asText();
        int statuses = q.first("statuses");
        ObjectNode repository = JSON.createObjectNode();
        repository.set("deployments", connection(filter(model.deployments, d -> d.environment().equals(environment)),
                q.first("deployments"), q.after("after"), "nodes", d -> {
                    ObjectNode node = JSON.createObjectNode().put("id", deploymentId(d)).put("createdAt", d.created().toString());
                    node.set("statuses", statuses(d, statuses, null));
                    return node;
                }));
        return repository;
    }

    private ObjectNode deploymentStatuses(Q q) {
        String id = q.vars().path("id").asText();
        RepoModel.Deployment deployment = model.deployments.stream().filter(d -> deploymentId(d).equals(id)).findFirst().orElseThrow();
        ObjectNode node = JSON.createObjectNode();
        node.set("statuses", statuses(deployment, q.first("statuses"), q.after("after")));
        return node;
    }

    static String deploymentId(RepoModel.Deployment deployment) {
        return "DE_" + deployment.id();
    }

    /** A deployment's statuses, oldest first as GitHub lists them, with their totalCount. */
    private static ObjectNode statuses(RepoModel.Deployment deployment, int first, String after) {
        List<RepoModel.Status> oldestFirst = new ArrayList<>(deployment.statusesNewestFirst());
        java.util.Collections.reverse(oldestFirst);
        ObjectNode connection = connection(oldestFirst, first, after, "nodes", status -> JSON.createObjectNode()
                .put("state", status.state().toUpperCase(java.util.Locale.ROOT)).put("createdAt", status.at().toString()));
        connection.put("totalCount", oldestFirst.size());
        return connection;
    }

    // ---------------------------------------------------------------- REST

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                params.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private Answer rest(String path, Map<String, String> params) {
        if (path.equals(repoPath + "/actions/runs")) {
            String created = params.getOrDefault("created", "");
            count(created.startsWith("<") ? "rest runs (anchor)" : "rest runs");
            return runs(path, params, created);
        }
        if (path.equals(repoPath + "/traffic/views") || path.equals(repoPath + "/traffic/clones")) {
            String kind = path.endsWith("views") ? "views" : "clones";
            count("rest traffic");
            ObjectNode body = JSON.createObjectNode().put("count", 1400).put("uniques", 300);
            ArrayNode points = body.putArray(kind);
            for (int day = 14; day >= 1; day--) {
                points.addObject().put("timestamp", model.asOf.minusSeconds(day * 86_400L).toString())
                        .put("count", 100).put("uniques", 20);
            }
            return new Answer(200, body, null);
        }
        if (path.equals(repoPath)) {
            count("rest repository");
            return new Answer(200, repository(), null);
        }
        if (path.equals("/user")) {
            // What an Actions GITHUB_TOKEN gets: it acts as an app installation, not a user.
            count("rest user");
            return new Answer(403, error("Resource not accessible by integration"), null);
        }
        count("rest other " + path);
        return new Answer(404, error("Not Found"), null);
    }

    /** GET /repos/{owner}/{repo}, the fields github-api reads. */
    private ObjectNode repository() {
        ObjectNode repository = JSON.createObjectNode().put("id", 4242).put("node_id", "R_bench")
                .put("name", model.name).put("full_name", model.owner + "/" + model.name)
                .put("private", false).put("archived", false).put("fork", false).put("has_issues", true)
                .put("default_branch", RepoModel.BRANCH)
                .put("html_url", web() + model.owner + "/" + model.name)
                .put("url", api() + repoPath.substring(1));
        repository.putObject("owner").put("login", model.owner).put("id", 4141).put("type", "Organization");
        return repository;
    }

    /** The web address GitHub would give: the same server, as on GitHub Enterprise Server. */
    URI web() {
        return api();
    }

    private Answer runs(String path, Map<String, String> params, String created) {
        Predicate<Instant> inCreated = createdFilter(created);
        String branch = params.get("branch");
        String status = params.get("status");
        List<RepoModel.Run> matching = filter(model.runs, run -> inCreated.test(run.created())
                && (branch == null || run.headBranch().equals(branch))
                && (status == null || run.status().equals(status) || status.equals(run.conclusion())));
        // GitHub serves at most 1,000 results of a filtered query; total_count still counts them all.
        List<RepoModel.Run> served = matching.subList(0, Math.min(1000, matching.size()));
        if (matching.size() > 1000 && !params.containsKey("page")) {
            count("detail runs range over 1000");
        }
        return page(path, params, served, matching.size(), run -> {
            ObjectNode node = JSON.createObjectNode().put("id", run.id()).put("path", run.path())
                    .put("head_branch", run.headBranch()).put("event", run.event()).put("status", run.status())
                    .put("conclusion", run.conclusion()).put("created_at", run.created().toString())
                    .put("run_started_at", run.created().toString()).put("updated_at", run.updated().toString());
            return node;
        }, true);
    }

    private static Predicate<Instant> createdFilter(String created) {
        if (created.isEmpty()) {
            return at -> true;
        }
        int dots = created.indexOf("..");
        if (dots > 0) {
            Instant from = Instant.parse(created.substring(0, dots));
            Instant to = Instant.parse(created.substring(dots + 2));
            return at -> !at.isBefore(from) && !at.isAfter(to);
        }
        if (created.startsWith("<=")) {
            Instant to = Instant.parse(created.substring(2));
            return at -> !at.isAfter(to);
        }
        if (created.startsWith("<")) {
            Instant to = Instant.parse(created.substring(1));
            return at -> at.isBefore(to);
        }
        if (created.startsWith(">=")) {
            Instant from = Instant.parse(created.substring(2));
            return at -> !at.isBefore(from);
        }
        throw new IllegalArgumentException("created filter " + created);
    }

    private <T> Answer page(String path, Map<String, String> params, List<T> items, int total, Function<T, JsonNode> node,
                            boolean runsEnvelope) {
        int perPage = Math.min(100, Integer.parseInt(params.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        int from = Math.min((page - 1) * perPage, items.size());
        int to = Math.min(from + perPage, items.size());
        ArrayNode array = JSON.createArrayNode();
        items.subList(from, to).forEach(item -> array.add(node.apply(item)));
        String link = null;
        if (to < items.size()) {
            Map<String, String> next = new TreeMap<>(params);
            next.put("page", Integer.toString(page + 1));
            List<String> pairs = new ArrayList<>();
            next.forEach((key, value) -> pairs.add(key + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
            link = "<" + api().resolve(path.substring(1) + "?" + String.join("&", pairs)) + ">; rel=\"next\"";
        }
        if (!runsEnvelope) {
            return new Answer(200, array, link);
        }
        ObjectNode body = JSON.createObjectNode().put("total_count", total);
        body.set("workflow_runs", array);
        return new Answer(200, body, link);
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message);
    }
}
