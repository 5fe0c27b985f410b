package io.repovitals.collect;

import java.util.Locale;
import java.util.Set;

/**
 * The author of a pull request, issue, review or comment.
 *
 * @param login the GitHub login, or null for a ghost (a deleted account: GitHub answers {@code author: null})
 * @param bot   GitHub's own bot rule ({@code __typename Bot} or a login ending {@code [bot]}); ghosts are not bots
 */
public record Account(String login, boolean bot) {
    public static final Account GHOST = new Account(null, false);

    public Account {
        if (login == null && bot) {
            throw new IllegalArgumentException("a ghost is not a bot");
        }
        if (login != null && login.isBlank()) {
            throw new IllegalArgumentException("a login cannot be blank");
        }
    }

    public boolean ghost() {
        return login == null;
    }

    /** The bot rule of metrics.md with the {@code ignore-users} logins (lower-cased) added. */
    /** The {@code ignore-users} logins as {@link #botOrIgnored} compares them: lower-cased (logins ignore case). */
    public static Set<String> ignoreList(Set<String> ignoreUsers) {
        return ignoreUsers.stream().map(login -> login.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean botOrIgnored(Set<String> ignoreUsersLowerCase) {
        return bot || login != null && ignoreUsersLowerCase.contains(login.toLowerCase(Locale.ROOT));
    }

    /** Same person: logins compare case-insensitively; a ghost is nobody in particular. */
    public boolean sameAs(Account other) {
        return login != null && other.login != null && login.equalsIgnoreCase(other.login);
    }
}
