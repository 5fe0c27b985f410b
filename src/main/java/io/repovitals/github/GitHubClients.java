package io.repovitals.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Secret;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
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

    private GitHubClients(GitHub rest, GraphQl graphql, RequestCounter counter) {
        this.rest = rest;
        this.graphql = graphql;
        this.counter = counter;
    }

    public static GitHubClients create(URI apiUrl, URI graphqlUrl, Secret token) {
        RequestCounter counter = new RequestCounter();
        HttpClient http = new InstrumentedHttpClient(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), graphqlUrl, counter);
        try {
            GitHub rest = new GitHubBuilder()
                    .withEndpoint(stripTrailingSlash(apiUrl.toString()))
                    // Unlike withOAuthToken, this sends no GET /user while building: an Actions token gets 403 there.
                    .withAppInstallationToken(token.reveal())
                    .withConnector(new HttpClientGitHubConnector(http))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.WAIT)
                    .build();
            GraphQl graphql = new GraphQl(http, graphqlUrl, token, REQUEST_TIMEOUT, counter, new ObjectMapper());
            return new GitHubClients(rest, graphql, counter);
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

    public RequestCounter requests() {
        return counter;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
