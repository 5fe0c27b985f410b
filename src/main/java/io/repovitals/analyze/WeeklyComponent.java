package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.Snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A component scored as this week's value of one metric against the repository's own last
 * {@value #PAST_WEEKS} weeks: the percentile rank of this week among them, turned so that 100 is
 * always "better than every past week" (for a lower-is-better metric, a lower value ranks higher).
 * With fewer than {@value #MIN_PAST_WEEKS} past weeks a rank says little, so fixed reference bands
 * score the value instead and the explanation says so.
 */
abstract class WeeklyComponent implements HealthComponent {
    static final int PAST_WEEKS = 26;
    static final int MIN_PAST_WEEKS = 4;

    private final String name;
    private final String label;
    private final String metric;
    private final boolean lowerIsBetter;
    private final ReferenceBands bands;

    WeeklyComponent(String name, String label, String metric, boolean lowerIsBetter, ReferenceBands bands) {
        this.name = name;
        this.label = label;
        this.metric = metric;
        this.lowerIsBetter = lowerIsBetter;
        this.bands = bands;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String metric() {
        return metric;
    }

    /** True when a smaller value of the metric is the healthier one (waits, stale issues). */
    boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** "median first review 9.5 h": this week's value in words. */
    abstract String describe(double value);

    /** "faster", "more", "fewer": what beating a past week means for this metric. */
    abstract String better();

    /** What a week's value is; a derived component (growth) overrides it with {@link #weeklyValues}. */
    ComponentScore.Measure measure() {
        return ComponentScore.Measure.WEEKLY_VALUE;
    }

    /** Why there is no value this week, in the catalog's words. */
    private String noCurrentValue() {
        String words = MetricCatalog.label(metric);
        return measure() == ComponentScore.Measure.WEEKLY_GROWTH
                ? "needs the " + words + " count of this week and of the week before"
                : "no " + words + " measured in the last 7 days";
    }

    /** Weeks ago (0 = this week) to the week's value; a derived component (growth) overrides it. */
    SortedMap<Integer, Double> weeklyValues(List<Snapshot> history, Instant now) {
        SortedMap<Integer, Double> values = new TreeMap<>();
        TimeSeries.of(metric, history).weekly(now, PAST_WEEKS)
                .forEach((weeksAgo, point) -> values.put(weeksAgo, point.value()));
        return values;
    }

    @Override
    public ComponentScore score(List<Snapshot> history, double weight) {
        if (history.isEmpty()) {
            return ComponentScore.inconclusive(name, label, metric, measure(), weight, ComponentScore.LeftOut.NO_HISTORY,
                    label + ": no history yet, left out of the score");
        }
        Instant now = history.get(history.size() - 1).asOf();
        SortedMap<Integer, Double> weekly = weeklyValues(history, now);
        Double current = weekly.get(0);
        if (current == null) {
            return ComponentScore.inconclusive(name, label, metric, measure(), weight, ComponentScore.LeftOut.NO_VALUE_THIS_WEEK,
                    label + ": " + noCurrentValue() + ", left out of the score");
        }
        List<Double> past = new ArrayList<>();
        for (Map.Entry<Integer, Double> week : weekly.entrySet()) {
            if (week.getKey() >= 1 && week.getKey() <= PAST_WEEKS) {
                past.add(week.getValue());
            }
        }
        ComponentScore.PastWeeks pastWeeks = compare(current, past);
        if (past.size() < MIN_PAST_WEEKS) {
            double score = bands.score(current);
            String pastWeeksText = switch (past.size()) {
                case 0 -> "there is no past week of history yet";
                case 1 -> "there is only 1 past week of history";
                default -> "there are only " + past.size() + " past weeks of history";
            };
            return ComponentScore.fromBands(name, label, metric, measure(), weight, score, current, pastWeeks, String.format(Locale.ROOT,
                    "%s %d: %s, scored on fixed reference bands because %s (%d needed)",
                    label, Math.round(score), describe(current), pastWeeksText, MIN_PAST_WEEKS));
        }
        double score = percentileRank(pastWeeks, lowerIsBetter);
        return ComponentScore.fromHistory(name, label, metric, measure(), weight, score, current, pastWeeks, String.format(Locale.ROOT,
                "%s %d: %s, %s than %d%% of the last %d weeks", label, Math.round(score), describe(current),
                better(), Math.round(score), past.size()));
    }

    /** How many past values lie below, at and above this week's: what the rank and a report's sentence are made of. */
    static ComponentScore.PastWeeks compare(double current, List<Double> past) {
        int below = 0;
        int same = 0;
        for (double value : past) {
            if (value < current) {
                below++;
            } else if (value == current) {
                same++;
            }
        }
        return new ComponentScore.PastWeeks(below, same, past.size() - below - same, PAST_WEEKS, MIN_PAST_WEEKS);
    }

    /**
     * Percentage of past weeks that this week beats, ties counting half (the usual percentile rank,
     * (beaten + ties / 2) / n): a week like every other scores 50, not 0 or 100.
     */
    static double percentileRank(ComponentScore.PastWeeks past, boolean lowerIsBetter) {
        int beaten = lowerIsBetter ? past.above() : past.below();
        return 100 * (beaten + past.same() / 2.0) / past.count();
    }
}
