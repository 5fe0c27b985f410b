package io.repovitals.config;

import io.repovitals.GitHubFake;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pr-comment's event: payloads shaped like GitHub's documented pull_request webhook
 * (src/test/resources/github/events/pull_request-opened.json: "opened" for PR #42 of octo-org/widgets).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PullRequestEventTest {
    @TempDir
    Path dir;

    private Path payload(String text) throws IOException {
        Path file = dir.resolve("event.json");
        Files.writeString(file, text);
        return file;
    }

    private Path opened() throws IOException {
        return payload(GitHubFake.resource("github/events/pull_request-opened.json"));
    }

    @Test
    void should_read_the_number_of_a_pull_request_event() throws IOException {
        PullRequestEvent event = PullRequestEvent.read(Optional.of("pull_request"), Optional.of(opened()));

        assertThat(event).isEqualTo(new PullRequestEvent.Found("pull_request", 42));
    }

    @Test
    void should_read_the_number_of_a_pull_request_target_event() throws IOException {
        PullRequestEvent event = PullRequestEvent.read(Optional.of("pull_request_target"), Optional.of(opened()));

        assertThat(event).isEqualTo(new PullRequestEvent.Found("pull_request_target", 42));
    }

    @Test
    void should_fall_back_to_the_top_level_number_without_a_pull_request_object() throws IOException {
        Path file = payload("{\"action\":\"synchronize\",\"number\":7,\"repository\":{\"full_name\":\"octo-org/widgets\"}}");

        assertThat(PullRequestEvent.read(Optional.of("pull_request"), Optional.of(file)))
                .isEqualTo(new PullRequestEvent.Found("pull_request", 7));
    }

    @Test
    void should_skip_a_push_event_with_a_reason_for_the_log() throws IOException {
        Path push = payload(GitHubFake.resource("github/events/push.json"));

        PullRequestEvent event = PullRequestEvent.read(Optional.of("push"), Optional.of(push));

        assertThat(event).isEqualTo(new PullRequestEvent.Skipped("pr-comment: not a pull_request event (push), skipped"));
    }

    @Test
    void should_skip_outside_actions_where_there_is_no_event() {
        PullRequestEvent event = PullRequestEvent.read(Optional.empty(), Optional.empty());

        assertThat(event).isInstanceOf(PullRequestEvent.Skipped.class);
        assertThat(((PullRequestEvent.Skipped) event).reason()).startsWith("pr-comment: no GitHub event");
    }

    @Test
    void should_name_the_file_and_the_line_of_a_payload_that_is_not_json() throws IOException {
        Path file = payload("{\n  \"number\": 42,\n  \"pull_request\": {\n");

        assertThatThrownBy(() -> PullRequestEvent.read(Optional.of("pull_request"), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'GITHUB_EVENT_PATH' = '" + file + "': expected a pull_request webhook payload "
                        + "(JSON with pull_request.number), but it is not valid JSON (line 4)");
    }

    @Test
    void should_say_when_the_payload_has_no_number() throws IOException {
        Path file = payload("{\"action\":\"opened\",\"pull_request\":{\"title\":\"x\"}}");

        assertThatThrownBy(() -> PullRequestEvent.read(Optional.of("pull_request"), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("but it has neither pull_request.number nor number");
    }

    @Test
    void should_refuse_a_number_that_is_not_a_positive_integer() throws IOException {
        Path file = payload("{\"pull_request\":{\"number\":\"42\"}}");

        assertThatThrownBy(() -> PullRequestEvent.read(Optional.of("pull_request"), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("but its pull request number is \"42\", not a positive integer");
    }

    @Test
    void should_say_when_the_event_file_does_not_exist() {
        Path missing = dir.resolve("gone.json");

        assertThatThrownBy(() -> PullRequestEvent.read(Optional.of("pull_request"), Optional.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("but the file does not exist");
    }

    @Test
    void should_say_when_a_pull_request_event_has_no_payload_path() {
        assertThatThrownBy(() -> PullRequestEvent.read(Optional.of("pull_request"), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'GITHUB_EVENT_PATH': expected the path of the pull_request event's JSON payload (it is unset)");
    }
}
