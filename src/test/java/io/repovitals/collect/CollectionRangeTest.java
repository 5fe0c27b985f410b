package io.repovitals.collect;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which past days a run rebuilds: the backfill on a first run, the skipped days later, capped by backfill-days. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectionRangeTest {
    private static final Instant NOV_16 = Instant.parse("2026-11-16T06:30:00Z");

    private static Optional<LocalDate> last(String day) {
        return Optional.of(LocalDate.parse(day));
    }

    @Test
    void should_backfill_the_whole_backfill_days_on_a_first_run() {
        assertThat(CollectionRange.daysToRebuild(Optional.empty(), NOV_16, 90)).isEqualTo(90);
        assertThat(CollectionRange.daysToRebuild(Optional.empty(), NOV_16, 0)).isZero();
    }

    @Test
    void should_fill_the_days_between_the_last_stored_day_and_the_run_s_own_day() {
        // Stored 11-10, run on 11-16: 11-11, 11-12, 11-13, 11-14 and 11-15 have no snapshot = 5.
        assertThat(CollectionRange.daysToRebuild(last("2026-11-10"), NOV_16, 90)).isEqualTo(5);
        // The daily run: yesterday is stored, nothing to fill.
        assertThat(CollectionRange.daysToRebuild(last("2026-11-15"), NOV_16, 90)).isZero();
        // A re-run on the same day, or an as-of before the latest stored day: nothing either.
        assertThat(CollectionRange.daysToRebuild(last("2026-11-16"), NOV_16, 90)).isZero();
        assertThat(CollectionRange.daysToRebuild(last("2026-11-20"), NOV_16, 90)).isZero();
    }

    @Test
    void should_fill_at_most_backfill_days_and_nothing_when_it_is_0() {
        // Stored 2026-08-01, run on 11-16: 106 days skipped (Aug 2-31 = 30, Sep 30, Oct 31, Nov 1-15 = 15), 90 filled.
        assertThat(CollectionRange.daysToRebuild(last("2026-08-01"), NOV_16, 90)).isEqualTo(90);
        assertThat(CollectionRange.daysToRebuild(last("2026-08-01"), NOV_16, 200)).isEqualTo(106);
        assertThat(CollectionRange.daysToRebuild(last("2026-11-10"), NOV_16, 0)).isZero();
    }
}
