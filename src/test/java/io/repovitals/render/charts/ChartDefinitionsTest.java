package io.repovitals.render.charts;

import io.repovitals.metrics.CiMetrics;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.RepoMetrics;
import io.repovitals.render.charts.ChartDefinitions.ChartDef;
import io.repovitals.render.charts.ChartDefinitions.SeriesDef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Charts hold which metrics go together; legends, units and scales come from the metric definitions. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartDefinitionsTest {
    @Test
    void should_draw_only_catalog_metrics_and_the_health_score() {
        assertThat(ChartDefinitions.ALL).flatExtracting(ChartDef::series).allSatisfy(series -> {
            if (!series.metric().equals(ChartDefinitions.HEALTH_SCORE)) {
                assertThat(MetricCatalog.byName(series.metric())).as(series.metric()).contains(series.def());
            }
        });
    }

    @Test
    void should_take_the_legend_unit_and_scale_from_the_definition() {
        SeriesDef failureRate = new SeriesDef(CiMetrics.FAILURE_RATE);
        SeriesDef p90 = new SeriesDef(CiMetrics.DURATION_P90);

        assertThat(failureRate.name()).isEqualTo("CI failure rate");
        assertThat(failureRate.scale()).isEqualTo(100);
        assertThat(new ChartDef("rate", "t", "y", CiMetrics.FAILURE_RATE).unit()).isEqualTo(" %");
        assertThat(p90.name()).isEqualTo("p90 CI duration");
        assertThat(p90.scale()).isEqualTo(1);
        assertThat(new SeriesDef(RepoMetrics.STARS).name()).isEqualTo("Stars");
        assertThat(new SeriesDef(ChartDefinitions.HEALTH).name()).isEqualTo("Health score");
    }

    @Test
    void should_refuse_a_chart_mixing_units() {
        assertThatThrownBy(() -> new ChartDef("mixed", "t", "y", CiMetrics.DURATION_P50, CiMetrics.FAILURE_RATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixed");
    }
}
