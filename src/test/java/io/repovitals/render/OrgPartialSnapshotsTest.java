package io.repovitals.render;

import io.repovitals.analyze.Analyzer;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: the organisation report names the repositories whose snapshot the request budget cut, and why. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrgPartialSnapshotsTest {
    private final Reports reports = new Reports(Optional.empty());

    /** The fixture's history under {@code name}; its latest snapshot partial with the given missing reasons when {@code missing} is set. */
    private static List<Snapshot> history(String name, Map<String, String> missing) {
        return Fixtures.history(name, Fixtures.contributors()).stream().map(s -> !s.asOf().equals(Fixtures.NOW) || missing == null ? s
                : new Snapshot(s.schemaVersion(), name, s.asOf(), 7, s.metrics(), new TreeMap<>(missing), s.contributors(),
                        List.of(), new CollectionStats(3, 0, 1, true))).toList();
    }

    @Test
    void should_list_each_partial_snapshot_with_the_reason_its_datasets_carry_escaped() {
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put("acme/whole", history("acme/whole", null));
        // Both kinds of reason: the budget's (why collection stopped) and a no-activity one, which is no reason to stop.
        histories.put("acme/_cut_", history("acme/_cut_", Map.of("ci.runs", "request budget of 900 exhausted",
                "traffic.views", "request budget of 900 exhausted", "prs.merge_ratio", "no pull request was merged in the window")));
        histories.put("acme/stopped", history("acme/stopped", Map.of()));

        String report = reports.organisation(new Analyzer().analyzeAll(histories), histories);

        String section = report.substring(report.indexOf("### Partial snapshots"));
        // The repository name escaped as every report escapes it (a word-edge _ would start emphasis); the budget's
        // reason once though two metrics carry it; the no-activity reason left out.
        assertThat(section).contains("- **acme/\\_cut\\_**: collection stopped early: request budget of 900 exhausted\n")
                .contains("- **acme/stopped**: collection stopped early, so some figures cover less than the full window\n")
                .doesNotContain("acme/whole").doesNotContain("no pull request was merged");
    }

    @Test
    void should_leave_the_section_out_when_every_snapshot_is_whole() {
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put("acme/a", history("acme/a", null));
        histories.put("acme/b", history("acme/b", null));

        String report = reports.organisation(new Analyzer().analyzeAll(histories), histories);

        assertThat(report).doesNotContain("Partial snapshots");
    }
}
