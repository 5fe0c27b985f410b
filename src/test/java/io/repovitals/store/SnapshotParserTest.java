package io.repovitals.store;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.pipeline.SampleHistory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming fast path gives exactly what data binding gives, and steps aside for anything else. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotParserTest {
    private static final Snapshot FULL = new Snapshot(1, "octo/alpha", Instant.parse("2026-11-20T00:00:00Z"), 7,
            new TreeMap<>(Map.of("prs.merged", 12, // Integer: what JSON gives back for a small count
                    "prs.time_to_merge_hours.p50", 5.5, "repo.stars", 4_000_000_000L,
                    "ci.failure_rate", 0.1 + 0.2)),
            new TreeMap<>(Map.of("traffic.views", "needs a token with push access (HTTP 403) \"quoted\" \u00e9")),
            List.of(new ContributorStats("octocat", 3, 1, 1, 2, 4, 120, 7)),
            List.of(new TrafficDay(LocalDate.parse("2024-02-29"), 40, 12, 3, 2)),
            new CollectionStats(23, 12, 1234, true));

    @Test
    void should_read_a_written_snapshot_exactly_as_data_binding_does() throws Exception {
        byte[] pretty = SnapshotCodec.bytes(FULL);

        Snapshot fast = SnapshotParser.snapshot(pretty);

        assertThat(fast).isEqualTo(FULL).isEqualTo(dataBinding(pretty));
        // Counts stay integers of the size JSON gives them, decimals stay doubles: data binding's Number types.
        assertThat(fast.metrics().get("prs.merged")).isEqualTo(12);
        assertThat(fast.metrics().get("repo.stars")).isEqualTo(4_000_000_000L);
        assertThat(fast.metrics().get("ci.failure_rate")).isEqualTo(0.30000000000000004);
        assertThat(SnapshotParser.snapshot(SnapshotCodec.compactBytes(FULL))).isEqualTo(FULL);
    }

    @Test
    void should_write_and_read_the_git_fetch_figures_only_when_a_fetch_happened() throws Exception {
        Snapshot fetched = new Snapshot(FULL.schemaVersion(), FULL.repository(), FULL.asOf(), FULL.windowDays(),
                FULL.metrics(), FULL.missing(), FULL.contributors(), FULL.traffic(),
                new CollectionStats(22, 11, 1234, false, 48_213, 950));
        byte[] withFetch = SnapshotCodec.bytes(fetched);

        assertThat(new String(withFetch, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"gitBytes\" : 48213").contains("\"gitMs\" : 950");
        assertThat(SnapshotParser.snapshot(withFetch)).isEqualTo(fetched).isEqualTo(dataBinding(withFetch));
        // Without a fetch the block is as before the fields existed.
        assertThat(new String(SnapshotCodec.bytes(FULL), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("git");
    }

    @Test
    void should_mark_a_rebuilt_day_reconstructed_and_read_files_without_the_marker_as_observed() throws Exception {
        Snapshot rebuilt = new Snapshot(FULL.schemaVersion(), FULL.repository(), FULL.asOf(), FULL.windowDays(),
                FULL.metrics(), FULL.missing(), FULL.contributors(), FULL.traffic(), CollectionStats.reconstructed(false));
        byte[] written = SnapshotCodec.bytes(rebuilt);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"reconstructed\" : true");
        assertThat(SnapshotParser.snapshot(written)).isEqualTo(rebuilt).isEqualTo(dataBinding(written));
        assertThat(SnapshotParser.snapshot(written).collection().reconstructed()).isTrue();
        // An observed day's file has no such key, as every file written before the marker existed.
        assertThat(new String(SnapshotCodec.bytes(FULL), StandardCharsets.UTF_8)).doesNotContain("reconstructed");
        String older = "{\"schemaVersion\":1,\"repository\":\"octo/alpha\",\"asOf\":\"2026-11-20T00:00:00Z\","
                + "\"windowDays\":7,\"metrics\":{},\"missing\":{},\"contributors\":[],\"traffic\":[],"
                + "\"collection\":{\"requests\":0,\"graphqlCost\":0,\"durationMs\":0,\"partial\":false}}";
        assertThat(SnapshotCodec.read(older.getBytes(StandardCharsets.UTF_8)).collection().reconstructed()).isFalse();
        assertThat(SnapshotCodec.read(older).collection().reconstructed()).isFalse();
        // A marker that is not a boolean is not this program's shape: the fast path leaves it to data binding.
        assertThat(SnapshotParser.snapshot(older.replace("\"partial\":false", "\"partial\":false,\"reconstructed\":\"yes\"")
                .getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void should_read_every_demo_snapshot_as_data_binding_does() throws Exception {
        List<Snapshot> demo = SampleHistory.histories().values().stream().flatMap(List::stream).toList();
        assertThat(demo).hasSize(400);
        for (Snapshot snapshot : demo) {
            for (byte[] file : List.of(SnapshotCodec.compactBytes(snapshot), SnapshotCodec.bytes(snapshot))) {
                assertThat(SnapshotParser.snapshot(file)).isNotNull().isEqualTo(dataBinding(file));
            }
        }
    }

    @Test
    void should_read_a_weekly_file_as_data_binding_does() throws Exception {
        Snapshot next = new Snapshot(1, "octo/alpha", Instant.parse("2026-11-21T00:00:00Z"), 7, new TreeMap<>(),
                new TreeMap<>(), List.of(), List.of(), CollectionStats.NONE);
        byte[] weekly = SnapshotCodec.bytesAll(List.of(FULL, next));

        assertThat(SnapshotParser.snapshots(weekly)).containsExactly(FULL, next);
        assertThat(SnapshotCodec.readAll(weekly)).containsExactly(FULL, next);
    }

    @Test
    void should_step_aside_for_anything_out_of_the_written_shape() {
        String written = new String(SnapshotCodec.compactBytes(FULL), StandardCharsets.UTF_8);
        List<String> others = List.of(
                written.replace("\"2026-11-20T00:00:00Z\"", "\"2026-11-20T00:00:00.000Z\""),   // fraction
                written.replace("\"2026-11-20T00:00:00Z\"", "\"2026-11-20T01:00:00+01:00\""),  // offset
                written.replace("\"windowDays\":7,", ""),                                        // missing field
                written.replace("\"commits\":3", "\"commits\":\"3\""),                           // number as string
                written.replace("\"commits\":3", "\"commits\":3.0"),                             // decimal for a count
                written.replace("\"prs.merged\":12", "\"prs.merged\":null"),                     // null metric
                written.replace("\"2024-02-29\"", "\"2023-02-29\""),                             // no such day
                written.substring(0, written.length() - 10),                                     // cut short
                "[" + written + "]");                                                             // not an object
        for (String other : others) {
            assertThat(SnapshotParser.snapshot(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
        }
    }

    @Test
    void should_leave_judging_a_fraction_or_offset_instant_to_data_binding() throws Exception {
        String written = new String(SnapshotCodec.compactBytes(FULL), StandardCharsets.UTF_8)
                .replace("\"2026-11-20T00:00:00Z\"", "\"2026-11-20T00:00:00.000Z\"");

        assertThat(SnapshotCodec.read(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(FULL);
    }

    @Test
    void should_still_report_a_corrupt_file_with_the_parse_error() {
        byte[] cut = "{\"schemaVersion\": 1, \"repository\": \"octo/alpha\", \"asOf\": \"2026-11-21T0".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SnapshotCodec.read(cut)).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void should_ignore_unknown_fields_as_data_binding_does() throws Exception {
        String written = new String(SnapshotCodec.compactBytes(FULL), StandardCharsets.UTF_8)
                .replace("\"windowDays\":7,", "\"windowDays\":7,\"later\":{\"a\":[1,{\"b\":null}]},");
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);

        assertThat(SnapshotParser.snapshot(bytes)).isEqualTo(FULL).isEqualTo(dataBinding(bytes));
    }

    private static Snapshot dataBinding(byte[] json) throws Exception {
        return SnapshotCodec.read(new String(json, StandardCharsets.UTF_8)); // the String overload never takes the fast path
    }

}
