package io.repovitals.collect;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quiet repositories' weekly traffic. Weekdays worked out by hand: CRC-32 of the name (zlib's, computed
 * outside Java) mod 7, 0 = Monday: acme/eta 3777926674 → 4 (Friday), acme/alpha 3390641637 → 5 (Saturday),
 * acme/beta 2892625527 → 1 (Tuesday), acme/delta 2361053782 → 3 (Thursday). 2026-11-20 is a Friday.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrafficScheduleTest {
    private static final RepoRef ETA = RepoRef.parse("acme/eta");
    private static final RepoRef ALPHA = RepoRef.parse("acme/alpha");
    private static final RepoRef BETA = RepoRef.parse("acme/beta");
    private static final RepoRef DELTA = RepoRef.parse("acme/delta");
    private static final Instant FRIDAY = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void a_first_run_fetches_the_traffic_of_the_repositories_whose_weekday_it_is_and_says_when_the_others_follow() {
        assertThat(TrafficSchedule.forQuiet(ETA, List.of(), FRIDAY).fetch()).isTrue();
        assertThat(TrafficSchedule.forQuiet(ALPHA, List.of(), FRIDAY).skippedReason()).contains(
                "quiet repository: traffic is fetched once a week, next by 2026-11-21; GitHub keeps 14 days, so no day is lost");
        assertThat(TrafficSchedule.forQuiet(BETA, List.of(), FRIDAY).skippedReason().orElseThrow()).contains("next by 2026-11-24");
        assertThat(TrafficSchedule.forQuiet(DELTA, List.of(), FRIDAY).skippedReason().orElseThrow()).contains("next by 2026-11-26");
        // The name's case does not move its day.
        assertThat(TrafficSchedule.forQuiet(RepoRef.parse("ACME/Eta"), List.of(), FRIDAY).fetch()).isTrue();
    }

    @Test
    void traffic_fetched_less_than_a_week_ago_waits_for_its_seventh_day_whatever_the_weekday() {
        // Fetched Saturday 2026-11-14 (6 days before), skipped since: next by 2026-11-21, even on eta's Friday.
        List<Snapshot> stored = List.of(fetched("2026-11-14"), skipped("2026-11-15"), skipped("2026-11-19"));
        assertThat(TrafficSchedule.latestFetch(stored)).contains(LocalDate.parse("2026-11-14"));
        assertThat(TrafficSchedule.forQuiet(ETA, stored, FRIDAY).skippedReason().orElseThrow()).contains("next by 2026-11-21");
        // Fetched Friday 2026-11-13, 7 days before: due, even for alpha, whose first fetch would wait for Saturday.
        List<Snapshot> weekOld = List.of(fetched("2026-11-13"), skipped("2026-11-14"), skipped("2026-11-19"));
        assertThat(TrafficSchedule.forQuiet(ALPHA, weekOld, FRIDAY).fetch()).isTrue();
        // A missed run does not lose the turn: fetched 10 days before, due now.
        assertThat(TrafficSchedule.forQuiet(ALPHA, List.of(fetched("2026-11-10")), FRIDAY).fetch()).isTrue();
    }

    @Test
    void what_counts_as_a_fetch() {
        // GitHub answered, refusing (no push access) or with no point: a fetch, asked again a week later.
        Snapshot refused = snapshot("2026-11-18", List.of(), "needs a token with push access (HTTP 403)", false);
        assertThat(TrafficSchedule.latestFetch(List.of(refused))).contains(LocalDate.parse("2026-11-18"));
        assertThat(TrafficSchedule.forQuiet(ETA, List.of(refused), FRIDAY).skippedReason().orElseThrow()).contains("next by 2026-11-25");
        // Skipped before this schedule, or cut by the budget (a partial snapshot): no fetch, so the weekday rule.
        Snapshot before = snapshot("2026-11-18", List.of(), "not collected for a quiet repository (nothing happened)", false);
        Snapshot cut = snapshot("2026-11-19", List.of(), "the request budget is spent", true);
        assertThat(TrafficSchedule.latestFetch(List.of(before, cut))).isEmpty();
        assertThat(TrafficSchedule.forQuiet(ETA, List.of(before, cut), FRIDAY).fetch()).isTrue();
        assertThat(TrafficSchedule.forQuiet(BETA, List.of(before, cut), FRIDAY).skippedReason().orElseThrow()).contains("next by 2026-11-24");
    }

    @Test
    void daily_runs_fetch_each_quiet_repository_once_a_week_from_its_weekday() {
        // Three weeks of daily runs from a first run on Friday 2026-11-20, each storing its snapshot.
        Map<RepoRef, List<String>> fetchDays = new TreeMap<>();
        for (RepoRef repo : List.of(ETA, ALPHA, BETA, DELTA)) {
            List<Snapshot> stored = new ArrayList<>();
            List<String> days = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                String day = LocalDate.parse("2026-11-20").plusDays(i).toString();
                boolean fetch = TrafficSchedule.forQuiet(repo, stored, Instant.parse(day + "T06:00:00Z")).fetch();
                stored.add(fetch ? fetched(day) : skipped(day));
                if (fetch) {
                    days.add(day);
                }
            }
            fetchDays.put(repo, days);
        }
        assertThat(fetchDays).containsEntry(ETA, List.of("2026-11-20", "2026-11-27", "2026-12-04"))
                .containsEntry(ALPHA, List.of("2026-11-21", "2026-11-28", "2026-12-05"))
                .containsEntry(BETA, List.of("2026-11-24", "2026-12-01", "2026-12-08"))
                .containsEntry(DELTA, List.of("2026-11-26", "2026-12-03", "2026-12-10"));
    }

    private static Snapshot fetched(String day) {
        LocalDate yesterday = LocalDate.parse(day).minusDays(1);
        return snapshot(day, List.of(new TrafficDay(yesterday, 3, 2, 1, 1)), null, false);
    }

    private static Snapshot skipped(String day) {
        return snapshot(day, List.of(), TrafficSchedule.Decision.nextBy(LocalDate.parse(day).plusDays(3)).skippedReason().orElseThrow(), false);
    }

    private static Snapshot snapshot(String day, List<TrafficDay> traffic, String trafficReason, boolean partial) {
        Map<String, String> missing = new TreeMap<>();
        Optional.ofNullable(trafficReason).ifPresent(reason -> List.of("traffic.views", "traffic.unique_visitors",
                "traffic.clones", "traffic.unique_cloners").forEach(metric -> missing.put(metric, reason)));
        return new Snapshot(Snapshot.SCHEMA_VERSION, "acme/any", Instant.parse(day + "T06:00:00Z"), 7, new TreeMap<>(),
                new TreeMap<>(missing), List.of(), traffic, new CollectionStats(2, 0, 0, partial));
    }
}
