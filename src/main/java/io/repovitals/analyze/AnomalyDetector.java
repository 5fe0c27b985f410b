package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the latest value of a metric against its baseline, the last {@code baselineDays} before it
 * (at least {@value #MIN_PAST_POINTS} points). Counts (every value a whole number ≥ 0) get a count
 * model: Poisson with the baseline's rate, or a negative binomial with its mean and variance when
 * those spread wider, the rate estimated as (sum + 0.5) / n so that a quiet history still leaves room
 * for a rare event (a first fork in months is not a z of 9). The tail probability of the value, the
 * smaller of both tails, is turned into the normal deviate of the same one-sided probability. Other
 * values get a robust z-score, (x - median) / (1.4826 · MAD), on a log scale for durations (their
 * spread grows with their size). Flagged above {@value #THRESHOLD} (Iglewicz and Hoaglin's cut-off;
 * for a count, a tail probability under 2.3e-4). Running totals are judged on their daily increase.
 */
public final class AnomalyDetector {
    public static final double THRESHOLD = 3.5;
    public static final int MIN_PAST_POINTS = 8;
    static final double MAD_SCALE = 1.4826;
    // When more than half the history is one value, MAD is 0; the mean absolute deviation, scaled
    // to estimate σ likewise (sqrt(π/2) ≈ 1.2533), still sees the spread of the rest.
    static final double MEAN_AD_SCALE = 1.253314;
    static final double OVERDISPERSED = 1.2;
    /** Beyond this a deviate adds nothing to the ranking (and tail probabilities underflow). */
    static final double MAX_SEVERITY = 30;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private final int baselineDays;
    private final Set<String> cumulativeMetrics;

    public AnomalyDetector(int baselineDays, Set<String> cumulativeMetrics) {
        if (baselineDays < 1) {
            throw new IllegalArgumentException("the anomaly baseline must be positive");
        }
        this.baselineDays = baselineDays;
        this.cumulativeMetrics = Set.copyOf(cumulativeMetrics);
    }

    /**
     * Counts of events in the snapshot's window, whose sentence says the window ("11 deployments this week"):
     * the rest are states at asOf, per-day traffic, or ratios and durations, which keep "label: value".
     */
    static final Set<String> WINDOW_COUNTS = Set.of("repo.stars_gained", "repo.forks_gained", "commits.count",
            "commits.authors", "commits.hotfix", "commits.reverts", "code.lines_added", "code.lines_deleted",
            "code.files_changed", "prs.opened", "prs.merged", "prs.closed_unmerged", "issues.opened", "issues.closed",
            "ci.runs", "ci.failures", "contributors.active", "contributors.new", "dora.deployments");

    /** The anomaly of the series' value at {@code now}, or empty when there is none, no value now, or too little history. */
    public Optional<Anomaly> detect(TimeSeries series, Instant now) {
        return detect(series, now, 0);
    }

    /**
     * As {@link #detect(TimeSeries, Instant)}, with the window of the snapshot judged ({@code windowDays}; 0 when
     * unknown), so that a count in it says its period: "11 deployments this week; usually 4–6".
     */
    public Optional<Anomaly> detect(TimeSeries series, Instant now, int windowDays) {
        boolean cumulative = cumulativeMetrics.contains(series.metric());
        TimeSeries judged = cumulative ? dailyIncrease(series) : series;
        if (judged.isEmpty() || !judged.last().at().equals(now)) {
            return Optional.empty(); // not measured today: nothing current to judge
        }
        double value = judged.last().value();
        TimeSeries baseline = judged.between(now.minus(Duration.ofDays(baselineDays)), now.minusNanos(1));
        if (baseline.size() < MIN_PAST_POINTS) {
            return Optional.empty();
        }
        double[] past = baseline.values();
        String metric = series.metric();
        // A running total's net daily gain: a day of unstars is not what its anomalies are about.
        Verdict verdict = cumulative
                ? judge(metric, Math.max(0, value), Arrays.stream(past).map(v -> Math.max(0, v)).toArray())
                : judge(metric, value, past);
        if (!(verdict.severity() > THRESHOLD)) {
            return Optional.empty();
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(past);
        double median = percentile.evaluate(50);
        double low = percentile.evaluate(25);
        double high = percentile.evaluate(75);
        String sentence = sentence(metric, cumulative, value, low, high, windowDays);
        return Optional.of(new Anomaly(metric, MetricCatalog.quantity(metric), now, value, median, low, high,
                verdict.robustZ(), verdict.severity(), verdict.rule(), baselineDays, past.length, THRESHOLD, sentence));
    }

    record Verdict(double severity, Double robustZ, String rule) {}

    static Verdict judge(String metric, double value, double[] past) {
        if (isCount(value, past)) {
            return countVerdict(value, past);
        }
        boolean log = isDuration(metric) && value >= 0 && Arrays.stream(past).allMatch(v -> v >= 0);
        double x = log ? Math.log1p(value) : value;
        double[] scaled = log ? Arrays.stream(past).map(Math::log1p).toArray() : past;
        Optional<Double> z = robustZ(x, scaled);
        if (z.isEmpty()) {
            return new Verdict(Double.POSITIVE_INFINITY, null, "unchanged_before");
        }
        return new Verdict(Math.min(MAX_SEVERITY, Math.abs(z.get())), z.get(), log ? "robust_z_log" : "robust_z");
    }

    /** Poisson, or a negative binomial with the baseline's variance when that exceeds its mean. */
    static Verdict countVerdict(double value, double[] past) {
        int n = past.length;
        double sum = 0;
        for (double v : past) {
            sum += v;
        }
        double mean = (sum + 0.5) / n;
        double squares = 0;
        for (double v : past) {
            squares += (v - sum / n) * (v - sum / n);
        }
        double variance = n > 1 ? squares / (n - 1) : 0;
        double upper = value <= 0 ? 1 : Gamma.regularizedGammaP(value, mean);
        double lower = Gamma.regularizedGammaQ(value + 1, mean);
        String rule = "poisson";
        // Barely overdispersed is Poisson: a negative binomial's size m² / (v - m) grows without bound there.
        if (variance > OVERDISPERSED * mean) {
            double success = mean / variance;
            double size = mean * mean / (variance - mean);
            double nbUpper = value <= 0 ? 1 : Beta.regularizedBeta(1 - success, value, size);
            double nbLower = Beta.regularizedBeta(success, size, value + 1);
            if (!Double.isNaN(nbUpper) && !Double.isNaN(nbLower)) {
                upper = nbUpper;
                lower = nbLower;
                rule = "negative_binomial";
            }
        }
        double p = Math.min(upper, lower);
        return new Verdict(deviate(p), null, rule);
    }

    /** The normal deviate z with P(Z > z) = p, capped at {@value #MAX_SEVERITY}. */
    static double deviate(double p) {
        if (!(p > 0)) {
            return MAX_SEVERITY;
        }
        return Math.min(MAX_SEVERITY, -NORMAL.inverseCumulativeProbability(Math.min(1, p)));
    }

    static boolean isCount(double value, double[] past) {
        if (!isWhole(value)) {
            return false;
        }
        for (double v : past) {
            if (!isWhole(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhole(double v) {
        return v >= 0 && v == Math.rint(v);
    }

    private static boolean isDuration(String metric) {
        MetricDef.Unit unit = Labels.unit(metric);
        if (unit != null) {
            return unit == MetricDef.Unit.HOURS || unit == MetricDef.Unit.MINUTES || unit == MetricDef.Unit.DAYS;
        }
        return metric.contains("_hours") || metric.contains("_minutes") || metric.contains("_days");
    }

    /** The robust z-score; empty when the history has no spread at all (every past value equal) and the value differs. */
    public static Optional<Double> robustZ(double value, double[] past) {
        double median = median(past);
        double[] deviations = new double[past.length];
        double sum = 0;
        for (int i = 0; i < past.length; i++) {
            deviations[i] = Math.abs(past[i] - median);
            sum += deviations[i];
        }
        double scale = MAD_SCALE * median(deviations);
        if (scale == 0) {
            scale = MEAN_AD_SCALE * sum / past.length;
        }
        if (scale == 0) {
            return value == median ? Optional.of(0.0) : Optional.empty();
        }
        return Optional.of((value - median) / scale);
    }

    static double median(double[] values) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 50);
    }

    /** As {@link #sentence(String, boolean, double, double, double, int)} without a known window. */
    static String sentence(String metric, boolean cumulative, double value, double low, double high) {
        return sentence(metric, cumulative, value, low, high, 0);
    }

    /**
     * "11 deployments this week; usually 4–6" (a count in a 7-day window), "+25 stars in a day; usually +0 to +2"
     * (a running total's daily increase), "median CI duration: 31.0 min; usually 9.5 to 11.2 min" (the rest):
     * the catalog's label and unit, the usual range the baseline's middle half.
     */
    static String sentence(String metric, boolean cumulative, double value, double low, double high, int windowDays) {
        String label = Labels.of(metric);
        boolean labelled = MetricCatalog.byName(metric).isPresent();
        if (cumulative) {
            return labelled
                    ? String.format(Locale.ROOT, "%s %s in a day; usually %s", signed(value), label,
                            range(signed(low), signed(high), " to "))
                    : String.format(Locale.ROOT, "%s: %s in a day; usually %s", label, signed(value),
                            range(signed(low), signed(high), " to "));
        }
        String lowText = MetricCatalog.prose(metric, low);
        String highText = MetricCatalog.prose(metric, high);
        boolean plain = lowText.equals(HumanFormat.plain(low)) && highText.equals(HumanFormat.plain(high));
        String usual = "; usually " + range(lowText, highText, plain ? "–" : " to ");
        if (windowDays > 0 && WINDOW_COUNTS.contains(metric)) {
            return MetricCatalog.prose(metric, value) + " " + label + " " + period(windowDays) + usual;
        }
        return label + ": " + MetricCatalog.prose(metric, value) + usual;
    }

    private static String period(int windowDays) {
        return windowDays == 7 ? "this week" : windowDays == 1 ? "in a day" : "in " + windowDays + " days";
    }

    private static String range(String low, String high, String between) {
        return low.equals(high) ? low : low + between + high;
    }

    private static TimeSeries dailyIncrease(TimeSeries series) {
        List<TimeSeries.Point> increases = new ArrayList<>();
        List<TimeSeries.Point> points = series.points();
        for (int i = 1; i < points.size(); i++) {
            double days = TimeSeries.daysBetween(points.get(i - 1).at(), points.get(i).at());
            // A gap of several days is spread over them, so a missed run does not look like a burst.
            increases.add(new TimeSeries.Point(points.get(i).at(),
                    (points.get(i).value() - points.get(i - 1).value()) / Math.max(1, days)));
        }
        return new TimeSeries(series.metric(), increases);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + HumanFormat.plain(value);
    }
}
