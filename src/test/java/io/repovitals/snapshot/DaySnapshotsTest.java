package io.repovitals.snapshot;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Traffic;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.metrics.TrafficMetrics;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's one family list, traffic in it, makes a day's snapshot; traffic only ever in missing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DaySnapshotsTest {
    private static final RepoRef REPO = RepoRef.parse("acme/rocket");
    private static final Window DAY = new Window(Instant.parse("2026-11-20T00:00:00Z"), 7);
    private static final CollectionStats COST = new CollectionStats(3, 1, 10, false);

    @Test
    void should_name_every_metric_of_the_catalog_and_traffic_when_nothing_could_be_fetched() {
        Datasets nothing = new Datasets().without(Traffic.class, "needs a token with push access (HTTP 403)");

        Snapshot day = DaySnapshots.compute(REPO, nothing, List.of(DAY), MetricCatalog.families(), Set.of(), List.of(), COST)
                .get(0);

        assertThat(day.metrics()).isEmpty();
        assertThat(day.missing().keySet()).containsExactlyInAnyOrderElementsOf(
                MetricCatalog.defs().stream().map(MetricDef::name).toList());
        assertThat(day.missing()).containsEntry("traffic.views", "needs a token with push access (HTTP 403)")
                .containsEntry("repo.stars", "not collected");
        assertThat(day.traffic()).isEmpty();
    }

    @Test
    void should_refuse_a_value_from_a_family_of_daily_points() {
        MetricFamily broken = new MetricFamily() {
            @Override
            public List<MetricDef> defs() {
                return List.of(TrafficMetrics.VIEWS);
            }

            @Override
            public String title() {
                return "broken";
            }

            @Override
            public String about() {
                return "a traffic family that writes a value";
            }

            @Override
            public boolean dailyPoints() {
                return true;
            }

            @Override
            public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
                return List.of(Outcome.value(TrafficMetrics.VIEWS, 12));
            }
        };

        assertThatThrownBy(() -> DaySnapshots.compute(REPO, new Datasets(), List.of(DAY), List.of(broken), Set.of(),
                List.of(), COST)).isInstanceOf(IllegalStateException.class).hasMessageContaining("traffic.views");
    }

    @Test
    void should_give_a_run_without_backfill_its_own_window_only() {
        Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
        assertThat(DaySnapshots.windows(asOf, 0, 7)).containsExactly(new Window(asOf, 7));
    }

    @Test
    void should_give_the_backfilled_days_oldest_first_and_the_run_s_own_day_last() {
        Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
        assertThat(DaySnapshots.windows(asOf, 2, 14)).containsExactly(
                new Window(Instant.parse("2026-11-18T00:00:00Z"), 14),
                new Window(Instant.parse("2026-11-19T00:00:00Z"), 14),
                new Window(asOf, 14));
    }
}
