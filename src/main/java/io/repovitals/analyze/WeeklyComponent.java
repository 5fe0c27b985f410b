package io.repovitals.analyze;

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

    /** Why there is no value this week, in words. */
    String noCurrentValue() {
        return "no " + metric + " in the last 7 days";
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
            return ComponentScore.inconclusive(name, metric, weight, label + ": no history yet, left out of the score");
        }
        Instant now = history.get(history.size() - 1).asOf();
        SortedMap<Integer, Double> weekly = weeklyValues(history, now);
        Double current = weekly.get(0);
        if (current == null) {
            return ComponentScore.inconclusive(name, metric, weight, label + ": " + noCurrentValue() + ", left out of the score");
        }
        List<Double> past = new ArrayList<>();
        for (Map.Entry<Integer, Double> week : weekly.entrySet()) {
            if (week.getKey() >= 1 && week.getKey() <= PAST_WEEKS) {
                past.add(week.getValue());
            }
        }
        if (past.size() < MIN_PAST_WEEKS) {
            double score = bands.score(current);
            String pastWeeks = switch (past.size()) {
                case 0 -> "there is no past week of history yet";
                case 1 -> "there is only 1 past week of history";
                default -> "there are only " + past.size() + " past weeks of history";
            };
            return ComponentScore.fromBands(name, metric, weight, score, current, String.format(Locale.ROOT,
                    "%s %d: %s, scored on fixed reference bands because %s (%d needed)",
                    label, Math.round(score), describe(current), pastWeeks, MIN_PAST_WEEKS));
        }
        double score = percentileRank(current, past, lowerIsBetter);
        return ComponentScore.fromHistory(name, metric, weight, score, current, String.format(Locale.ROOT,
                "%s %d: %s, %s than %d%% of the last %d weeks", label, Math.round(score), describe(current),
                better(), Math.round(score), past.size()));
    }

    /**
     * Percentage of past values that {@code current} beats, ties counting half (the usual
     * percentile rank, (below + ties / 2) / n): a week like every other scores 50, not 0 or 100.
     */
    static double percentileRank(double current, List<Double> past, boolean lowerIsBetter) {
        double beaten = 0;
        for (double value : past) {
            if (value == current) {
                beaten += 0.5;
            } else if (lowerIsBetter ? current < value : current > value) {
                beaten += 1;
            }
        }
        return 100 * beaten / past.size();
    }
}
