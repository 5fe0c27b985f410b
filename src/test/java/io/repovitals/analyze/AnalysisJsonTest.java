package io.repovitals.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HealthWeights;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;
import io.repovitals.pipeline.SampleHistory;
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
        // Stars rise by 1 a day for 100 days: enough for the back-test (97 points).
        double[] stars = new double[100];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = i + 1;
        }
        List<Snapshot> history = new ArrayList<>(Histories.daily().with("ci.failure_rate", failures)
                .with("repo.stars", stars).with("dora.deployment_frequency_per_week", 0.5)
                .with("dora.change_failure_rate", Double.NaN, 0.04).build());
        OrgAnalysis org = new Analyzer().analyzeAll(Map.of("acme/widget", history, "acme/empty", List.of()));
        String json = AnalysisJson.write(org);
        return new ObjectMapper().readTree(json);
    }

    @Test
    void should_explain_in_words_without_a_raw_metric_or_component_key() throws Exception {
        // The demo's histories, and the same repositories on their first day alone (a day of history: the
        // components score on bands, fork growth is left out) and with none (every component left out):
        // between them every kind of explanation the health score writes.
        Map<String, List<Snapshot>> demo = SampleHistory.histories();
        Analyzer analyzer = new Analyzer();
        List<OrgAnalysis> runs = List.of(analyzer.analyzeAll(demo),
                OrgAnalysis.of(demo.entrySet().stream().map(e -> analyzer.analyze(e.getKey(), List.of(e.getValue().get(0)))).toList()),
                OrgAnalysis.of(demo.keySet().stream().map(repository -> analyzer.analyze(repository, List.of())).toList()));
        List<String> explanations = new ArrayList<>();
        for (OrgAnalysis run : runs) {
            new ObjectMapper().readTree(AnalysisJson.write(run)).findValues("explanation")
                    .forEach(node -> explanations.add(node.asText()));
        }
        // Keys as the catalog lists them (a derived key such as ".p50" contains its def's name), and the
        // health components' keys that are not plain words.
        List<String> keys = new ArrayList<>(MetricCatalog.defs().stream().map(MetricDef::name).toList());
        HealthWeights.NAMES.stream().filter(name -> name.contains("_")).forEach(keys::add);

        // Per repository: the health line and 5 components; a left-out line and a banded one among them.
        assertThat(explanations).hasSize(3 * demo.size() * 6)
                .anySatisfy(line -> assertThat(line).contains("left out of the score"))
                .anySatisfy(line -> assertThat(line).contains("scored on fixed reference bands"))
                .anySatisfy(line -> assertThat(line).contains("of the last"))
                .anySatisfy(line -> assertThat(line).contains("left out for lack of data"));
        assertThat(keys).contains("contributors.active", "repo.forks", "pr_throughput");
        for (String line : explanations) {
            assertThat(line).as("explanation").doesNotContain(keys);
        }
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
                .containsExactly("days", "horizonDays", "intervalLevel", "value", "lower", "upper", "method", "backtestError",
                        "naiveBacktestError", "backtestOrigins", "beatsNaive");
        assertThat(names(repo.path("anomalies").path(0))).containsExactly("rank", "metric", "quantity", "date", "value", "median",
                "usualLow", "usualHigh", "robustZ", "severity", "rule", "baseline", "threshold", "sentence");
        assertThat(names(repo.path("anomalies").path(0).path("baseline"))).containsExactly("from", "to", "days", "points");
        assertThat(repo.path("dora").path("deployment_frequency").asText()).isEqualTo("medium");
        assertThat(repo.path("dora").path("change_failure_rate").asText()).isEqualTo("elite");
        assertThat(names(repo.path("dora"))).containsExactly("deployment_frequency", "change_failure_rate");
        assertThat(repo.path("doraBandsSource").asText()).isEqualTo("2023 State of DevOps report (DORA)");
    }

    @Test
    void should_write_values_as_the_records_hold_them() throws Exception {
        JsonNode repo = written().path("repositories").path("acme/widget");

        // Stars rise by exactly 1 a day: 7 a week, 30 days on from 100 is 130; every method back-tests without
        // error, so the naive random walk with drift stays.
        assertThat(repo.path("trends").path("repo.stars").path("slopePerWeek").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(repo.path("trends").path("repo.stars").path("direction").asText()).isEqualTo("rising");
        JsonNode stars = repo.path("forecasts").path("repo.stars");
        assertThat(stars.path("value").asDouble()).isCloseTo(130.0, within(1e-6));
        assertThat(stars.path("days").asInt()).isEqualTo(30);
        assertThat(stars.path("horizonDays").asInt()).isEqualTo(30);
        assertThat(stars.path("intervalLevel").asDouble()).isEqualTo(0.95);
        assertThat(stars.path("method").asText()).isEqualTo("naive_drift");
        assertThat(stars.path("beatsNaive").asBoolean()).isFalse();
        // Origins t = 28..69 of 100 points (28 days to train, 30 ahead): 42.
        assertThat(stars.path("backtestOrigins").asInt()).isEqualTo(42);
        // Deployments a week were measured once, far too few for a forecast: said, not guessed.
        assertThat(repo.path("forecastsWithheld").path("dora.deployment_frequency_per_week").asText())
                .isEqualTo("deployments a week: not enough history for a forecast yet (1 points; the back-test at 30 days needs about 97)");
        JsonNode anomaly = repo.path("anomalies").path(0);
        // Past failure rates' R-7 quartiles: 0.075 and 0.085 (h = 2.5 and 7.5 of 11 sorted values).
        assertThat(anomaly.path("sentence").asText()).isEqualTo("CI failure rate: 41 %; usually 7.5 % to 8.5 %");
        assertThat(anomaly.path("rank").asInt()).isEqualTo(1);
        assertThat(anomaly.path("date").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(anomaly.path("baseline").path("from").asText()).isEqualTo("2026-08-22T00:00:00Z");
        assertThat(anomaly.path("baseline").path("days").asInt()).isEqualTo(90);
        assertThat(anomaly.path("baseline").path("points").asInt()).isEqualTo(11);
        assertThat(anomaly.path("threshold").asDouble()).isEqualTo(3.5);
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
