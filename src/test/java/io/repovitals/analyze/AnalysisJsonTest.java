package io.repovitals.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** analysis.json carries exactly the field names of contract.md "Files in output-dir". */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisJsonTest {

    private static JsonNode written() throws Exception {
        // The health history of HealthScoreTest (score 70, B) over 12 days of daily points, plus DORA keys
        // and a CI failure rate that jumps today.
        double[] failures = {0.08, 0.07, 0.09, 0.08, 0.10, 0.06, 0.08, 0.09, 0.08, 0.07, 0.08, 0.41};
        double[] stars = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        List<Snapshot> history = new ArrayList<>(Histories.daily().with("ci.failure_rate", failures)
                .with("repo.stars", stars).with("dora.deployment_frequency_per_week", 0.5)
                .with("dora.change_failure_rate", Double.NaN, 0.04).build());
        OrgAnalysis org = new Analyzer().analyzeAll(Map.of("acme/widget", history, "acme/empty", List.of()));
        String json = AnalysisJson.write(org);
        return new ObjectMapper().readTree(json);
    }

    @Test
    void should_write_the_contract_field_names_per_repository() throws Exception {
        JsonNode repo = written().path("repositories").path("acme/widget");

        assertThat(names(repo)).contains("health", "trends", "forecasts", "anomalies", "dora");
        assertThat(names(repo.path("health"))).contains("score", "grade", "components");
        assertThat(names(repo.path("health").path("components")))
                .containsExactly("contributors", "pr_throughput", "review_velocity", "issue_freshness", "fork_growth");
        assertThat(names(repo.path("health").path("components").path("contributors")))
                .contains("score", "weight", "explanation");
        assertThat(names(repo.path("trends").path("ci.failure_rate")))
                .containsExactly("slopePerWeek", "pValue", "direction", "changePct");
        assertThat(names(repo.path("forecasts").path("repo.stars")))
                .containsExactly("days", "value", "lower", "upper", "method", "backtestError");
        assertThat(names(repo.path("anomalies").path(0))).containsExactly("metric", "value", "median", "robustZ", "sentence");
        assertThat(repo.path("dora").path("deployment_frequency").asText()).isEqualTo("medium");
        assertThat(repo.path("dora").path("change_failure_rate").asText()).isEqualTo("elite");
        assertThat(names(repo.path("dora"))).containsExactly("deployment_frequency", "change_failure_rate");
        assertThat(repo.path("doraBandsSource").asText()).isEqualTo("2023 State of DevOps report (DORA)");
    }

    @Test
    void should_write_values_as_the_records_hold_them() throws Exception {
        JsonNode repo = written().path("repositories").path("acme/widget");

        // Stars rise by exactly 1 a day: 7 a week, 30 days on from 12 is 42.
        assertThat(repo.path("trends").path("repo.stars").path("slopePerWeek").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(repo.path("trends").path("repo.stars").path("direction").asText()).isEqualTo("rising");
        assertThat(repo.path("forecasts").path("repo.stars").path("value").asDouble()).isCloseTo(42.0, within(1e-6));
        assertThat(repo.path("forecasts").path("repo.stars").path("days").asInt()).isEqualTo(30);
        assertThat(repo.path("forecasts").path("repo.stars").path("method").asText()).isEqualTo("linear");
        assertThat(repo.path("anomalies").path(0).path("sentence").asText()).isEqualTo("CI failure rate 41 %, usually 8 %");
        // No health metric at all: every component left out, score and grade null, weight 0.
        assertThat(repo.path("health").path("score").isNull()).isTrue();
        assertThat(repo.path("health").path("grade").isNull()).isTrue();
        assertThat(repo.path("health").path("components").path("contributors").path("weight").asDouble()).isZero();
    }

    @Test
    void should_write_effective_weights_that_reproduce_the_score() throws Exception {
        List<Snapshot> history = Histories.weekly()
                .with("contributors.active", 4, 6, 8, 10, 9)
                .with("prs.merged", 5, 5, 5, 5, 5)
                .build();
        JsonNode health = new ObjectMapper().readTree(AnalysisJson.write(
                new Analyzer().analyzeAll(Map.of("acme/widget", history)))).path("repositories").path("acme/widget").path("health");

        // As in HealthScoreTest: 75 · 0.6 + 50 · 0.4 = 65, grade C.
        JsonNode components = health.path("components");
        assertThat(components.path("contributors").path("weight").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(components.path("pr_throughput").path("weight").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(components.path("review_velocity").path("score").isNull()).isTrue();
        assertThat(health.path("score").asDouble()).isEqualTo(65.0);
        assertThat(health.path("grade").asText()).isEqualTo("C");
    }

    @Test
    void should_rank_the_repositories_and_keep_one_without_snapshots() throws Exception {
        JsonNode root = written();

        assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(names(root.path("repositories"))).containsExactlyInAnyOrder("acme/widget", "acme/empty");
        assertThat(root.path("repositories").path("acme/empty").path("asOf").isNull()).isTrue();
        assertThat(root.path("ranking")).hasSize(2);
        assertThat(names(root.path("ranking").path(0))).containsExactly("rank", "repository", "score", "grade");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
