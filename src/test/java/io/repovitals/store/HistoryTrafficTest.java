package io.repovitals.store;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Traffic;
import io.repovitals.collect.TrafficSchedule;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.snapshot.DaySnapshots;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quiet repository's traffic, fetched once a week: what the history gives back across its stored snapshots.
 * GitHub's answer on day D is the 14 daily points D-13 … D, D's own still under way; the fake views of a
 * finished day are its day of the month (views on 2026-11-09 = 9), of the day under way 1.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryTrafficTest {
    private static final RepoRef REPO = RepoRef.parse("acme/quiet");

    @Test
    void a_later_snapshots_fourteen_points_fill_the_days_the_quiet_repository_skipped() throws IOException {
        // Fetched on 11-14, skipped 11-15 … 11-20 (the schedule's reason), fetched again on 11-21.
        List<Snapshot> stored = new ArrayList<>();
        for (int day = 14; day <= 21; day++) {
            LocalDate date = LocalDate.of(2026, 11, day);
            Datasets data = new Datasets();
            if (day == 14 || day == 21) {
                data.with(Traffic.class, gitHubAnswerOn(date));
            } else {
                data.without(Traffic.class, TrafficSchedule.Decision.nextBy(LocalDate.of(2026, 11, 21)).skippedReason().orElseThrow());
            }
            Snapshot own = DaySnapshots.compute(REPO, data, DaySnapshots.windows(Instant.parse(date + "T06:00:00Z"), 0, 7),
                    MetricCatalog.families(), Set.of(), List.copyOf(stored), CollectionStats.NONE).get(0);
            // Through the stored file format, as a later run reads it.
            stored.add(SnapshotCodec.read(SnapshotCodec.write(own)));
        }
        assertThat(stored.get(3).traffic()).isEmpty(); // 11-17's own snapshot holds no point
        assertThat(stored.get(3).missing().get("traffic.views")).startsWith(TrafficSchedule.SKIPPED);

        List<TrafficDay> traffic = new History(REPO, stored, List.of()).traffic();
        // 11-01 (14 − 13) … 11-21: 21 days with none left out.
        assertThat(traffic).extracting(TrafficDay::day)
                .isEqualTo(LocalDate.of(2026, 11, 1).datesUntil(LocalDate.of(2026, 11, 22)).toList());
        // The skipped days 11-15 … 11-20 come from 11-21's answer: views = day of month.
        assertThat(traffic.subList(14, 20)).extracting(TrafficDay::views).containsExactly(15, 16, 17, 18, 19, 20);
        // 11-14, under way (1) when 11-14's snapshot saw it, is the finished 14 from 11-21's; 11-21 itself is under way.
        assertThat(traffic.get(13).views()).isEqualTo(14);
        assertThat(traffic.get(20).views()).isEqualTo(1);
        // And the days only 11-14's answer held (11-01 … 11-07) stay as it saw them: 11-02 is 2.
        assertThat(traffic.get(1).views()).isEqualTo(2);
        assertThat(TrafficSchedule.latestFetch(stored)).contains(LocalDate.of(2026, 11, 21));
    }

    private static Traffic gitHubAnswerOn(LocalDate day) {
        List<TrafficDay> points = new ArrayList<>();
        for (LocalDate point = day.minusDays(13); !point.isAfter(day); point = point.plusDays(1)) {
            int views = point.equals(day) ? 1 : point.getDayOfMonth();
            points.add(new TrafficDay(point, views, 1, 0, 0));
        }
        return new Traffic(points);
    }
}
