package io.repovitals.metrics;

import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatsTest {
    private static final MetricDef DEF = new MetricDef("prs.size_lines.p50", MetricDef.Unit.NUMBER, "test");
    private static final List<Double> DATA = List.of(15.0, 1.0, 3.0, 7.0);

    /** numpy.percentile([1, 3, 7, 15], p) (linear, type 7): h = (n - 1) p / 100, interpolated between ranks. */
    @ParameterizedTest
    @CsvSource({"50, 5.0", "90, 12.6", "75, 9.0", "95, 13.8", "100, 15.0"})
    void should_interpolate_between_closest_ranks_as_type_7(double percent, double expected) {
        Outcome outcome = Stats.percentile(DEF, DATA, percent, "empty");

        assertThat(((Outcome.Value) outcome).value()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void should_leave_an_empty_population_or_zero_denominator_absent_with_the_reason() {
        assertThat(Stats.percentile(DEF, List.of(), 50, "no PR merged")).isEqualTo(Outcome.missing(DEF, "no PR merged"));
        assertThat(Stats.mean(DEF, List.of(), "no PR merged")).isEqualTo(Outcome.missing(DEF, "no PR merged"));
        assertThat(Stats.ratio(DEF, 0, 0, "nothing closed")).isEqualTo(Outcome.missing(DEF, "nothing closed"));
    }

    @Test
    void should_clamp_negative_durations_to_zero() {
        Instant later = Instant.parse("2026-11-20T00:00:00Z");

        assertThat(Stats.hours(later, later.minusSeconds(3600))).isZero();
        assertThat(Stats.hours(later.minusSeconds(5400), later)).isEqualTo(1.5);
    }
}
