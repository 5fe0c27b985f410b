package io.repovitals.github;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BotsTest {
    @Test
    void should_know_a_bot_by_its_type_or_its_login() {
        assertThat(Bots.isBot("Bot", "dependabot")).isTrue();           // GraphQL __typename
        assertThat(Bots.isBot("User", "renovate[bot]")).isTrue();        // REST login
        assertThat(Bots.isBot("User", "Github-Actions[BOT]")).isTrue();
        assertThat(Bots.isBot("User", "robotics")).isFalse();
        assertThat(Bots.isBot("User", "bot-herder")).isFalse();
    }

    @Test
    void should_not_take_a_ghost_for_a_bot() {
        assertThat(Bots.isBot(null, null)).isFalse();
        assertThat(new Bots(Set.of("ghost")).isBotOrIgnored(null, null)).isFalse();
    }

    @Test
    void should_treat_ignored_users_as_bots_whatever_their_case() {
        Bots bots = new Bots(Set.of(" Release-Manager "));

        assertThat(bots.isBotOrIgnored("User", "release-manager")).isTrue();
        assertThat(bots.isBotOrIgnored("User", "alice")).isFalse();
    }
}
