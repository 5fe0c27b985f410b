package io.repovitals.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Secret;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw REST GETs for what github-api cannot express losslessly (e.g. workflow runs: its
 * {@code GHWorkflowRun} has no {@code path}). Same HTTP client as github-api, hence the same
 * counting, budget, retries and rate limits; every request goes to {@code GITHUB_API_URL}, also
 * when a {@code Link} header names another host.
 */
public final class RestJson {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final HttpClient http;
    private final URI apiUrl;
    private final Secret token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final RateLimits limits;
    private final int acceptedPolls;

    RestJson(HttpClient http, URI apiUrl, Secret token, Duration timeout, ObjectMapper json, RateLimits limits,
             int acceptedPolls) {
        this.http = http;
        this.apiUrl = URI.create(apiUrl.toString().endsWith("/") ? apiUrl.toString() : apiUrl + "/");
        this.token = token;
        this.timeout = timeout;
        this.json = json;
        this.limits = limits;
        this.acceptedPolls = acceptedPolls;
    }

    /** One page: the body and the path of the next page, if any. */
    public record Page(JsonNode body, Optional<String> next) {}

    /**
     * GET {@code pathAndQuery}: relative to the API URL ({@code repos/o/r/actions/runs?per_page=100}),
     * or, starting with '/', a path on the API host (what {@link Page#next()} holds).
     */
    public Page get(String pathAndQuery) {
        URI url = resolve(pathAndQuery);
        while (true) {
            HttpResponse<String> response = send(url);
            int status = response.statusCode();
            if ((status == 403 || status == 429) && limits.onRefusal(RateLimits.CORE, status, response.headers(),
                    HttpFailures.githubMessage(response.body()))) {
                continue;
            }
            if (status == 202) {
                throw new GitHubException(GitHubException.Kind.NOT_READY, 202,
                        "GitHub is still computing these statistics (HTTP 202 after " + acceptedPolls + " tries)");
            }
            if (status != 200) {
                throw HttpFailures.toException(status, response.body(), response.headers(), url);
            }
            return new Page(parse(response.body(), url), response.headers().firstValue("Link").flatMap(RestJson::next));
        }
    }

    private URI resolve(String pathAndQuery) {
        if (pathAndQuery.startsWith("/")) {
            return URI.create(apiUrl.getScheme() + "://" + apiUrl.getRawAuthority() + pathAndQuery);
        }
        return apiUrl.resolve(pathAndQuery);
    }

    /** The next link as a path on the API host (GitHub writes absolute links, possibly to another host name). */
    private static Optional<String> next(String link) {
        Matcher matcher = NEXT.matcher(link);
        if (!matcher.find()) {
            return Optional.empty();
        }
        URI next = URI.create(matcher.group(1));
        String path = next.getRawPath();
        return Optional.of(path + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }

    private HttpResponse<String> send(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw HttpFailures.unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.UNREACHABLE, 0, "interrupted while calling " + url, e);
        }
    }

    private JsonNode parse(String body, URI url) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200, "GitHub sent a response that is not JSON at " + url);
        }
    }
}
