package io.repovitals.metrics;

import io.repovitals.SharedSpec;
import io.repovitals.model.MetricDef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog and shared/spec/metrics.md name the same metrics, for every family implemented so far. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricCatalogTest {
    /**
     * A metric's row in the spec starts with its backticked name: | `repo.stars` | ... A row may name
     * variants after the first by their last part: | `prs.time_to_merge_hours.mean` / `.p50` / `.p90` |
     */
    private static final Pattern ROW = Pattern.compile("^\\| (`[a-z]+\\.[a-z0-9_.]+`(?: / `\\.[a-z0-9_]+`)*) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z0-9_.]+)`");

    static Set<String> specNames() throws IOException {
        Matcher matcher = ROW.matcher(Files.readString(SharedSpec.path("spec/metrics.md")));
        Set<String> names = new TreeSet<>();
        matcher.results().forEach(result -> {
            List<String> parts = NAME.matcher(result.group(1)).results().map(part -> part.group(1)).toList();
            String first = parts.get(0);
            names.add(first);
            String stem = first.substring(0, first.lastIndexOf('.'));
            parts.stream().skip(1).forEach(suffix -> names.add(stem + suffix));
        });
        return names;
    }

    @Test
    void should_read_every_variant_of_a_row() throws IOException {
        assertThat(specNames()).contains("prs.time_to_merge_hours.mean", "prs.time_to_merge_hours.p50",
                "prs.time_to_merge_hours.p90", "issues.open_age_days.p50", "ci.duration_minutes.p95");
    }

    @Test
    void should_name_only_metrics_the_spec_defines() throws IOException {
        Set<String> spec = specNames();
        assertThat(MetricCatalog.all()).extracting(MetricDef::name).allSatisfy(name -> assertThat(spec).contains(name));
    }

    @Test
    void should_cover_every_spec_metric_of_the_families_it_has() throws IOException {
        Set<String> families = new TreeSet<>();
        MetricCatalog.all().forEach(def -> families.add(def.family()));
        Set<String> expected = new TreeSet<>();
        for (String name : specNames()) {
            if (families.contains(name.substring(0, name.indexOf('.')))) {
                expected.add(name);
            }
        }
        assertThat(MetricCatalog.all()).extracting(MetricDef::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("repo.stars", "repo.open_issues", "repo.forks_gained");
    }

    @Test
    void should_have_unique_names() {
        assertThat(MetricCatalog.all()).extracting(MetricDef::name).doesNotHaveDuplicates();
    }
}
