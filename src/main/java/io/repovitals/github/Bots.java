package io.repovitals.github;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * metrics.md "Conventions", bots: an account is a bot when GraphQL says {@code __typename: Bot},
 * REST says {@code type: Bot}, or its login ends with {@code [bot]}; plus every login of the
 * {@code ignore-users} setting. A ghost (deleted account, {@code author: null}) is not a bot.
 */
public final class Bots {
    private final Set<String> ignoreUsers;

    public Bots(Set<String> ignoreUsers) {
        this.ignoreUsers = ignoreUsers.stream().map(Bots::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The rule without {@code ignore-users}: what GitHub itself says about the account. */
    public static boolean isBot(String typeName, String login) {
        if (login == null) {
            return false;
        }
        return "Bot".equals(typeName) || login.toLowerCase(Locale.ROOT).endsWith("[bot]");
    }

    /** The full rule: GitHub's word, or a login listed in {@code ignore-users} (case-insensitive, as logins are). */
    public boolean isBotOrIgnored(String typeName, String login) {
        return isBot(typeName, login) || login != null && ignoreUsers.contains(normalise(login));
    }

    private static String normalise(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }
}
