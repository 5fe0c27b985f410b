package io.repovitals.store;

import io.repovitals.model.Secret;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The git remote of the history: an HTTP(S) URL, a {@code file://} URL or a local path
 * (contract.md input {@code history-remote}). The token only ever travels in a
 * {@link CredentialsProvider} as {@code x-access-token} basic auth, the way GitHub takes an Actions
 * token; it is never put into the URL, so it cannot end up in a config, a ref or a message.
 */
public final class HistoryRemote {
    private static final String TOKEN_USER = "x-access-token";

    private final URIish uri;
    private final Optional<Secret> token;

    private HistoryRemote(URIish uri, Optional<Secret> token) {
        this.uri = uri;
        this.token = token;
    }

    /**
     * @param remote a URL or a path; user info in a URL is dropped (the token is the one credential used)
     * @param token  sent only to HTTP(S) remotes
     */
    public static HistoryRemote of(String remote, Optional<Secret> token) {
        Objects.requireNonNull(token, "token");
        if (remote == null || remote.isBlank()) {
            throw new IllegalArgumentException("the history remote is empty");
        }
        String text = remote.strip();
        try {
            URIish uri = new URIish(text);
            if (uri.getScheme() == null) {
                // A bare path: make it absolute so that the message names what was really tried.
                uri = new URIish(Path.of(text).toAbsolutePath().normalize().toString());
            }
            return new HistoryRemote(uri.setUser(null).setPass(null), token);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the history remote is neither a URL nor a path (" + e.getReason() + ")");
        }
    }

    public static HistoryRemote local(Path bareRepository) {
        return of(bareRepository.toAbsolutePath().toString(), Optional.empty());
    }

    URIish uri() {
        return uri;
    }

    boolean isHttp() {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** Null for local remotes, so that a token is never offered to anything but the HTTP server named. */
    CredentialsProvider credentials() {
        return isHttp() && token.isPresent()
                ? new UsernamePasswordCredentialsProvider(TOKEN_USER, token.get().reveal())
                : null;
    }

    /** A transport to this remote for {@code local}, with the credentials it may have. */
    Transport open(Repository local, int timeoutSeconds) throws IOException {
        try {
            Transport transport = Transport.open(local, uri);
            transport.setCredentialsProvider(credentials());
            transport.setTimeout(timeoutSeconds);
            return transport;
        } catch (NotSupportedException e) {
            throw new HistoryException(HistoryException.Kind.FAILED,
                    "history: the remote " + this + " is not a URL or path git can use", e);
        }
    }

    /** Removes the token from text that is about to be shown, should a library ever echo it. */
    String redact(String text) {
        String safe = text == null ? "" : text;
        return token.map(secret -> safe.replace(secret.reveal(), "***")).orElse(safe);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
