package io.repovitals.analyze;

import io.repovitals.model.HealthWeights;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.Snapshot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The health score: the weighted mean of the conclusive components. Inconclusive components (no
 * data) are left out and the remaining weights re-normalised, so a repository without, say, pull
 * requests is judged on what it has rather than punished with a zero (scorecard's rule).
 *
 * @param score       0..100 rounded to one decimal, or null when no component had data
 * @param grade       the grade of the rounded score, or null with the score
 * @param explanation one line: the score, and what was left out
 */
public record HealthScore(Double score, Grade grade, List<ComponentScore> components, String explanation) {

    /** The components, in report order; the names match {@link HealthWeights#NAMES}. */
    public static final List<HealthComponent> COMPONENTS = List.of(new ContributorsComponent(),
            new PrThroughputComponent(), new ReviewVelocityComponent(), new IssueFreshnessComponent(),
            new ForkGrowthComponent());

    public HealthScore {
        components = List.copyOf(components);
        Objects.requireNonNull(explanation, "explanation");
        if ((score == null) != (grade == null)) {
            throw new IllegalArgumentException("a score has a grade and a grade a score");
        }
        if (score != null && !(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("health score must be in 0..100, was " + score);
        }
    }

    /** Scores every component of {@link #COMPONENTS} on a history sorted by asOf. */
    public static HealthScore of(List<Snapshot> history, HealthWeights weights) {
        return combine(COMPONENTS.stream()
                .map(component -> component.score(history, weights.weightOf(component.name())))
                .toList());
    }

    public static HealthScore combine(List<ComponentScore> components) {
        double totalWeight = conclusiveWeight(components);
        List<String> leftOut = components.stream().filter(c -> !c.conclusive()).map(ComponentScore::label).toList();
        if (totalWeight == 0) {
            return new HealthScore(null, null, components,
                    "no health score yet: no component has data (" + String.join(", ", leftOut) + ")");
        }
        double sum = 0;
        for (ComponentScore component : components) {
            if (component.conclusive()) {
                sum += component.weight() * component.score();
            }
        }
        // Clamp only the last ulp of rounding: the weighted mean of 0..100 scores is in 0..100.
        double score = Math.min(100, Math.max(0, Math.round(sum / totalWeight * 10) / 10.0));
        Grade grade = Grade.of(score);
        String explanation = String.format(Locale.ROOT, "health %s (%s) from %d of %d components", HumanFormat.plain(score),
                grade, components.size() - leftOut.size(), components.size())
                + (leftOut.isEmpty() ? "" : "; left out for lack of data, weights re-normalised: " + String.join(", ", leftOut));
        return new HealthScore(score, grade, components, explanation);
    }

    /** The weight a component actually had: its configured weight re-normalised over the conclusive ones, 0 if left out. */
    public double effectiveWeight(ComponentScore component) {
        double total = conclusiveWeight(components);
        return component.conclusive() && total > 0 ? component.weight() / total : 0;
    }

    private static double conclusiveWeight(List<ComponentScore> components) {
        return components.stream().filter(ComponentScore::conclusive).mapToDouble(ComponentScore::weight).sum();
    }
}
