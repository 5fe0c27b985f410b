package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.Snapshot;
import io.repovitals.render.ReportModel.RankRow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ranking table by health score, with each repository's change since last week as an arrow. */
final class RankRows {
    private RankRows() {}

    static List<RankRow> of(OrgAnalysis org, Map<String, List<Snapshot>> histories, ReportViews views) {
        return org.ranking().stream().map(rank -> {
            Analysis analysis = org.repositories().stream().filter(a -> a.repository().equals(rank.repository()))
                    .findFirst().orElseThrow();
            List<Snapshot> history = histories.getOrDefault(rank.repository(), List.of());
            Double before = history.isEmpty() ? null
                    : views.lastScore(rank.repository(), history, ReportViews.lastWeek(history));
            Double delta = rank.score() == null || before == null ? null : rank.score() - before;
            return new RankRow(new Md(rank.rank() == 0 ? HumanFormat.MISSING : String.valueOf(rank.rank())),
                    rank.repository(), new Md(HumanFormat.number(rank.score())),
                    rank.grade() == null ? HumanFormat.MISSING : rank.grade().name(), arrow(delta),
                    new Md(HumanFormat.change(delta)), new Md(HumanFormat.count(analysis.anomalies().size())));
        }).toList();
    }

    /** ↑ up, ↓ down, → unchanged at the score's one decimal, – without last week's score. */
    static String arrow(Double delta) {
        if (delta == null) {
            return HumanFormat.MISSING;
        }
        long tenths = Math.round(delta * 10);
        return tenths > 0 ? "↑" : tenths < 0 ? "↓" : "→";
    }

    static Optional<Snapshot> latest(List<Snapshot> history) {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }
}
