package io.repovitals.github;

import java.util.Optional;

/**
 * Who the token acts as, from {@code GET /user}. A personal access token names its user. A GitHub
 * App installation token, the Actions {@code GITHUB_TOKEN} included, gets HTTP 403 there ("Resource
 * not accessible by integration"): it acts as a bot whose login ends in {@code [bot]}
 * ({@code github-actions[bot]} for GITHUB_TOKEN), which no user account can be named (GitHub logins
 * allow no brackets).
 *
 * @param userLogin the user's login; empty for an installation token
 */
public record TokenIdentity(Optional<String> userLogin) {
    public static final TokenIdentity INSTALLATION = new TokenIdentity(Optional.empty());

    public static TokenIdentity user(String login) {
        return new TokenIdentity(Optional.of(login));
    }

    /** Whether an issue opened by {@code login} was opened with a token like this one. */
    public boolean couldHaveWritten(String login) {
        if (login == null) {
            return false;
        }
        return userLogin.map(login::equalsIgnoreCase).orElseGet(() -> Bots.isBot(null, login));
    }
}
