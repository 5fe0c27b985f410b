package io.repovitals.metrics;

import io.repovitals.SharedSpec;
import io.repovitals.model.MetricDef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog and shared/spec/metrics.md name the same metrics, for every family implemented so far. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricCatalogTest {
    /**
     * A metric's row in the spec starts with its backticked name: | `repo.stars` | ..., or with several
     * names in shorthand: | `ci.duration_minutes.min` / `.p50` / `.max` | (each suffix replaces the last part).
     */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+\\.[a-z0-9_.]+)`((?: / `\\.[a-z0-9_]+`)*)",
            Pattern.MULTILINE);
    private static final Pattern SUFFIX = Pattern.compile("`\\.([a-z0-9_]+)`");

    static Set<String> specNames() throws IOException {
        Matcher matcher = ROW.matcher(Files.readString(SharedSpec.path("spec/metrics.md")));
        Set<String> names = new TreeSet<>();
        matcher.results().forEach(result -> {
            String first = result.group(1);
            names.add(first);
            String stem = first.substring(0, first.lastIndexOf('.') + 1);
            SUFFIX.matcher(result.group(2)).results().forEach(suffix -> names.add(stem + suffix.group(1)));
        });
        return names;
    }

    @Test
    void should_read_the_shorthand_rows_of_the_spec() throws IOException {
        assertThat(specNames()).contains("ci.duration_minutes.min", "ci.duration_minutes.p95", "ci.duration_minutes.mean",
                "prs.time_to_merge_hours.mean", "prs.time_to_merge_hours.p90", "ci.default_branch_passing");
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
