package io.repovitals.metrics;

import io.repovitals.model.MetricDef;
import io.repovitals.model.MetricDef.Unit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric definitions in the code are the catalog's one source: they name the contract's metrics,
 * each defined fully, and docs/metrics.md is what {@link CatalogDocument} renders from them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricCatalogTest {
    // A metric's row in docs/metrics.md starts with its backticked name.
    private static final Pattern ROW_NAME = Pattern.compile("^\\| `([a-z0-9_.]+)` \\|", Pattern.MULTILINE);

    @Test
    void should_keep_the_committed_docs_metrics_md_current() throws IOException {
        assertThat(Files.readString(CatalogDocument.FILE, StandardCharsets.UTF_8))
                .as(CatalogDocument.FILE + " is stale: run " + CatalogDocument.REGENERATE)
                .isEqualTo(CatalogDocument.render());
    }

    @Test
    void should_define_every_contract_metric_in_its_order() {
        // A new metric joins the catalog without a change here; none of the contract's may go or move.
        assertThat(MetricCatalog.defs()).extracting(MetricDef::name).containsSubsequence(CatalogContract.NAMES);
    }

    @Test
    void should_keep_traffic_in_the_family_list_but_out_of_the_snapshot_metrics() {
        assertThat(MetricCatalog.families()).last().isInstanceOf(TrafficMetrics.class)
                .satisfies(family -> assertThat(family.dailyPoints()).isTrue());
        assertThat(MetricCatalog.families()).filteredOn(MetricFamily::dailyPoints).hasSize(1);
        assertThat(MetricCatalog.all()).containsExactlyElementsOf(MetricCatalog.families().stream()
                .filter(family -> !family.dailyPoints()).flatMap(family -> family.defs().stream()).toList());
        assertThat(MetricCatalog.all()).extracting(MetricDef::name).containsSubsequence(CatalogContract.MEASURED)
                .doesNotContainAnyElementsOf(CatalogContract.TRAFFIC);
        assertThat(MetricCatalog.byName("traffic.clones")).contains(TrafficMetrics.CLONES);
    }

    @Test
    void should_give_the_run_the_same_families_as_the_defaults_with_its_settings() {
        List<MetricFamily> run = MetricCatalog.families(Set.of("renovate"), 10, List.of("outage"));

        assertThat(run).extracting(family -> family.getClass().getSimpleName()).containsExactlyElementsOf(
                MetricCatalog.families().stream().map(family -> family.getClass().getSimpleName()).toList());
        assertThat(run).flatExtracting(MetricFamily::defs).containsExactlyElementsOf(MetricCatalog.defs());
    }

    @Test
    void should_document_every_metric_of_the_catalog_and_traffic_once_in_one_table_row_each() {
        List<String> rows = ROW_NAME.matcher(CatalogDocument.render()).results().map(row -> row.group(1)).toList();

        assertThat(rows).containsExactlyElementsOf(MetricCatalog.defs().stream().map(MetricDef::name).toList())
                .containsSubsequence(CatalogContract.NAMES);
        assertThat(CatalogDocument.documented()).containsExactlyElementsOf(MetricCatalog.defs());
    }

    @Test
    void should_have_unique_names() {
        assertThat(CatalogDocument.documented()).extracting(MetricDef::name).doesNotHaveDuplicates();
    }

    @Test
    void should_give_every_metric_its_own_label_so_that_a_sentence_names_one_metric() {
        assertThat(MetricCatalog.defs()).extracting(MetricDef::label).doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).isNotBlank().doesNotContain("_"));
    }

    @Test
    void should_label_each_statistic_of_a_metric_in_words() {
        assertThat(MetricCatalog.label("ci.duration_minutes.max")).isEqualTo("maximum CI duration");
        assertThat(MetricCatalog.label("ci.duration_minutes.min")).isEqualTo("minimum CI duration");
        assertThat(MetricCatalog.label("ci.duration_minutes.p50")).isEqualTo("median CI duration");
        assertThat(MetricCatalog.label("ci.duration_minutes.p90")).isEqualTo("p90 CI duration");
        assertThat(MetricCatalog.label("prs.time_to_first_review_hours.p90")).isEqualTo("p90 first review");
        assertThat(MetricCatalog.label("issues.open_age_days.mean")).isEqualTo("mean age of open issues");
        // A label differs from the table's summary where a sentence wants fewer words.
        assertThat(RepoMetrics.STARS.label()).isEqualTo("stars");
        assertThat(RepoMetrics.STARS.summary()).isEqualTo("stargazers");
    }

    @Test
    void should_look_up_the_unit_and_format_of_a_metric_and_guess_nothing_for_an_unknown_one() {
        assertThat(MetricCatalog.unit("dora.lead_time_hours.p50")).isEqualTo(Unit.HOURS);
        assertThat(MetricCatalog.prose("dora.lead_time_hours.p50", 9.5)).isEqualTo("9.5 h");
        assertThat(PrMetrics.REVIEW_COVERAGE.format(0.412)).isEqualTo("41 %");
        assertThat(CiMetrics.DURATION_P50.format(45.0)).isEqualTo("45 min");
        assertThat(MetricCatalog.unit("custom.wait_hours")).isEqualTo(Unit.NUMBER);
        assertThat(MetricCatalog.label("custom.wait_hours")).isEqualTo("custom.wait_hours");
        assertThat(MetricCatalog.summary("custom.wait_hours")).isEqualTo("custom.wait_hours");
    }

    @Test
    void should_give_every_metric_a_summary_a_definition_and_when_it_is_missing() {
        assertThat(CatalogDocument.documented()).allSatisfy(def -> {
            assertThat(def.summary()).as(def.name()).isNotBlank();
            assertThat(def.definition()).as(def.name()).isNotBlank().doesNotContain("\n");
            assertThat(def.missingWhen()).as(def.name()).isNotBlank().doesNotContain("\n");
            assertThat(def.excluded()).as(def.name()).doesNotContain("\n").isEqualTo(def.excluded().strip());
        });
    }

    @Test
    void should_measure_in_the_unit_the_name_says() {
        Map<String, Unit> unitOfNamePart = Map.of("_hours", Unit.HOURS, "_minutes", Unit.MINUTES, "_days", Unit.DAYS,
                "_per_week", Unit.PER_WEEK, "_ratio", Unit.RATIO, "_rate", Unit.RATIO);
        for (MetricDef def : CatalogDocument.documented()) {
            Optional<String> part = unitOfNamePart.keySet().stream()
                    .filter(key -> def.name().contains(key + ".") || def.name().endsWith(key)).findFirst();
            if (part.isPresent()) {
                assertThat(def.unit()).as(def.name()).isEqualTo(unitOfNamePart.get(part.get()));
            } else {
                // Durations and rates say their unit in the name (conventions: "durations").
                assertThat(def.unit()).as(def.name()).isIn(Unit.COUNT, Unit.FLAG, Unit.NUMBER, Unit.RATIO);
            }
        }
    }

    @Test
    void should_word_each_statistic_of_a_metric_in_its_definition() {
        assertThat(PrMetrics.TIME_TO_MERGE_P90.definition()).startsWith("90th percentile (p90) of `mergedAt - createdAt`");
        assertThat(PrMetrics.TIME_TO_MERGE_P50.definition()).startsWith("median (p50) of");
        assertThat(PrMetrics.TIME_TO_MERGE_MEAN.definition()).startsWith("mean of");
        assertThat(CiMetrics.DURATION_MIN.definition()).startsWith("minimum of");
        assertThat(CiMetrics.DURATION_P75.definition()).startsWith("75th percentile (p75) of");
    }

    @Test
    void should_quote_in_the_definitions_the_values_the_code_uses() {
        assertThat(CommitMetrics.HOTFIX.definition()).contains("`" + CommitMetrics.HOTFIX_LINE.pattern() + "`");
        assertThat(IssueMetrics.STALE.definition()).contains("(default " + IssueMetrics.DEFAULT_STALE_DAYS + ")");
        assertThat(ContributorMetrics.BUS_FACTOR.definition()).contains("[asOf - " + ContributorMetrics.BUS_FACTOR_DAYS + " days, asOf)");
    }

    @Test
    void should_render_a_row_per_metric_with_a_dash_for_no_exclusion() {
        String document = CatalogDocument.render();

        assertThat(RepoMetrics.STARS.excluded()).isEmpty();
        assertThat(document).contains("| `repo.stars` | stars | count | higher is better | stargazer count at asOf | — | ");
        assertThat(document).contains("| `repo.open_issues` | open issues | count | neither | open issues at asOf | pull requests | ");
        assertThat(document).contains("| `prs.merge_ratio` | PR merge ratio | ratio 0..1 | ");
    }

    @Test
    void should_name_one_quantity_for_a_metric_and_the_ones_derived_from_it() {
        assertThat(MetricCatalog.quantity("repo.stars_gained")).isEqualTo("repo.stars");
        assertThat(MetricCatalog.quantity("repo.forks_gained")).isEqualTo("repo.forks");
        assertThat(MetricCatalog.quantity("dora.deployment_frequency_per_week")).isEqualTo("dora.deployments");
        assertThat(MetricCatalog.quantity("repo.stars")).isEqualTo("repo.stars");
        assertThat(MetricCatalog.quantity("prs.merged")).isEqualTo("prs.merged");
        assertThat(MetricCatalog.quantity("not.in_the_catalog")).isEqualTo("not.in_the_catalog");
    }
}
