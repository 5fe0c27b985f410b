package io.repovitals.collect;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how much of a repository's history may be fetched over git smart HTTP when the
 * workspace holds no usable clone: {@code $GITHUB_SERVER_URL/owner/name.git} (so GitHub Enterprise
 * Server works too), the run's token, at most {@code capBytes} received per repository.
 *
 * @param capBytes 0 never fetches (commits then come from the API, without file paths)
 */
public record GitFetch(URI serverUrl, Optional<Secret> token, long capBytes) {
    public static final GitFetch NEVER = new GitFetch(URI.create("https://github.com"), Optional.empty(), 0);

    public GitFetch {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(token, "token");
        if (capBytes < 0) {
            throw new IllegalArgumentException("the fetch cap cannot be negative");
        }
    }

    public boolean enabled() {
        return capBytes > 0;
    }

    /** The repository's git URL, e.g. https://github.com/octo/app.git; never with credentials in it. */
    public String url(RepoRef repo) {
        String base = serverUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + repo.fullName() + ".git";
    }
}
