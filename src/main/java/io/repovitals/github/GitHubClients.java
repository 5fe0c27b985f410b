package io.repovitals.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Secret;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one place that builds GitHub clients: github-api's REST client on {@code GITHUB_API_URL} and
 * our GraphQL client on {@code GITHUB_GRAPHQL_URL}, sharing the token, the User-Agent, timeouts and
 * one request counter. Nothing else opens connections to GitHub, so pointing those two URLs at
 * another server (GitHub Enterprise Server, a test fake) redirects every request.
 */
public final class GitHubClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final GitHub rest;
    private final GraphQl graphql;
    private final RequestCounter counter;
    private final RestJson restJson;
    private final RequestBudget budget;
    private final URI apiUrl;

    private GitHubClients(GitHub rest, GraphQl graphql, RestJson restJson, RequestCounter counter, RequestBudget budget,
                          URI apiUrl) {
        this.rest = rest;
        this.graphql = graphql;
        this.restJson = restJson;
        this.counter = counter;
        this.budget = budget;
        this.apiUrl = apiUrl;
    }

    /**
     * @param budget the setting {@code rate-limit-budget} ({@link RequestBudget#unlimited()} when unset)
     * @param policy retries and the longest wait for a rate-limit reset ({@link FaultPolicy#defaults(Duration, java.time.Clock)})
     */
    public static GitHubClients create(URI apiUrl, URI graphqlUrl, Secret token, RequestBudget budget, FaultPolicy policy) {
        RequestCounter counter = new RequestCounter();
        InstrumentedHttpClient http = new InstrumentedHttpClient(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Plain-http servers (a test fake, a GHES without TLS) would get an h2c upgrade on every new
                // connection, which intermittently ends in an empty answer; HTTPS negotiates HTTP/2 by ALPN.
                .version("http".equalsIgnoreCase(apiUrl.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build(), graphqlUrl, counter, budget, policy);
        RateLimits limits = http.limits();
        try {
            GitHub rest = new GitHubBuilder()
                    .withEndpoint(stripTrailingSlash(apiUrl.toString()))
                    // Unlike withOAuthToken, this sends no GET /user while building: an Actions token gets 403 there.
                    .withAppInstallationToken(token.reveal())
                    .withConnector(new HttpClientGitHubConnector(http))
                    // github-api's own hooks, deciding with our policy: wait for a near reset, else fail (partial run).
                    .withRateLimitHandler(limits.restRateLimitHandler())
                    .withAbuseLimitHandler(limits.restAbuseLimitHandler())
                    .build();
            ObjectMapper json = new ObjectMapper();
            GraphQl graphql = new GraphQl(http, graphqlUrl, token, REQUEST_TIMEOUT, counter, json, limits);
            RestJson restJson = new RestJson(http, apiUrl, token, REQUEST_TIMEOUT, json, limits, policy.acceptedPolls());
            return new GitHubClients(rest, graphql, restJson, counter, budget, apiUrl);
        } catch (IOException e) {
            throw HttpFailures.unreachable(apiUrl, e);
        }
    }

    public GitHub rest() {
        return rest;
    }

    public GraphQl graphql() {
        return graphql;
    }

    /** Raw REST GETs through the same client, for what github-api cannot express. */
    public RestJson restJson() {
        return restJson;
    }

    public RequestBudget budget() {
        return budget;
    }

    /** {@code GITHUB_API_URL}, for error messages. */
    public URI apiUrl() {
        return apiUrl;
    }

    public RequestCounter requests() {
        return counter;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
