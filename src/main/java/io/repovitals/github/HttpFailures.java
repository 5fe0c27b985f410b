package io.repovitals.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Turns a failed HTTP exchange with GitHub into one clear line (and a {@link GitHubException.Kind}). */
final class HttpFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpFailures() {}

    static GitHubException toException(int status, String body, HttpHeaders headers, URI url) {
        String message = githubMessage(body);
        String detail = message.isEmpty() ? "" : " " + message;
        if (status == 401) {
            return new GitHubException(GitHubException.Kind.BAD_CREDENTIALS, status,
                    "GitHub rejected the token (HTTP 401" + detail + "): check the token input or GITHUB_TOKEN");
        }
        boolean limited = status == 429 || headers.firstValue("X-RateLimit-Remaining").filter("0"::equals).isPresent()
                || message.toLowerCase(Locale.ROOT).contains("rate limit");
        if ((status == 403 || status == 429) && limited) {
            return new GitHubException(GitHubException.Kind.RATE_LIMITED, status,
                    "GitHub's rate limit was reached (HTTP " + status + detail + ")");
        }
        if (status == 403) {
            return new GitHubException(GitHubException.Kind.FORBIDDEN, status,
                    "the token may not do this (HTTP 403" + detail + ") at " + url);
        }
        if (status == 404) {
            return new GitHubException(GitHubException.Kind.NOT_FOUND, status,
                    "nothing at " + url + " (HTTP 404): check GITHUB_API_URL and GITHUB_GRAPHQL_URL");
        }
        if (status >= 500) {
            return new GitHubException(GitHubException.Kind.SERVER_ERROR, status,
                    "GitHub answered HTTP " + status + " at " + url);
        }
        return new GitHubException(GitHubException.Kind.BAD_RESPONSE, status,
                "unexpected HTTP " + status + detail + " from " + url);
    }

    static GitHubException unreachable(URI url, IOException cause) {
        String why;
        if (cause instanceof UnknownHostException) {
            why = "unknown host";
        } else if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
            why = "connection refused or timed out";
        } else if (cause instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else {
            why = "connection failed (" + cause.getClass().getSimpleName() + ")";
        }
        return new GitHubException(GitHubException.Kind.UNREACHABLE, 0,
                "cannot reach GitHub at " + url.getScheme() + "://" + url.getAuthority() + ": " + why, cause);
    }

    /** GitHub error bodies are {"message": ..., "documentation_url": ...}; anything else is ignored. */
    static String githubMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            String message = node.path("message").asText("");
            return message.length() > 200 ? message.substring(0, 200) + "..." : message;
        } catch (IOException e) {
            return "";
        }
    }
}
