package io.repovitals.github;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenIdentityTest {
    @Test
    void should_recognise_a_personal_tokens_user_ignoring_case_and_nobody_else() {
        TokenIdentity user = TokenIdentity.user("octo-maintainer");

        assertThat(user.couldHaveWritten("Octo-Maintainer")).isTrue();
        assertThat(user.couldHaveWritten("github-actions[bot]")).isFalse();
        assertThat(user.couldHaveWritten("octo-maintainer2")).isFalse();
    }

    @Test
    void should_take_only_bots_for_an_installation_token() {
        assertThat(TokenIdentity.INSTALLATION.couldHaveWritten("github-actions[bot]")).isTrue();
        assertThat(TokenIdentity.INSTALLATION.couldHaveWritten("octo-maintainer")).isFalse();
        // "bot" without brackets is an ordinary user name anyone could register.
        assertThat(TokenIdentity.INSTALLATION.couldHaveWritten("mallory-bot")).isFalse();
    }

    @Test
    void should_take_no_deleted_account() {
        assertThat(TokenIdentity.INSTALLATION.couldHaveWritten(null)).isFalse();
        assertThat(TokenIdentity.user("octo-maintainer").couldHaveWritten(null)).isFalse();
    }
}
