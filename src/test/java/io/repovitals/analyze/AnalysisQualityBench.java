package io.repovitals.analyze;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bench/analysis.sh quality [seeds]}: the forecasts and anomalies judged on histories generated
 * from known processes (issue 15). Every history is 200 daily points; forecasts are made on the first
 * 170 and scored on day 200 (30 days ahead). Prints the figures and judges nothing: the thresholds are
 * printed beside them. {@code bench/analysis.sh quality [seeds] [forecasts|anomalies]} runs one part only.
 */
public final class AnalysisQualityBench {
    static final int DAYS = 200;
    static final int HELD_OUT = 30;
    static final double[] RATES = {0.5, 1, 2, 5, 10, 20};
    static final Instant END = Instant.parse("2026-11-20T00:00:00Z");

    private AnalysisQualityBench() {}

    /** One generated series and what kind of metric it stands for. */
    record Case(String kind, String metric, double[] values) {}

    public static void main(String[] args) {
        // 30 seeds: 180 forecasts per counter class, so a class's coverage is known to about ± 0.03 (2 standard errors).
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        RandomGenerator random = new Well19937c(15);
        List<Case> cases = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            for (double rate : RATES) {
                for (boolean negativeBinomial : new boolean[] {false, true}) {
                    for (boolean burst : new boolean[] {false, true}) {
                        cases.add(new Case("counter" + (negativeBinomial ? " nb" : " poisson") + (burst ? " burst" : ""), "repo.stars",
                                cumulative(dailyCounts(random, rate, negativeBinomial, burst, false))));
                    }
                }
                cases.add(new Case("rate stationary", "prs.merged", weekly(dailyCounts(random, rate, false, false, false))));
                cases.add(new Case("rate trending", "prs.merged", weekly(dailyCounts(random, rate, false, false, true))));
            }
            for (double sigma : new double[] {0.3, 0.6}) {
                for (double median : new double[] {4, 48}) {
                    cases.add(new Case("duration", "prs.time_to_merge_hours.p50", lognormal(random, median, sigma)));
                }
            }
        }
        String part = args.length > 1 ? args[1] : "all";
        if (!part.equals("anomalies")) {
            forecasts(cases);
        }
        if (!part.equals("forecasts")) {
            anomalies(seeds, random);
        }
    }

    private static void forecasts(List<Case> cases) {
        Forecaster forecaster = new Forecaster(HELD_OUT, 90, Set.of("repo.stars"));
        Map<String, double[]> sums = new TreeMap<>(); // kind -> covered, count, shownError, shownNaiveError, shown, violations, naive covered, below, above
        List<Double> widthRatios = new ArrayList<>();
        int withheld = 0;
        for (Case c : cases) {
            double[] history = java.util.Arrays.copyOf(c.values(), DAYS - HELD_OUT);
            double actual = c.values()[DAYS - 1];
            TimeSeries series = series(c.metric(), history);
            Instant now = series.last().at();
            var forecast = forecaster.forecast(series, now);
            var naive = forecaster.naive(series, now);
            if (forecast.isEmpty() || naive.isEmpty()) {
                withheld++;
                continue;
            }
            Forecast f = forecast.get();
            Forecast n = naive.get();
            for (String key : new java.util.LinkedHashSet<>(List.of(c.kind(), c.kind().split(" ")[0], "all"))) {
                double[] s = sums.computeIfAbsent(key, k -> new double[9]);
                s[0] += f.lower() <= actual && actual <= f.upper() ? 1 : 0;
                s[1]++;
                if (f.beatsNaive()) {
                    s[2] += Math.abs(actual - f.value());
                    s[3] += Math.abs(actual - n.value());
                    s[4]++;
                }
                // A counter that never fell must not be forecast below its last value.
                s[5] += c.kind().startsWith("counter") && f.lower() < history[history.length - 1] ? 1 : 0;
                s[6] += n.lower() <= actual && actual <= n.upper() ? 1 : 0;
                s[7] += actual < f.lower() ? 1 : 0;
                s[8] += actual > f.upper() ? 1 : 0;
            }
            double naiveWidth = n.upper() - n.lower();
            widthRatios.add(naiveWidth > 0 ? (f.upper() - f.lower()) / naiveWidth : 1);
        }
        System.out.printf(Locale.ROOT, "forecasts: %d histories of %d days, %d held out; %d withheld%n",
                cases.size(), DAYS, HELD_OUT, withheld);
        System.out.println("| series | forecasts | 95 % coverage (target 0.90..0.98) | ± 2 standard errors | naive's coverage | shown (beat the naive) "
                + "| MASE vs naive of those shown (target < 1) | counter lower-bound violations (target 0) | outcome below / above the interval |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        sums.forEach((kind, s) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f | %.0f | %s | %.0f | %.0f / %.0f |%n", kind, s[1],
                s[0] / s[1], 2 * Math.sqrt(Math.max(s[0] / s[1] * (1 - s[0] / s[1]), 0.05 * 0.95) / s[1]), s[6] / s[1], s[4], s[4] > 0 ? String.format(Locale.ROOT, "%.3f", s[2] / s[3]) : "none shown", s[5],
                s[7], s[8]));
        double[] ratios = widthRatios.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "median interval width / naive's (target <= 1): %.3f%n",
                new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(ratios, 50));
    }

    /** Weekly reports on stationary histories (false alarms) and the same histories with one spike on the last day. */
    private static void anomalies(int seeds, RandomGenerator random) {
        Analyzer analyzer = new Analyzer();
        int reports = 0;
        int falseAlarms = 0;
        int spikes = 0;
        int found = 0;
        int duplicates = 0;
        Map<String, Integer> falseByMetric = new TreeMap<>();
        List<String> quantities = List.of("repo.stars", "repo.forks", "dora.deployments", "prs.merged",
                "prs.time_to_merge_hours.p50");
        for (int seed = 0; seed < seeds; seed++) {
            for (double rate : RATES) {
                Map<String, double[]> metrics = stationary(random, rate);
                for (int end = 100; end <= DAYS; end += 7) {
                    Analysis analysis = analyzer.analyze("bench/quality", snapshots(metrics, end));
                    reports++;
                    falseAlarms += analysis.anomalies().size();
                    duplicates += duplicates(analysis);
                    analysis.anomalies().forEach(a -> falseByMetric.merge(a.metric(), 1, Integer::sum));
                }
                for (String quantity : quantities) {
                    Map<String, double[]> spiked = spike(metrics, quantity, rate);
                    Analysis analysis = analyzer.analyze("bench/quality", snapshots(spiked, DAYS));
                    spikes++;
                    boolean hit = analysis.anomalies().stream().anyMatch(a -> a.quantity().equals(quantity));
                    found += hit ? 1 : 0;
                    if (!hit) {
                        double[] v = spiked.get(quantity);
                        System.out.printf(Locale.ROOT, "missed: a spike of %s at %.1f a day: last %s, before %s%n", quantity, rate,
                                v[DAYS - 1], java.util.Arrays.toString(java.util.Arrays.copyOfRange(v, DAYS - 20, DAYS - 1)));
                    }
                    duplicates += duplicates(analysis);
                }
            }
        }
        System.out.printf(Locale.ROOT, "anomalies: %d stationary weekly reports: %d false alarms, %.3f per report (target <= 0.1) %s%n",
                reports, falseAlarms, falseAlarms / (double) reports, falseByMetric);
        System.out.printf(Locale.ROOT, "injected spikes found: %d of %d, recall %.3f (target 1); duplicates (one quantity listed twice): %d (target 0)%n",
                found, spikes, found / (double) spikes, duplicates);
    }

    private static int duplicates(Analysis analysis) {
        return analysis.anomalies().size() - (int) analysis.anomalies().stream().map(Anomaly::quantity).distinct().count();
    }

    /**
     * The metrics of a quiet, stationary repository: stars and forks (running totals and their 7-day gains),
     * deployments (7-day count and per-week frequency), PRs merged (7-day count) and a lognormal median time
     * to merge.
     */
    static Map<String, double[]> stationary(RandomGenerator random, double rate) {
        Map<String, double[]> metrics = new HashMap<>();
        double[] stars = dailyCounts(random, rate, true, false, false);
        double[] forks = dailyCounts(random, rate / 10, false, false, false);
        double[] deployments = dailyCounts(random, rate / 2, false, false, false);
        metrics.put("repo.stars", cumulative(stars));
        metrics.put("repo.stars_gained", weekly(stars));
        metrics.put("repo.forks", cumulative(forks));
        metrics.put("repo.forks_gained", weekly(forks));
        metrics.put("dora.deployments", weekly(deployments));
        metrics.put("dora.deployment_frequency_per_week", weekly(deployments));
        metrics.put("prs.merged", weekly(dailyCounts(random, rate, false, false, false)));
        metrics.put("prs.time_to_merge_hours.p50", lognormal(random, 24, 0.4));
        return metrics;
    }

    /**
     * One spike on the last day: a count quantity's 7-day count is set to its mean plus 6 standard deviations plus 5
     * (the running total and the derived metrics rise with it),
     * the duration becomes its median (24 h) times e^(6 · 0.4), 6 standard deviations above it on its log scale.
     */
    static Map<String, double[]> spike(Map<String, double[]> metrics, String quantity, double rate) {
        Map<String, double[]> spiked = new HashMap<>();
        metrics.forEach((metric, values) -> spiked.put(metric, values.clone()));
        int last = DAYS - 1;
        if (quantity.equals("prs.time_to_merge_hours.p50")) {
            spiked.get(quantity)[last] = 24 * Math.exp(6 * 0.4);
            return spiked;
        }
        double daily = switch (quantity) {
            case "repo.stars" -> rate; // negative binomial with size 2: variance rate (1 + rate / 2)
            case "repo.forks" -> rate / 10;
            case "dora.deployments" -> rate / 2;
            default -> rate;
        };
        // The 7-day count becomes its mean plus 6 standard deviations plus 5, whatever the noise left it at.
        String weeklyMetric = switch (quantity) {
            case "repo.stars" -> "repo.stars_gained";
            case "repo.forks" -> "repo.forks_gained";
            default -> quantity;
        };
        double variance = quantity.equals("repo.stars") ? 7 * daily * (1 + daily / 2) : 7 * daily;
        double target = Math.ceil(7 * daily + 5 + 6 * Math.sqrt(variance));
        double extra = Math.max(0, target - spiked.get(weeklyMetric)[last]);
        for (Map.Entry<String, double[]> entry : spiked.entrySet()) {
            if (MetricCatalogQuantity.of(entry.getKey()).equals(quantity)) {
                entry.getValue()[last] += extra;
            }
        }
        return spiked;
    }

    /** Daily event counts: Poisson or negative binomial (size 2) at {@code rate} a day, optionally with a launch burst or a 50 % rise. */
    static double[] dailyCounts(RandomGenerator random, double rate, boolean negativeBinomial, boolean burst, boolean trend) {
        double[] counts = new double[DAYS];
        int burstDay = 20 + random.nextInt(DAYS - HELD_OUT - 40);
        for (int d = 0; d < DAYS; d++) {
            double mean = rate * (trend ? 1 + 0.5 * d / DAYS : 1);
            if (burst && d >= burstDay && d < burstDay + 10) {
                mean += rate * 40 * Math.pow(0.6, d - burstDay); // a launch: 40 days' worth on day 1, fading over 10 days
            }
            if (negativeBinomial) {
                mean = new GammaDistribution(random, 2, mean / 2).sample();
            }
            counts[d] = mean > 0 ? new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample() : 0;
        }
        return counts;
    }

    static double[] cumulative(double[] daily) {
        double[] totals = new double[daily.length];
        double total = 100;
        for (int d = 0; d < daily.length; d++) {
            total += daily[d];
            totals[d] = total;
        }
        return totals;
    }

    /** The 7-day count ending each day (the first days count what they have). */
    static double[] weekly(double[] daily) {
        double[] sums = new double[daily.length];
        for (int d = 0; d < daily.length; d++) {
            for (int k = Math.max(0, d - 6); k <= d; k++) {
                sums[d] += daily[k];
            }
        }
        return sums;
    }

    static double[] lognormal(RandomGenerator random, double median, double sigma) {
        double[] values = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            values[d] = median * Math.exp(sigma * random.nextGaussian());
        }
        return values;
    }

    static TimeSeries series(String metric, double[] values) {
        List<TimeSeries.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TimeSeries.Point(END.minus(Duration.ofDays(values.length - 1L - i)), values[i]));
        }
        return new TimeSeries(metric, points);
    }

    /** The first {@code end} days as snapshots, the last at END. */
    static List<Snapshot> snapshots(Map<String, double[]> metrics, int end) {
        List<Snapshot> history = new ArrayList<>();
        for (int d = 0; d < end; d++) {
            TreeMap<String, Number> values = new TreeMap<>();
            int day = d;
            metrics.forEach((metric, series) -> values.put(metric, series[day]));
            history.add(new Snapshot(Snapshot.SCHEMA_VERSION, "bench/quality", END.minus(Duration.ofDays(end - 1L - d)), 7,
                    values, new TreeMap<>(), List.of(), List.of(), CollectionStats.NONE));
        }
        return history;
    }

    /** The catalog's relation, as the report uses it. */
    private static final class MetricCatalogQuantity {
        static String of(String metric) {
            return io.repovitals.metrics.MetricCatalog.quantity(metric);
        }
    }
}
