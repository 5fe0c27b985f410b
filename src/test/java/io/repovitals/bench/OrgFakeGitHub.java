package io.repovitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process GitHub organisation on 127.0.0.1 (issue 16): {@code size} repositories, each a {@link RepoModel}
 * answered by its own {@link FakeGitHub} (without a server), behind one server with a fixed latency per
 * request. It lists the organisation's repositories (REST, 100 a page, archived and forks flagged), answers
 * every per-repository GraphQL operation and REST list by the repository it names (or, for {@code node(id:)},
 * by the id's prefix), and the {@code RepositoryBatch} query alias by alias from the same models.
 * <p>The shape: 70 % quiet (activity ended 100 to 300 days before asOf: nothing in the window nor in the bus
 * factor's 90 days, while old open issues and PRs remain), 25 % light (10 PRs a 90 days up to asOf), 5 % busy
 * (100 a 90 days); every 20th repository archived (left out by the selection), every 10th a fork, every
 * 25th empty (no commit, no default branch).
 * <p>GraphQL cost: 1 for a per-repository query (as {@link FakeGitHub}); for a batch, GitHub's rule (the
 * connection pages it may need, divided by 100): 73 per repository (13 connections, 2 nested in 10 issues,
 * 4 nested in 10 PRs), so 37 points for 50 repositories.
 */
public final class OrgFakeGitHub implements AutoCloseable {
    public static final String ORG = "acme";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("query\\s+(\\w+)");
    private static final Pattern REPO = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$");
    static final int BATCH_PAGES_PER_REPOSITORY = 73;

    public enum Kind { QUIET, LIGHT, BUSY, EMPTY }

    record Member(String name, Kind kind, boolean archived, boolean fork, RepoModel model, FakeGitHub fake) {}

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, Member> byPrefix = new TreeMap<>();
    private final long latencyMillis;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, AtomicInteger> counts = new TreeMap<>();
    private final AtomicInteger graphqlCost = new AtomicInteger();
    private volatile int rateLimit = 5000;

    public OrgFakeGitHub(int size, Instant asOf, long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            String name = String.format("svc-%04d", i);
            Kind kind = kind(i);
            int prs = switch (kind) {
                case QUIET -> 10;
                case LIGHT -> 10;
                case BUSY -> 100;
                case EMPTY -> 0;
            };
            Instant modelAsOf = kind == Kind.QUIET ? asOf.minusSeconds(86_400L * (100 + random.nextInt(200))) : asOf;
            String prefix = "r" + i + "_";
            RepoModel model = new RepoModel(ORG, name, prefix, prs, modelAsOf, 1000L + i);
            Member member = new Member(name, kind, i % 20 == 7, i % 10 == 3, model, new FakeGitHub(model, 0, null, false));
            members.put(ORG + "/" + name, member);
            byPrefix.put(prefix, member);
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        members.values().forEach(member -> member.fake().servedUnder(URI.create(api() + "/")));
    }

    /** 70 % quiet, 25 % light, 5 % busy, in a fixed interleaving; every 25th empty. */
    public static Kind kind(int i) {
        if (i % 25 == 11) {
            return Kind.EMPTY;
        }
        int slot = i % 20;
        return slot == 5 ? Kind.BUSY : slot == 1 || slot == 3 || slot == 9 || slot == 13 || slot == 17 ? Kind.LIGHT : Kind.QUIET;
    }

    List<Member> members() {
        return List.copyOf(members.values());
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized Map<String, Integer> counts() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    /** The GraphQL points the batch answers say are left before their own cost (5,000 by default, a personal token's hour). */
    public void rateLimit(int points) {
        rateLimit = points;
    }

    int graphqlCost() {
        return graphqlCost.get();
    }

    synchronized void reset() {
        counts.clear();
        graphqlCost.set(0);
    }

    private synchronized void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(latencyMillis);
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            FakeGitHub.Answer answer;
            if (method.equals("POST") && path.equals("/graphql")) {
                answer = graphql(JSON.readTree(exchange.getRequestBody()));
            } else if (method.equals("GET")) {
                answer = rest(path, exchange.getRequestURI().getRawQuery());
            } else {
                answer = new FakeGitHub.Answer(404, FakeGitHub.error("Not Found"), null);
            }
            FakeGitHub.respond(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    // ---------------------------------------------------------------- REST

    private FakeGitHub.Answer rest(String path, String rawQuery) {
        if (path.equals("/orgs/" + ORG)) {
            count("rest organization");
            return new FakeGitHub.Answer(200, JSON.createObjectNode().put("login", ORG).put("id", 4141)
                    .put("url", api() + "/orgs/" + ORG).put("repos_url", api() + "/orgs/" + ORG + "/repos"), null);
        }
        if (path.equals("/orgs/" + ORG + "/repos")) {
            count("rest organization repositories");
            return repositories(rawQuery);
        }
        Matcher repo = REPO.matcher(path);
        if (repo.matches() && members.containsKey(repo.group(1) + "/" + repo.group(2))) {
            String rest = repo.group(3) == null ? "" : repo.group(3);
            count("rest " + (rest.startsWith("/actions/runs") ? "runs" : rest.startsWith("/traffic") ? "traffic" : "other " + rest));
            return members.get(repo.group(1) + "/" + repo.group(2)).fake().answer("GET", path, rawQuery, null);
        }
        count("rest unknown " + path);
        return new FakeGitHub.Answer(404, FakeGitHub.error("Not Found"), null);
    }

    private FakeGitHub.Answer repositories(String rawQuery) {
        int page = 1;
        int perPage = 30;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("page=")) {
                    page = Integer.parseInt(pair.substring(5));
                } else if (pair.startsWith("per_page=")) {
                    perPage = Math.min(100, Integer.parseInt(pair.substring(9)));
                }
            }
        }
        List<Member> all = members();
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ArrayNode array = JSON.createArrayNode();
        for (Member member : all.subList(from, to)) {
            ObjectNode node = array.addObject().put("id", 10_000 + from).put("node_id", "R_" + member.name())
                    .put("name", member.name()).put("full_name", ORG + "/" + member.name())
                    .put("private", false).put("archived", member.archived()).put("fork", member.fork())
                    .put("default_branch", RepoModel.BRANCH).put("url", api() + "/repos/" + ORG + "/" + member.name());
            node.putObject("owner").put("login", ORG).put("id", 4141).put("type", "Organization");
        }
        String link = to < all.size()
                ? "<" + api() + "/orgs/" + ORG + "/repos?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"" : null;
        return new FakeGitHub.Answer(200, array, link);
    }

    // ---------------------------------------------------------------- GraphQL

    private FakeGitHub.Answer graphql(JsonNode request) {
        String query = request.path("query").asText().replaceAll("#[^\n]*", "");
        JsonNode vars = request.path("variables");
        Matcher operation = OPERATION.matcher(query);
        String name = operation.find() ? operation.group(1) : "?";
        if (name.equals("RepositoryBatch")) {
            count("graphql RepositoryBatch");
            return batch(vars);
        }
        count("graphql " + name);
        graphqlCost.incrementAndGet();
        Member member = vars.has("owner") ? members.get(vars.path("owner").asText() + "/" + vars.path("name").asText()) : null;
        if (member == null && vars.has("id")) {
            String id = vars.path("id").asText();
            String node = id.startsWith("DE_") ? id.substring(3) : id;
            member = byPrefix.get(node.substring(0, node.indexOf('_') + 1));
        }
        if (member == null) {
            return new FakeGitHub.Answer(200, JSON.createObjectNode().set("errors", JSON.createArrayNode()
                    .add(JSON.createObjectNode().put("type", "NOT_FOUND").put("message", "no repository"))), null);
        }
        return member.fake().answer("POST", "/graphql", null, request);
    }

    private FakeGitHub.Answer batch(JsonNode vars) {
        Instant since = Instant.parse(vars.path("since").asText());
        Instant commitsSince = Instant.parse(vars.path("commitsSince").asText());
        Instant until = Instant.parse(vars.path("until").asText());
        String environment = vars.path("environment").asText();
        ObjectNode data = JSON.createObjectNode();
        int repositories = 0;
        ArrayNode errors = JSON.createArrayNode();
        for (int i = 0; vars.has("owner" + i); i++) {
            repositories++;
            Member member = members.get(vars.path("owner" + i).asText() + "/" + vars.path("name" + i).asText());
            if (member == null) {
                data.putNull("r" + i);
                errors.addObject().put("type", "NOT_FOUND").put("message", "Could not resolve to a Repository")
                        .putArray("path").add("r" + i);
                continue;
            }
            data.set("r" + i, repository(member, since, commitsSince, until, environment));
        }
        int cost = Math.max(1, Math.round(repositories * BATCH_PAGES_PER_REPOSITORY / 100f));
        graphqlCost.addAndGet(cost);
        data.putObject("rateLimit").put("cost", cost).put("remaining", rateLimit - cost)
                .put("resetAt", Instant.now().plusSeconds(3600).toString());
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        if (!errors.isEmpty()) {
            body.set("errors", errors);
        }
        return new FakeGitHub.Answer(200, body, null);
    }

    private static ObjectNode repository(Member member, Instant since, Instant commitsSince, Instant until, String environment) {
        RepoModel model = member.model();
        ObjectNode node = JSON.createObjectNode().put("nameWithOwner", ORG + "/" + member.name())
                .put("isArchived", member.archived()).put("isFork", member.fork());
        Instant pushed = null;
        for (RepoModel.Commit commit : model.commits) {
            pushed = latest(pushed, commit.committed());
        }
        for (RepoModel.Pr pr : model.prs) {
            pushed = latest(pushed, pr.created);
            for (Instant at : pr.commits) {
                pushed = latest(pushed, at);
            }
        }
        node.put("pushedAt", pushed == null ? null : pushed.toString());
        node.put("stargazerCount", model.olderStars + model.stars.size());
        node.put("forkCount", model.olderForks + model.forks.size());
        node.putObject("watchers").put("totalCount", model.prsPer90Days / 10);
        node.putObject("branches").put("totalCount", model.prsPer90Days == 0 ? 0 : 12);
        if (model.prsPer90Days == 0) {
            node.putNull("defaultBranchRef");
        } else {
            ObjectNode branch = node.putObject("defaultBranchRef").put("name", RepoModel.BRANCH);
            ObjectNode target = branch.putObject("target").put("__typename", "Commit");
            target.putObject("history").put("totalCount", model.commits.stream()
                    .filter(c -> !c.committed().isBefore(commitsSince) && !c.committed().isAfter(until)).count());
            // The head commit's check suites: the default branch's runs since it was committed (the model's runs are newest first).
            Instant head = model.commits.isEmpty() ? Instant.MIN : model.commits.get(0).committed();
            List<RepoModel.Run> suites = model.runs.stream()
                    .filter(run -> run.headBranch().equals(RepoModel.BRANCH) && !run.created().isBefore(head)).toList();
            ObjectNode checkSuites = FakeGitHub.connection(suites, 10, null, "nodes", run -> {
                ObjectNode suite = JSON.createObjectNode().put("createdAt", run.created().toString())
                        .put("status", run.status().toUpperCase(java.util.Locale.ROOT))
                        .put("conclusion", run.conclusion() == null ? null : run.conclusion().toUpperCase(java.util.Locale.ROOT));
                suite.putObject("branch").put("name", run.headBranch());
                ObjectNode workflowRun = suite.putObject("workflowRun").put("databaseId", run.id()).put("event", run.event())
                        .put("createdAt", run.created().toString()).put("updatedAt", run.updated().toString());
                workflowRun.putObject("file").put("path", run.path());
                return suite;
            });
            checkSuites.put("totalCount", suites.size());
            target.set("checkSuites", checkSuites);
        }
        ArrayNode star = node.putObject("latestStar").putArray("edges");
        if (!model.stars.isEmpty()) {
            star.addObject().put("starredAt", model.stars.get(0).toString());
        }
        ArrayNode fork = node.putObject("latestFork").putArray("nodes");
        if (!model.forks.isEmpty()) {
            fork.addObject().put("createdAt", model.forks.get(0).toString());
        }
        node.putObject("updatedIssues").put("totalCount", model.issues.stream().filter(issue -> !issue.updated.isBefore(since)).count());
        ArrayNode latestPr = node.putObject("latestPullRequest").putArray("nodes");
        if (!model.prs.isEmpty()) {
            latestPr.addObject().put("updatedAt", model.prs.get(0).updated.toString());
        }
        ArrayNode deployment = node.putObject("latestDeployment").putArray("nodes");
        model.deployments.stream().filter(d -> d.environment().equals(environment)).max(Comparator.comparing(RepoModel.Deployment::created))
                .ifPresent(d -> deployment.addObject().put("createdAt", d.created().toString()));
        List<RepoModel.Issue> openIssues = model.issues.stream().filter(RepoModel.Issue::open).toList();
        ObjectNode issues = FakeGitHub.connection(openIssues, 10, null, "nodes", issue -> FakeGitHub.issueFields(issue, 20, 50));
        issues.put("totalCount", openIssues.size());
        node.set("openIssues", issues);
        List<RepoModel.Pr> openPrs = model.prs.stream().filter(RepoModel.Pr::open).toList();
        ObjectNode prs = FakeGitHub.connection(openPrs, 10, null, "nodes", pr -> FakeGitHub.prFields(pr, 40, 40, 40));
        prs.put("totalCount", openPrs.size());
        node.set("openPullRequests", prs);
        return node;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** The requests served, GraphQL and REST apart. */
    record Tally(int graphql, int rest) {
        int total() {
            return graphql + rest;
        }
    }

    Tally tally() {
        int graphql = 0;
        int rest = 0;
        for (Map.Entry<String, Integer> entry : counts().entrySet()) {
            if (entry.getKey().startsWith("graphql ")) {
                graphql += entry.getValue();
            } else if (entry.getKey().startsWith("rest ")) {
                rest += entry.getValue();
            }
        }
        return new Tally(graphql, rest);
    }

    static List<String> names(List<Member> members) {
        List<String> names = new ArrayList<>();
        members.forEach(member -> names.add(ORG + "/" + member.name()));
        return names;
    }
}
