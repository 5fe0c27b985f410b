package io.repovitals.analyze;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The analyses of several repositories and their ranking by health score, best first. */
public record OrgAnalysis(List<Analysis> repositories, List<Rank> ranking) {

    /** @param rank 1 for the best; repositories without a score come last, unranked (rank 0) */
    public record Rank(int rank, String repository, Double score, Grade grade) {
        public Rank {
            Objects.requireNonNull(repository, "repository");
            if (rank < 0 || (score == null) != (rank == 0)) {
                throw new IllegalArgumentException(repository + ": only a scored repository has a rank");
            }
        }
    }

    public OrgAnalysis {
        repositories = List.copyOf(repositories);
        ranking = List.copyOf(ranking);
    }

    /** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4), ordered by name. */
    public static OrgAnalysis of(List<Analysis> analyses) {
        List<Analysis> sorted = analyses.stream()
                .sorted(Comparator.comparing((Analysis a) -> a.health().score(),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Analysis::repository, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Rank> ranking = new java.util.ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Analysis analysis = sorted.get(i);
            Double score = analysis.health().score();
            int rank = 0;
            if (score != null) {
                rank = i > 0 && score.equals(sorted.get(i - 1).health().score()) ? ranking.get(i - 1).rank() : i + 1;
            }
            ranking.add(new Rank(rank, analysis.repository(), score, analysis.health().grade()));
        }
        return new OrgAnalysis(sorted, ranking);
    }
}
