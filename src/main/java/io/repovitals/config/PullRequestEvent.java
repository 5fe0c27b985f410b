package io.repovitals.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The pull request a run was triggered for (contract.md "Publishing", {@code pr-comment}), read from the
 * webhook payload at {@code GITHUB_EVENT_PATH}: {@code pull_request.number}, else the payload's top-level
 * {@code number}. Only {@code pull_request} and {@code pull_request_target} events name one; any other
 * event is {@link Skipped} with a line the pipeline can log. A payload that cannot be read is a
 * {@link ConfigException} naming the file and what was wrong.
 */
public sealed interface PullRequestEvent {
    Set<String> PULL_REQUEST_EVENTS = Set.of("pull_request", "pull_request_target");

    /** The run is for pull request {@code number} of the workflow's repository. */
    record Found(String eventName, int number) implements PullRequestEvent {
        public Found {
            if (number <= 0) {
                throw new IllegalArgumentException("a pull request number is positive: " + number);
            }
        }
    }

    /** The run is not for a pull request; {@code reason} is one line for the log. */
    record Skipped(String reason) implements PullRequestEvent {}

    static PullRequestEvent of(GitHubEnvironment environment) {
        return read(environment.eventName(), environment.eventPath());
    }

    static PullRequestEvent read(Optional<String> eventName, Optional<Path> eventPath) {
        if (eventName.isEmpty()) {
            return new Skipped("pr-comment: no GitHub event (GITHUB_EVENT_NAME is unset outside Actions), skipped");
        }
        String name = eventName.get();
        if (!PULL_REQUEST_EVENTS.contains(name)) {
            return new Skipped("pr-comment: not a pull_request event (" + name + "), skipped");
        }
        Path path = eventPath.orElseThrow(() -> new ConfigException("GITHUB_EVENT_PATH", null,
                "the path of the " + name + " event's JSON payload (it is unset)"));
        return new Found(name, number(name, path));
    }

    private static int number(String eventName, Path path) {
        JsonNode payload;
        try {
            payload = new ObjectMapper().readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw invalid(path, eventName, "the file does not exist");
        } catch (JsonProcessingException e) {
            throw invalid(path, eventName, "it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw invalid(path, eventName, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (payload == null || !payload.isObject()) {
            throw invalid(path, eventName, "it is not a JSON object");
        }
        JsonNode number = payload.path("pull_request").path("number");
        if (number.isMissingNode()) {
            number = payload.path("number");
        }
        if (!number.canConvertToInt() || !number.isIntegralNumber() || number.intValue() <= 0) {
            throw invalid(path, eventName, number.isMissingNode() ? "it has neither pull_request.number nor number"
                    : "its pull request number is " + number + ", not a positive integer");
        }
        return number.intValue();
    }

    private static ConfigException invalid(Path path, String eventName, String what) {
        return new ConfigException("GITHUB_EVENT_PATH", path.toString(),
                "a " + eventName + " webhook payload (JSON with pull_request.number), but " + what);
    }
}
