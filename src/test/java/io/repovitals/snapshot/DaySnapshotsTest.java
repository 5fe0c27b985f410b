package io.repovitals.snapshot;

import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DaySnapshotsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void should_give_a_run_without_backfill_its_own_window_only() {
        assertThat(DaySnapshots.windows(AS_OF, 0, 7)).containsExactly(new Window(AS_OF, 7));
    }

    @Test
    void should_give_the_backfilled_days_oldest_first_and_the_run_s_own_day_last() {
        assertThat(DaySnapshots.windows(AS_OF, 2, 14)).containsExactly(
                new Window(Instant.parse("2026-11-18T00:00:00Z"), 14),
                new Window(Instant.parse("2026-11-19T00:00:00Z"), 14),
                new Window(AS_OF, 14));
    }
}
