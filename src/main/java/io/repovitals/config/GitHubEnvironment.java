package io.repovitals.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The standard Actions variables of contract.md "Environment", resolved with their defaults.
 * Empty optionals mean the variable was unset (e.g. outside Actions).
 */
public record GitHubEnvironment(
        URI apiUrl,
        URI graphqlUrl,
        URI serverUrl,
        Optional<String> repository,
        Optional<Path> workspace,
        Optional<String> eventName,
        Optional<Path> eventPath,
        Optional<Path> stepSummary,
        Optional<Path> output,
        Optional<String> runId,
        boolean insideActions) {
}
