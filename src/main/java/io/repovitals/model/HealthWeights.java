package io.repovitals.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input {@code health-weights}: how much each health component counts (metrics.md "Analysis outputs").
 * The weights must sum to 1 so that a score of 100 in every component is a health score of 100.
 */
public record HealthWeights(double contributors, double prThroughput, double reviewVelocity, double issueFreshness,
                            double forkGrowth) {
    /** The design's weights (metrics.md "Analysis outputs"). */
    public static final HealthWeights DEFAULTS = new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.15);
    /** Component names, as in metrics.md and analysis.json. */
    public static final Set<String> NAMES = Set.of("contributors", "pr_throughput", "review_velocity",
            "issue_freshness", "fork_growth");
    // Decimal weights such as 0.3 + 0.2 + 0.2 + 0.15 + 0.15 do not add up to exactly 1.0 in binary. The
    // input accepts decimal sums within 1e-9 of 1 (exactly, in decimal); their binary sum may land a
    // hair beyond that, hence the margin.
    private static final double TOLERANCE = 1e-9 * (1 + 1e-6);

    public HealthWeights {
        double sum = 0;
        for (double weight : new double[] {contributors, prThroughput, reviewVelocity, issueFreshness, forkGrowth}) {
            if (!Double.isFinite(weight) || weight < 0 || weight > 1) {
                throw new IllegalArgumentException("health weights are numbers in 0..1, got " + weight);
            }
            sum += weight;
        }
        if (Math.abs(sum - 1.0) > TOLERANCE) {
            throw new IllegalArgumentException("health weights must sum to 1, they sum to " + sum);
        }
    }

    /** From {@code name -> weight} with every name of {@link #NAMES}; an unknown or absent name is an error. */
    public static HealthWeights of(Map<String, Double> weights) {
        for (String name : weights.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown health component '" + name + "', accepted: "
                        + String.join(", ", DEFAULTS.asMap().keySet()));
            }
        }
        List<String> absent = DEFAULTS.asMap().keySet().stream().filter(name -> !weights.containsKey(name)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("health weights are missing for " + String.join(", ", absent));
        }
        return new HealthWeights(weights.get("contributors"), weights.get("pr_throughput"),
                weights.get("review_velocity"), weights.get("issue_freshness"), weights.get("fork_growth"));
    }

    /** The weight of the component of that name; throws for an unknown name. */
    public double weightOf(String component) {
        Double weight = asMap().get(component);
        if (weight == null) {
            throw new IllegalArgumentException("unknown health component '" + component + "'");
        }
        return weight;
    }

    /** In report order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("contributors", contributors);
        map.put("pr_throughput", prThroughput);
        map.put("review_velocity", reviewVelocity);
        map.put("issue_freshness", issueFreshness);
        map.put("fork_growth", forkGrowth);
        return map;
    }
}
