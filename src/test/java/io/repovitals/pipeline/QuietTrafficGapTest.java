package io.repovitals.pipeline;

import io.repovitals.collect.TrafficSchedule;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet repositories' skipped traffic is one kind of gap, whatever day each one's next fetch falls on. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuietTrafficGapTest {
    @Test
    void skipped_traffic_with_different_next_days_is_one_kind_of_gap() {
        String saturday = TrafficSchedule.Decision.nextBy(LocalDate.parse("2026-11-21")).skippedReason().orElseThrow();
        String tuesday = TrafficSchedule.Decision.nextBy(LocalDate.parse("2026-11-24")).skippedReason().orElseThrow();
        List<GapDigest.Gap> alpha = GapDigest.of(RepoRef.parse("acme/alpha"), traffic(saturday), null);
        List<GapDigest.Gap> beta = GapDigest.of(RepoRef.parse("acme/beta"), traffic(tuesday), null);
        assertThat(alpha).hasSize(1);
        assertThat(beta).hasSize(1);
        assertThat(alpha.get(0).kind()).isEqualTo(beta.get(0).kind()).isEqualTo(TrafficSchedule.SKIPPED);
        // Each repository's own line keeps its own day.
        assertThat(alpha.get(0).line()).contains("next by 2026-11-21");
        assertThat(beta.get(0).line()).contains("next by 2026-11-24");
    }

    private static Map<String, String> traffic(String reason) {
        return Map.of("traffic.views", reason, "traffic.unique_visitors", reason, "traffic.clones", reason,
                "traffic.unique_cloners", reason);
    }
}
