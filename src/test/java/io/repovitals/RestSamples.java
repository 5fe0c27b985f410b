package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * Fixtures derived from the recorded bodies in src/test/resources/github/rest-samples: each item is a copy of a
 * recorded one with only the named fields edited, so every other field keeps GitHub's real shape.
 */
public final class RestSamples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestSamples() {}

    public static JsonNode sample(String file) {
        try {
            return JSON.readTree(GitHubFake.restSample(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of actions-runs.json's first run (7842875274: completed, success, run_started_at = created_at)
     * with these fields set; {@code conclusion} null for a run still in progress.
     */
    public static ObjectNode run(long id, String path, String branch, String status, String conclusion,
                                 String createdAt, String runStartedAt, String updatedAt) {
        ObjectNode run = sample("actions-runs.json").path("workflow_runs").get(0).deepCopy();
        run.put("id", id);
        run.put("path", path);
        run.put("head_branch", branch);
        run.put("status", status);
        run.put("conclusion", conclusion);
        run.put("created_at", createdAt);
        run.put("run_started_at", runStartedAt);
        run.put("updated_at", updatedAt);
        return run;
    }

    /** The actions-runs.json envelope {@code {total_count, workflow_runs[]}}. */
    public static String runsPage(long totalCount, JsonNode... runs) {
        ObjectNode page = JSON.createObjectNode();
        page.put("total_count", totalCount);
        ArrayNode list = page.putArray("workflow_runs");
        for (JsonNode run : runs) {
            list.add(run);
        }
        return page.toString();
    }

    /** A copy of releases.json's item {@code index} (0 = v2.12.8 ... 4 = v2.12.4). */
    public static ObjectNode release(int index) {
        return sample("releases.json").get(index).deepCopy();
    }

    /** traffic-views.json or traffic-clones.json with every timestamp moved by {@code days} (its counts unchanged). */
    public static String shiftedTraffic(String file, String list, long days) {
        ObjectNode body = sample(file).deepCopy();
        for (JsonNode point : body.path(list)) {
            java.time.Instant at = java.time.Instant.parse(point.path("timestamp").asText());
            ((ObjectNode) point).put("timestamp", at.plus(java.time.Duration.ofDays(days)).toString());
        }
        return body.toString();
    }

    public static String array(JsonNode... items) {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array.toString();
    }
}
