package io.repovitals.collect;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The git URL comes from GITHUB_SERVER_URL as GitHub and GitHub Enterprise Server serve repositories. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GitFetchTest {
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");

    private static String url(String serverUrl) {
        return new GitFetch(URI.create(serverUrl), Optional.of(Secret.of("ghs_secret")), 1).url(REPO);
    }

    @Test
    void should_append_owner_and_name_to_the_server_url() {
        assertThat(url("https://github.com")).isEqualTo("https://github.com/octo-org/widgets.git");
    }

    @Test
    void should_keep_an_enterprise_server_path_prefix_and_its_port_with_or_without_a_trailing_slash() {
        assertThat(url("http://git.example.com:8080/ghe/")).isEqualTo("http://git.example.com:8080/ghe/octo-org/widgets.git");
        assertThat(url("http://git.example.com:8080/ghe")).isEqualTo("http://git.example.com:8080/ghe/octo-org/widgets.git");
    }

    @Test
    void should_never_put_the_token_in_the_url() {
        assertThat(url("https://ghe.example.com/")).doesNotContain("ghs_secret").doesNotContain("@");
    }
}
