package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.DoraAssessment;
import io.repovitals.analyze.DoraBand;
import io.repovitals.analyze.DoraKey;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.ReportModel.DoraDistribution;
import io.repovitals.render.ReportModel.OrgAnomaly;
import io.repovitals.render.ReportModel.OrgMetricRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The organisation report's view: ranking, totals and medians, anomalies, DORA band counts. */
final class OrgViews {
    private OrgViews() {}

    static ReportModel.Organisation of(OrgAnalysis org, Map<String, List<Snapshot>> histories, ReportViews views) {
        List<Snapshot> latest = org.repositories().stream()
                .map(a -> RankRows.latest(histories.getOrDefault(a.repository(), List.of())))
                .flatMap(Optional::stream).toList();
        Md asOf = latest.stream().map(Snapshot::asOf).max(Comparator.naturalOrder())
                .map(ReportViews::date).orElse(Md.MISSING);
        List<OrgAnomaly> anomalies = new ArrayList<>();
        for (Analysis analysis : org.repositories()) {
            analysis.anomalies().forEach(a -> anomalies.add(new OrgAnomaly(analysis.repository(), a.sentence())));
        }
        return new ReportModel.Organisation(asOf, new Md(HumanFormat.count(org.repositories().size())),
                digest(org, histories, views), RankRows.of(org, histories, views), metrics(latest), anomalies,
                dora(org.repositories()));
    }

    /** Per repository with a history, in ranking order: its score and {@value #DIGEST_PER_REPOSITORY} digest bullets, what waits for review among them. */
    static final int DIGEST_PER_REPOSITORY = 3;

    private static List<ReportModel.OrgDigest> digest(OrgAnalysis org, Map<String, List<Snapshot>> histories, ReportViews views) {
        List<ReportModel.OrgDigest> rows = new ArrayList<>();
        for (Analysis analysis : org.repositories()) {
            List<Snapshot> history = histories.getOrDefault(analysis.repository(), List.of());
            if (history.isEmpty()) {
                continue;
            }
            RepositoryReport report = new RepositoryReport(analysis, history, null, List.of(), null);
            Optional<Analysis> before = views.lastWeekAnalysis(analysis.repository(), history, ReportViews.lastWeek(history));
            ReportModel.Headline headline = views.headline(analysis, before);
            String score = headline.rated() ? headline.score() + " / 100, grade " + headline.grade() + ", "
                    + headline.change() + " since last week" : "not rated yet";
            rows.add(new ReportModel.OrgDigest(analysis.repository(), new Md(score),
                    views.digest(report, before).first(DIGEST_PER_REPOSITORY)));
        }
        return rows;
    }

    private static List<OrgMetricRow> metrics(List<Snapshot> latest) {
        List<OrgMetricRow> rows = new ArrayList<>();
        for (String name : MetricRows.KEY_METRICS) {
            List<Double> values = latest.stream().map(s -> s.metrics().get(name)).filter(Objects::nonNull)
                    .map(Number::doubleValue).sorted().toList();
            if (values.isEmpty()) {
                continue;
            }
            MetricDef.Unit unit = MetricCatalog.unit(name);
            boolean summable = unit == MetricDef.Unit.COUNT || unit == MetricDef.Unit.PER_WEEK;
            double total = values.stream().mapToDouble(Double::doubleValue).sum();
            rows.add(new OrgMetricRow(MetricCatalog.summary(name), MetricRows.code(name), new Md(HumanFormat.count(values.size())),
                    new Md(summable ? HumanFormat.value(unit, total) : HumanFormat.MISSING),
                    new Md(HumanFormat.value(unit == MetricDef.Unit.COUNT ? MetricDef.Unit.NUMBER : unit, median(values)))));
        }
        return rows;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<DoraDistribution> dora(List<Analysis> analyses) {
        List<DoraDistribution> rows = new ArrayList<>();
        for (DoraKey key : DoraKey.values()) {
            long[] counts = new long[DoraBand.values().length];
            int rated = 0;
            for (Analysis analysis : analyses) {
                for (DoraAssessment.Rating rating : analysis.dora().ratings()) {
                    if (rating.key() == key) {
                        counts[rating.band().ordinal()]++;
                        rated++;
                    }
                }
            }
            rows.add(new DoraDistribution(key.id().replace('_', ' '), count(counts[DoraBand.ELITE.ordinal()]),
                    count(counts[DoraBand.HIGH.ordinal()]), count(counts[DoraBand.MEDIUM.ordinal()]),
                    count(counts[DoraBand.LOW.ordinal()]), count(analyses.size() - rated)));
        }
        return rows;
    }

    private static Md count(long value) {
        return new Md(HumanFormat.count(value));
    }
}
