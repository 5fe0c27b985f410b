package io.repovitals.github;

import org.kohsuke.github.GHException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;

/** Runs a github-api call and turns its IOExceptions into {@link GitHubException}s with one clear line. */
public final class RestCalls {
    private RestCalls() {}

    @FunctionalInterface
    public interface IoCall<T> {
        T call() throws IOException;
    }

    public static <T> T call(String what, URI apiUrl, IoCall<T> call) {
        try {
            return call.call();
        } catch (UncheckedIOException e) {
            throw translate(what, apiUrl, e.getCause());
        } catch (GHException e) {
            // github-api's PagedIterator wraps page failures this way; our own GitHubExceptions pass through unwrapped.
            if (e.getCause() instanceof GitHubException cause) {
                throw cause;
            }
            if (e.getCause() instanceof IOException cause) {
                throw translate(what, apiUrl, cause);
            }
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 0, what + ": " + e.getMessage());
        } catch (IOException e) {
            throw translate(what, apiUrl, e);
        }
    }

    private static GitHubException translate(String what, URI apiUrl, IOException e) {
        if (e instanceof GHFileNotFoundException) {
            return new GitHubException(GitHubException.Kind.NOT_FOUND, 404, what + ": not found (HTTP 404)");
        }
        if (e.getCause() instanceof GitHubException ours) {
            return ours;
        }
        if (e instanceof HttpException http && http.getResponseCode() > 0) {
            return HttpFailures.toException(http.getResponseCode(), http.getMessage(),
                    HttpHeaders.of(Map.of(), (a, b) -> true), apiUrl);
        }
        return HttpFailures.unreachable(apiUrl, e);
    }
}
