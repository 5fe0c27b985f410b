package io.repovitals.analyze;

import java.util.List;

/**
 * Fixed scores for a metric's value, used while a repository has too little history to be
 * compared with itself: straight lines between anchors {@code (value, score)}, flat beyond the ends.
 * Anchors are in increasing value order and their scores move one way only, so a better value
 * never scores lower.
 */
public record ReferenceBands(List<Anchor> anchors) {

    public record Anchor(double value, double score) {
        public Anchor {
            if (!Double.isFinite(value) || !(score >= 0 && score <= 100)) {
                throw new IllegalArgumentException("an anchor needs a finite value and a score in 0..100");
            }
        }
    }

    public ReferenceBands {
        anchors = List.copyOf(anchors);
        if (anchors.size() < 2) {
            throw new IllegalArgumentException("reference bands need at least two anchors");
        }
        double direction = Math.signum(anchors.get(anchors.size() - 1).score() - anchors.get(0).score());
        for (int i = 1; i < anchors.size(); i++) {
            Anchor previous = anchors.get(i - 1);
            Anchor current = anchors.get(i);
            if (current.value() <= previous.value()) {
                throw new IllegalArgumentException("anchor values must increase");
            }
            if (Math.signum(current.score() - previous.score()) * direction < 0) {
                throw new IllegalArgumentException("anchor scores must move one way only");
            }
        }
    }

    /** Shorthand: {@code of(v1, s1, v2, s2, ...)}. */
    public static ReferenceBands of(double... valueScorePairs) {
        if (valueScorePairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of value and score expected");
        }
        Anchor[] anchors = new Anchor[valueScorePairs.length / 2];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = new Anchor(valueScorePairs[2 * i], valueScorePairs[2 * i + 1]);
        }
        return new ReferenceBands(List.of(anchors));
    }

    public double score(double value) {
        Anchor first = anchors.get(0);
        if (value <= first.value()) {
            return first.score();
        }
        for (int i = 1; i < anchors.size(); i++) {
            Anchor low = anchors.get(i - 1);
            Anchor high = anchors.get(i);
            if (value <= high.value()) {
                double share = (value - low.value()) / (high.value() - low.value());
                return low.score() + share * (high.score() - low.score());
            }
        }
        return anchors.get(anchors.size() - 1).score();
    }
}
