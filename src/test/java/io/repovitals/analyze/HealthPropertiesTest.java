package io.repovitals.analyze;

import io.repovitals.model.HealthWeights;

import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties over seeded random histories: a failure names its seed and iteration, so it can be replayed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthPropertiesTest {
    private static final long SEED = 20261120L;
    private static final int RUNS = 300;
    private static final String[] METRICS = {"contributors.active", "prs.merged", "prs.time_to_first_review_hours.p50",
            "issues.stale", "repo.forks"};

    /** Up to 60 points, daily or weekly, each metric missing now and then, values from 0 to wild. */
    private static List<Snapshot> randomHistory(Random random) {
        int length = random.nextInt(61);
        int spacing = random.nextBoolean() ? 1 : 7;
        double presence = random.nextDouble();
        List<Snapshot> history = new ArrayList<>();
        double forks = random.nextInt(1000);
        for (int i = 0; i < length; i++) {
            Map<String, Number> metrics = new HashMap<>();
            forks += random.nextInt(20) - 2;
            for (String metric : METRICS) {
                if (random.nextDouble() < presence) {
                    double value = metric.equals("repo.forks") ? forks
                            : random.nextInt(4) == 0 ? 0 : random.nextDouble() * Math.pow(10, random.nextInt(5));
                    metrics.put(metric, value);
                }
            }
            history.add(Histories.snapshot(Histories.REPO,
                    Histories.NOW.minus(java.time.Duration.ofDays((long) (length - 1 - i) * spacing)), metrics));
        }
        return history;
    }

    @Test
    void should_keep_the_score_and_every_component_in_0_to_100_with_an_explanation() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            List<Snapshot> history = randomHistory(random);

            HealthScore health = HealthScore.of(history, HealthWeights.DEFAULTS);

            String where = "seed " + SEED + " run " + run;
            if (health.score() != null) {
                assertThat(health.score()).as(where).isBetween(0.0, 100.0);
                assertThat(health.grade()).as(where).isEqualTo(Grade.of(health.score()));
            }
            assertThat(health.explanation()).as(where).isNotBlank();
            for (ComponentScore component : health.components()) {
                assertThat(component.explanation()).as(where).isNotBlank();
                if (component.score() != null) {
                    assertThat(component.score()).as(where).isBetween(0.0, 100.0);
                }
            }
        }
    }

    @Test
    void should_never_lower_a_component_when_this_week_is_better() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            List<Snapshot> history = randomHistory(random);
            if (history.isEmpty()) {
                continue;
            }
            for (HealthComponent component : HealthScore.COMPONENTS) {
                WeeklyComponent weekly = (WeeklyComponent) component;
                double delta = random.nextDouble() * 50 + 0.001;
                List<Snapshot> better = withLatest(history, weekly.metric(), delta * (weekly.lowerIsBetter() ? -1 : 1));
                if (better == null) {
                    continue;
                }

                ComponentScore before = component.score(history, 0.2);
                ComponentScore after = component.score(better, 0.2);

                if (before.score() != null) {
                    assertThat(after.score()).as("%s, seed %d run %d", component.name(), SEED, run)
                            .isGreaterThanOrEqualTo(before.score());
                }
            }
        }
    }

    /**
     * Appending a week better than the current one never lowers the score while the component is
     * judged on its own history: the new week beats the old one, and everything the old one beat.
     * (Crossing from reference bands to history, at the 4th past week, may move it either way:
     * that is the point of judging a repository against itself.)
     */
    @Test
    void should_never_lower_a_component_when_a_better_week_is_appended() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < RUNS; run++) {
            for (HealthComponent component : HealthScore.COMPONENTS) {
                WeeklyComponent weekly = (WeeklyComponent) component;
                int weeks = 6 + random.nextInt(30); // at least 4 past weeks of growth for fork growth too
                double[] values = new double[weeks];
                double level = random.nextInt(100);
                for (int i = 0; i < weeks; i++) {
                    level += weekly instanceof ForkGrowthComponent ? random.nextInt(10) : 0;
                    values[i] = weekly instanceof ForkGrowthComponent ? level : random.nextInt(40);
                }
                double[] longer = java.util.Arrays.copyOf(values, weeks + 1);
                double step = 1 + random.nextInt(10);
                if (weekly instanceof ForkGrowthComponent) {
                    // This week's growth was values[w-1] - values[w-2]; the new week grows by more.
                    longer[weeks] = values[weeks - 1] + (values[weeks - 1] - values[weeks - 2]) + step;
                } else {
                    longer[weeks] = values[weeks - 1] + (weekly.lowerIsBetter() ? -step : step);
                }

                ComponentScore before = component.score(Histories.weekly().with(component.metric(), values).build(), 0.2);
                ComponentScore after = component.score(Histories.weekly().with(component.metric(), longer).build(), 0.2);

                assertThat(before.basis()).isEqualTo(ComponentScore.Basis.HISTORY);
                assertThat(after.score()).as("%s, seed %d run %d", component.name(), SEED + 1, run)
                        .isGreaterThanOrEqualTo(before.score());
            }
        }
    }

    @Test
    void should_explain_rather_than_throw_for_an_empty_or_one_point_history() {
        HealthScore empty = HealthScore.of(List.of(), HealthWeights.DEFAULTS);
        assertThat(empty.score()).isNull();
        assertThat(empty.grade()).isNull();
        assertThat(empty.explanation()).startsWith("no health score yet: no component has data");
        assertThat(empty.components()).extracting(ComponentScore::explanation)
                .allSatisfy(line -> assertThat(line).endsWith("no history yet, left out of the score"));

        List<Snapshot> one = Histories.daily().with("contributors.active", 4).with("repo.forks", 10).build();
        HealthScore single = HealthScore.of(one, HealthWeights.DEFAULTS);
        // contributors 4 between (3, 50) and (10, 80): 50 + 1/7 · 30 = 54.29; the only conclusive component.
        assertThat(single.score()).isEqualTo(54.3);
        assertThat(single.components().get(0).explanation()).isEqualTo("contributors 54: 4 active contributors this week,"
                + " scored on fixed reference bands because there is no past week of history yet (4 needed)");
        assertThat(single.components().get(4).explanation())
                .isEqualTo("fork growth: needs the forks count of this week and of the week before, left out of the score");
        assertThat(single.components().get(4).leftOut()).isEqualTo(ComponentScore.LeftOut.NO_VALUE_THIS_WEEK);
        assertThat(empty.components()).extracting(ComponentScore::leftOut).containsOnly(ComponentScore.LeftOut.NO_HISTORY);
    }

    /** The history with the latest snapshot's metric moved by delta, or null when the latest lacks it. */
    private static List<Snapshot> withLatest(List<Snapshot> history, String metric, double delta) {
        Snapshot latest = history.get(history.size() - 1);
        Number value = latest.metrics().get(metric);
        if (value == null) {
            return null;
        }
        Map<String, Number> metrics = new HashMap<>(latest.metrics());
        metrics.put(metric, value.doubleValue() + delta);
        List<Snapshot> changed = new ArrayList<>(history.subList(0, history.size() - 1));
        changed.add(Histories.snapshot(latest.repository(), latest.asOf(), metrics));
        return changed;
    }
}
