package io.repovitals.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole analysis over awkward random histories: gaps, constant series, zeros, huge values, one point. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyzerPropertiesTest {
    private static final long SEED = 5L;
    private static final String[] METRICS = {"repo.stars", "repo.forks", "prs.merged", "ci.failure_rate",
            "prs.time_to_first_review_hours.p50", "contributors.active", "issues.stale",
            "dora.deployment_frequency_per_week", "dora.lead_time_hours.p50", "dora.change_failure_rate",
            "dora.time_to_restore_hours.p50"};

    @Test
    void should_analyse_any_history_without_exceptions_and_write_valid_json() throws Exception {
        Random random = new Random(SEED);
        ObjectMapper mapper = new ObjectMapper();
        for (int run = 0; run < 80; run++) {
            List<Snapshot> history = new ArrayList<>();
            int length = random.nextInt(250);
            int day = 0;
            int kind = random.nextInt(4); // 0 random, 1 constant, 2 mostly zero, 3 huge
            for (int i = 0; i < length; i++) {
                day += 1 + (random.nextInt(10) == 0 ? random.nextInt(20) : 0); // gaps now and then
                Map<String, Number> metrics = new HashMap<>();
                for (String metric : METRICS) {
                    if (random.nextInt(5) > 0) {
                        double value = switch (kind) {
                            case 1 -> 7;
                            case 2 -> random.nextInt(20) == 0 ? 1 : 0;
                            case 3 -> random.nextDouble() * 1e12;
                            default -> random.nextDouble() * 100;
                        };
                        metrics.put(metric, value);
                    }
                }
                history.add(Histories.snapshot(Histories.REPO, Histories.NOW.plus(Duration.ofDays(day)), metrics));
            }

            Analysis analysis = new Analyzer().analyze(Histories.REPO, history);
            String json = AnalysisJson.write(OrgAnalysis.of(List.of(analysis)));

            String where = "seed " + SEED + " run " + run;
            assertThat(mapper.readTree(json).path("repositories").has(Histories.REPO)).as(where).isTrue();
            assertThat(analysis.health().explanation()).as(where).isNotBlank();
            analysis.forecasts().values().forEach(forecast ->
                    assertThat(forecast.lower()).as(where).isLessThanOrEqualTo(forecast.upper()));
            analysis.trends().values().forEach(trend -> assertThat(trend.points()).as(where).isGreaterThanOrEqualTo(3));
        }
    }
}
