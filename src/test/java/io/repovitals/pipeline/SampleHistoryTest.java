package io.repovitals.pipeline;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.Anomaly;
import io.repovitals.metrics.CatalogContract;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.store.SnapshotCodec;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample history the demo makes (the real metric families over simulated datasets) obeys
 * metrics.md on every day, shows what the action's collection can and cannot know, and tells its story.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleHistoryTest {
    /** Made once for the class: the same call the demo makes. */
    private static final Map<String, List<Snapshot>> HISTORIES = SampleHistory.histories();
    private static final LocalDate FIRST = LocalDate.parse("2026-05-05");
    private static final LocalDate LAST = LocalDate.parse("2026-11-20");
    private static final LocalDate RELEASE = LocalDate.parse("2026-09-15");
    /** The first run: 30 days after the first day, it backfills days 0 to 29 from its one fetch. */
    private static final int FIRST_RUN = 30;
    /** The 14 days of traffic GitHub served the first run begin on this day, so no earlier day has traffic. */
    private static final LocalDate FIRST_TRAFFIC_DAY = FIRST.plusDays(FIRST_RUN - 14);

    private static void everyDay(Consumer<Snapshot> check) {
        HISTORIES.values().forEach(days -> days.forEach(check));
    }

    private static double value(Snapshot snapshot, String metric) {
        Number number = snapshot.metrics().get(metric);
        assertThat(number).as(metric + " on " + snapshot.asOf() + " of " + snapshot.repository()).isNotNull();
        return number.doubleValue();
    }

    @Test
    void should_hold_200_consecutive_days_of_two_repositories_ending_on_2026_11_20() {
        assertThat(HISTORIES.keySet()).containsExactly("acme/rocket", "acme/launchpad");
        HISTORIES.forEach((repository, days) -> {
            assertThat(days).hasSize(200);
            for (int i = 0; i < days.size(); i++) {
                Snapshot snapshot = days.get(i);
                assertThat(snapshot.repository()).isEqualTo(repository);
                assertThat(snapshot.asOf()).isEqualTo(FIRST.plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant());
                assertThat(snapshot.windowDays()).isEqualTo(7);
                assertThat(snapshot.schemaVersion()).isEqualTo(1);
            }
            assertThat(days.get(199).asOf()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        });
    }

    @Test
    void should_make_the_same_history_byte_for_byte_on_every_call() {
        Map<String, List<Snapshot>> again = SampleHistory.histories();

        assertThat(again.keySet()).containsExactlyElementsOf(HISTORIES.keySet());
        HISTORIES.forEach((repository, days) -> {
            assertThat(again.get(repository)).isEqualTo(days);
            for (int i = 0; i < days.size(); i++) {
                assertThat(SnapshotCodec.compactBytes(again.get(repository).get(i)))
                        .as(repository + " day " + i).isEqualTo(SnapshotCodec.compactBytes(days.get(i)));
            }
        });
    }

    @Test
    void should_record_what_each_run_cost_on_its_own_day_only() {
        HISTORIES.values().forEach(days -> {
            for (int i = 0; i < days.size(); i++) {
                CollectionStats collection = days.get(i).collection();
                assertThat(collection.partial()).isFalse();
                if (i < FIRST_RUN) {
                    // No cost of its own, and marked as rebuilt from the first run's fetch.
                    assertThat(collection).as("backfilled day " + i).isEqualTo(new CollectionStats(0, 0, 0, false, 0, 0, true));
                } else {
                    assertThat(collection.requests()).as("run of day " + i).isGreaterThan(collection.graphqlCost()).isPositive();
                    assertThat(collection.reconstructed()).as("run of day " + i).isFalse();
                }
            }
        });
    }

    @Test
    void should_measure_or_explain_every_metric_of_the_catalog_every_day() {
        // The bundle is a stored history, made by SampleHistoryGenerator: it names every metric of the contract
        // and nothing the catalog does not define, as a history stored before a metric was added does.
        Set<String> catalog = MetricCatalog.all().stream().map(MetricDef::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> firstDay = new TreeSet<>(HISTORIES.get("acme/rocket").get(0).metrics().keySet());
        firstDay.addAll(HISTORIES.get("acme/rocket").get(0).missing().keySet());
        firstDay.removeAll(CatalogContract.TRAFFIC);
        everyDay(snapshot -> {
            Set<String> named = new TreeSet<>(snapshot.metrics().keySet());
            named.addAll(snapshot.missing().keySet());
            named.removeAll(CatalogContract.TRAFFIC);
            assertThat(named).as(snapshot.repository() + " " + snapshot.asOf())
                    .containsAll(CatalogContract.MEASURED).isSubsetOf(catalog).isEqualTo(firstDay);
            snapshot.missing().values().forEach(reason -> assertThat(reason).isNotBlank());
            MetricCatalog.all().stream().filter(def -> def.unit() == MetricDef.Unit.COUNT || def.unit() == MetricDef.Unit.FLAG)
                    .map(MetricDef::name).filter(snapshot.metrics()::containsKey)
                    .forEach(name -> assertThat(snapshot.metrics().get(name)).as(name).isInstanceOfAny(Integer.class, Long.class));
        });
    }

    @Test
    void should_keep_the_ratios_to_their_definitions() {
        everyDay(snapshot -> {
            double merged = value(snapshot, "prs.merged");
            double closed = value(snapshot, "prs.closed_unmerged");
            if (merged + closed == 0) {
                assertThat(snapshot.missing()).containsKey("prs.merge_ratio");
            } else {
                assertThat(value(snapshot, "prs.merge_ratio")).isEqualTo(merged / (merged + closed));
            }
            double runs = value(snapshot, "ci.runs");
            double failures = value(snapshot, "ci.failures");
            assertThat(failures).isLessThanOrEqualTo(runs);
            if (runs > 0) {
                assertThat(value(snapshot, "ci.failure_rate")).isEqualTo(failures / runs);
            }
            assertThat(value(snapshot, "dora.deployment_frequency_per_week"))
                    .isEqualTo(value(snapshot, "dora.deployments") * 7 / snapshot.windowDays());
            if (value(snapshot, "commits.authors") > 0) {
                assertThat(value(snapshot, "commits.per_author"))
                        .isEqualTo(value(snapshot, "commits.count") / value(snapshot, "commits.authors"));
            }
            for (String share : List.of("prs.merge_ratio", "prs.review_coverage", "ci.failure_rate", "dora.change_failure_rate")) {
                if (snapshot.metrics().containsKey(share)) {
                    assertThat(value(snapshot, share)).as(share).isBetween(0.0, 1.0);
                }
            }
        });
    }

    @Test
    void should_order_every_percentile() {
        List<List<String>> ordered = List.of(
                List.of("prs.time_to_merge_hours.p50", "prs.time_to_merge_hours.p90"),
                List.of("prs.time_to_first_review_hours.p50", "prs.time_to_first_review_hours.p90"),
                List.of("issues.time_to_first_response_hours.p50", "issues.time_to_first_response_hours.p90"),
                List.of("ci.duration_minutes.min", "ci.duration_minutes.p50", "ci.duration_minutes.p75",
                        "ci.duration_minutes.p90", "ci.duration_minutes.p95", "ci.duration_minutes.max"),
                List.of("ci.duration_minutes.min", "ci.duration_minutes.mean", "ci.duration_minutes.max"));
        everyDay(snapshot -> {
            for (List<String> chain : ordered) {
                for (int i = 1; i < chain.size(); i++) {
                    if (snapshot.metrics().containsKey(chain.get(i))) {
                        assertThat(value(snapshot, chain.get(i - 1))).as(chain.get(i - 1) + " <= " + chain.get(i) + " on " + snapshot.asOf())
                                .isLessThanOrEqualTo(value(snapshot, chain.get(i)));
                    }
                }
            }
        });
    }

    @Test
    void should_add_the_contributor_rows_up_to_the_window_totals() {
        everyDay(snapshot -> {
            List<ContributorStats> rows = snapshot.contributors();
            assertThat(rows).extracting(ContributorStats::login).doesNotHaveDuplicates()
                    .noneMatch(login -> login.endsWith("[bot]"));
            assertThat(rows.stream().mapToLong(ContributorStats::commits).sum()).isEqualTo((long) value(snapshot, "commits.count"));
            assertThat(rows.stream().mapToLong(ContributorStats::prsOpened).sum()).isEqualTo((long) value(snapshot, "prs.opened"));
            assertThat(rows.stream().mapToLong(ContributorStats::prsMerged).sum()).isEqualTo((long) value(snapshot, "prs.merged"));
            assertThat(rows.stream().mapToLong(ContributorStats::linesAdded).sum()).isEqualTo((long) value(snapshot, "code.lines_added"));
            assertThat(rows.stream().mapToLong(ContributorStats::linesDeleted).sum()).isEqualTo((long) value(snapshot, "code.lines_deleted"));
            assertThat(rows.stream().filter(row -> row.commits() > 0).count()).isEqualTo((long) value(snapshot, "commits.authors"));
            assertThat(value(snapshot, "contributors.active")).isLessThanOrEqualTo(rows.size());
        });
    }

    @Test
    void should_have_about_fifteen_people_on_rocket_a_few_of_them_doing_most_commits() {
        Map<String, Long> commits = new HashMap<>();
        List<Snapshot> rocket = HISTORIES.get("acme/rocket");
        for (int i = rocket.size() - 1; i >= 0; i -= 7) { // disjoint windows, so no commit is counted twice
            rocket.get(i).contributors().forEach(row -> commits.merge(row.login(), (long) row.commits(), Long::sum));
        }
        long total = commits.values().stream().mapToLong(Long::longValue).sum();
        long topThree = commits.values().stream().sorted((a, b) -> Long.compare(b, a)).limit(3).mapToLong(Long::longValue).sum();

        assertThat(commits).hasSizeBetween(12, 18);
        assertThat((double) topThree / total).isGreaterThan(0.5);
    }

    @Test
    void should_grow_stars_with_a_bump_after_the_release_and_rare_small_unstars() {
        HISTORIES.values().forEach(days -> {
            int drops = 0;
            for (int i = 0; i < days.size(); i++) {
                // The token sees no star times: only a run's own day knows the count, and stars_gained
                // needs the count of 7 days before from the history.
                if (i < FIRST_RUN) {
                    assertThat(days.get(i).missing().get("repo.stars")).as("day " + i)
                            .startsWith("GitHub withholds star times from this token");
                } else if (i > FIRST_RUN) {
                    double change = value(days.get(i), "repo.stars") - value(days.get(i - 1), "repo.stars");
                    assertThat(change).as("stars change on " + days.get(i).asOf()).isGreaterThanOrEqualTo(-2);
                    drops += change < 0 ? 1 : 0;
                }
                if (i < FIRST_RUN + 7) {
                    assertThat(days.get(i).missing()).as("day " + i).containsKey("repo.stars_gained");
                } else {
                    assertThat(value(days.get(i), "repo.stars_gained"))
                            .isEqualTo(value(days.get(i), "repo.stars") - value(days.get(i - 7), "repo.stars"));
                }
                if (i >= 7) {
                    assertThat(value(days.get(i), "repo.forks_gained"))
                            .isEqualTo(value(days.get(i), "repo.forks") - value(days.get(i - 7), "repo.forks"));
                }
            }
            assertThat(drops).isLessThan(days.size() / 10);
        });
        List<Snapshot> rocket = HISTORIES.get("acme/rocket");
        double usual = median(rocket.stream().filter(s -> day(s).isBefore(RELEASE) && s.metrics().containsKey("repo.stars_gained"))
                .map(s -> value(s, "repo.stars_gained")).toList());
        double afterRelease = value(rocket.stream().filter(s -> day(s).equals(RELEASE.plusDays(7))).findFirst().orElseThrow(),
                "repo.stars_gained");
        assertThat(afterRelease).isGreaterThan(3 * usual);
    }

    @Test
    void should_keep_the_traffic_days_github_served_agreeing_between_overlapping_snapshots_and_quiet_weekends() {
        HISTORIES.values().forEach(days -> {
            Map<LocalDate, TrafficDay> seen = new HashMap<>();
            for (Snapshot snapshot : days) {
                LocalDate day = day(snapshot);
                if (!day.isAfter(FIRST_TRAFFIC_DAY)) {
                    assertThat(snapshot.traffic()).as(day.toString()).isEmpty();
                    assertThat(snapshot.missing()).containsKeys("traffic.views", "traffic.unique_visitors", "traffic.clones",
                            "traffic.unique_cloners");
                    continue;
                }
                // Each run stores the 14 days before its asOf; a backfilled day, those of the first run before it.
                LocalDate from = day.minusDays(14).isBefore(FIRST_TRAFFIC_DAY) ? FIRST_TRAFFIC_DAY : day.minusDays(14);
                assertThat(snapshot.missing()).doesNotContainKeys("traffic.views", "traffic.clones");
                assertThat(snapshot.traffic()).extracting(TrafficDay::day)
                        .containsExactlyElementsOf(from.datesUntil(day).toList());
                for (TrafficDay point : snapshot.traffic()) {
                    assertThat(point.uniqueVisitors()).isLessThanOrEqualTo(point.views());
                    assertThat(point.uniqueCloners()).isLessThanOrEqualTo(point.clones());
                    TrafficDay earlier = seen.putIfAbsent(point.day(), point);
                    assertThat(earlier == null ? point : earlier).isEqualTo(point);
                }
            }
            assertThat(days.get(days.size() - 1).traffic()).hasSize(14);
            List<Double> weekend = new ArrayList<>();
            List<Double> weekday = new ArrayList<>();
            seen.values().forEach(point -> (point.day().getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()
                    ? weekend : weekday).add((double) point.views()));
            assertThat(mean(weekend)).isLessThan(0.8 * mean(weekday));
        });
    }

    @Test
    void should_leave_what_a_backfill_cannot_know_missing_on_the_first_30_days_only() {
        HISTORIES.values().forEach(days -> {
            for (int i = 0; i < days.size(); i++) {
                boolean backfilled = i < FIRST_RUN;
                assertThat(days.get(i).missing().containsKey("repo.watchers")).as("day " + i).isEqualTo(backfilled);
                assertThat(days.get(i).missing().containsKey("repo.branches")).as("day " + i).isEqualTo(backfilled);
                assertThat(days.get(i).missing().containsKey("repo.stars")).as("day " + i).isEqualTo(backfilled);
                assertThat(days.get(i).missing().containsKey("contributors.new")).as("day " + i).isEqualTo(i == 0);
            }
        });
    }

    @Test
    void should_drift_towards_slower_first_reviews_on_rocket() {
        List<Snapshot> rocket = HISTORIES.get("acme/rocket");
        double early = mean(rocket.subList(0, 30).stream().map(s -> value(s, "prs.time_to_first_review_hours.p50")).toList());
        double late = mean(rocket.subList(170, 200).stream().map(s -> value(s, "prs.time_to_first_review_hours.p50")).toList());

        assertThat(late).isGreaterThan(1.3 * early);
    }

    @Test
    void should_give_rocket_a_health_score_and_the_ci_breakage_of_the_last_week_as_an_anomaly() {
        Analysis analysis = new Analyzer().analyze("acme/rocket", HISTORIES.get("acme/rocket"));

        assertThat(analysis.asOf()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(analysis.health().score()).isNotNull().isBetween(0.0, 100.0);
        assertThat(analysis.anomalies()).extracting(Anomaly::metric).contains("ci.failure_rate");
        Anomaly failureRate = analysis.anomalies().stream().filter(a -> a.metric().equals("ci.failure_rate")).findFirst().orElseThrow();
        assertThat(failureRate.value()).isGreaterThan(3 * failureRate.median());
    }

    @Test
    void should_give_the_quiet_repository_a_health_score_too() {
        Analysis analysis = new Analyzer().analyze("acme/launchpad", HISTORIES.get("acme/launchpad"));

        assertThat(analysis.health().score()).isNotNull();
        assertThat(value(HISTORIES.get("acme/launchpad").get(199), "prs.opened"))
                .isLessThan(value(HISTORIES.get("acme/rocket").get(199), "prs.opened") / 3);
    }

    private static LocalDate day(Snapshot snapshot) {
        return LocalDate.ofInstant(snapshot.asOf(), ZoneOffset.UTC);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
}
