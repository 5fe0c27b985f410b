package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.Anomaly;
import io.repovitals.analyze.DoraAssessment;
import io.repovitals.analyze.HealthScore;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.Snapshot;
import io.repovitals.render.ReportModel.ComponentRow;
import io.repovitals.render.ReportModel.ContributorRow;
import io.repovitals.render.ReportModel.DoraRow;
import io.repovitals.render.ReportModel.Footer;
import io.repovitals.render.ReportModel.Headline;
import io.repovitals.render.ReportModel.MissingRow;
import io.repovitals.render.ReportModel.WaitingRow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns one repository's analysis and history into the weekly report's view records. */
final class ReportViews {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Anomalies listed in the weekly issue, most severe first. */
    static final int MAX_ISSUE_ANOMALIES = 5;

    static final String NO_LAST_WEEK = "none (no snapshot within a day of a week before)";

    private final Analyzer analyzer;

    ReportViews(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    ReportModel.Weekly weekly(RepositoryReport input) {
        Analysis analysis = input.analysis();
        List<Snapshot> history = input.history();
        Snapshot latest = input.latest();
        Optional<Snapshot> lastWeek = lastWeek(history);
        List<ContributorRow> contributors = latest.contributors().stream()
                .sorted(Comparator.comparingLong(ReportViews::activity).reversed()
                        .thenComparing(ContributorStats::login, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .map(ReportViews::contributor).toList();
        List<WaitingRow> waiting = input.waitingPrs() == null ? List.of() : input.waitingPrs().stream()
                .sorted(Comparator.comparingDouble(WaitingPr::waitingHours).reversed())
                .map(pr -> new WaitingRow(new Md("#" + pr.number()), pr.title(), nonNull(pr.author()),
                        new Md(HumanFormat.hours(pr.waitingHours())), dateTime(pr.readyAt())))
                .toList();
        return new ReportModel.Weekly(analysis.repository(), week(latest.asOf()), dateTime(latest.asOf()),
                headline(analysis, history, lastWeek), components(analysis.health()),
                MetricRows.key(analysis, history, lastWeek), MetricRows.all(analysis, history, lastWeek),
                shownAnomalies(input), moreAnomalies(input), forecasts(analysis), contributors, input.waitingPrs() != null, waiting, input.charts().stream().map(Links::chart).toList(),
                footer(history, lastWeek));
    }

    /** Forecast sentences, then the forecast metrics without enough history for one. */
    private static List<String> forecasts(Analysis analysis) {
        List<String> lines = new ArrayList<>();
        analysis.forecasts().values().forEach(forecast -> lines.add(forecast.sentence()));
        lines.addAll(analysis.withheld().values());
        return lines;
    }

    /** The issue's copy (it has a full report to link) lists the most severe few; the full report lists all. */
    private static List<String> shownAnomalies(RepositoryReport input) {
        List<Anomaly> all = input.analysis().anomalies();
        int shown = input.fullReportUrl() == null ? all.size() : Math.min(all.size(), MAX_ISSUE_ANOMALIES);
        return all.subList(0, shown).stream().map(Anomaly::sentence).toList();
    }

    private static List<Md> moreAnomalies(RepositoryReport input) {
        int more = input.analysis().anomalies().size() - shownAnomalies(input).size();
        if (more <= 0) {
            return List.of();
        }
        return List.of(new Md(String.format(Locale.ROOT, "%d more in the [full report](%s)", more, input.fullReportUrl())));
    }

    ReportModel.SummaryRepo summaryRepo(RepositoryReport input) {
        Optional<Snapshot> lastWeek = lastWeek(input.history());
        return new ReportModel.SummaryRepo(input.analysis().repository(), week(input.latest().asOf()),
                headline(input.analysis(), input.history(), lastWeek),
                MetricRows.key(input.analysis(), input.history(), lastWeek),
                input.analysis().anomalies().stream().map(Anomaly::sentence).toList(), footer(input.history(), lastWeek));
    }

    Headline headline(Analysis analysis, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        HealthScore health = analysis.health();
        Double before = lastScore(analysis.repository(), history, lastWeek);
        Md change = new Md(health.score() == null || before == null ? HumanFormat.MISSING
                : HumanFormat.change(health.score() - before));
        List<DoraRow> dora = analysis.dora().ratings().stream().map(ReportViews::dora).toList();
        return new Headline(health.score() != null, new Md(HumanFormat.number(health.score())),
                health.grade() == null ? HumanFormat.MISSING : health.grade().name(), change, health.explanation(),
                dora, analysis.dora().source());
    }

    /** Last week's score: the same analysis on the history cut at last week's snapshot; null without one. */
    Double lastScore(String repository, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        if (lastWeek.isEmpty()) {
            return null;
        }
        Instant cut = lastWeek.get().asOf();
        List<Snapshot> then = history.stream().filter(s -> !s.asOf().isAfter(cut)).toList();
        return analyzer.analyze(repository, then).health().score();
    }

    /** The snapshot closest to asOf - 7 days, within a day either side (the later of two equally close). */
    static Optional<Snapshot> lastWeek(List<Snapshot> history) {
        Instant target = history.get(history.size() - 1).asOf().minus(Duration.ofDays(7));
        Snapshot best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Snapshot snapshot : history) {
            long distance = Math.abs(Duration.between(target, snapshot.asOf()).toSeconds());
            if (distance <= Duration.ofDays(1).toSeconds() && distance <= bestDistance) {
                best = snapshot;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The ISO week, "2026-W47", as the issue marker names it. */
    static Md week(Instant asOf) {
        var date = asOf.atZone(ZoneOffset.UTC);
        return new Md(String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    static Md date(Instant instant) {
        return new Md(DATE.format(instant));
    }

    static Md dateTime(Instant instant) {
        return new Md(DATE_TIME.format(instant));
    }

    private static List<ComponentRow> components(HealthScore health) {
        return health.components().stream().map(c -> new ComponentRow(c.name(), c.conclusive(),
                new Md(HumanFormat.number(c.score())), new Md(HumanFormat.ratio(health.effectiveWeight(c))),
                c.explanation())).toList();
    }

    private static DoraRow dora(DoraAssessment.Rating rating) {
        return new DoraRow(rating.key().id().replace('_', ' '), rating.band().id(), rating.explanation());
    }

    private static Footer footer(List<Snapshot> history, Optional<Snapshot> lastWeek) {
        Snapshot latest = history.get(history.size() - 1);
        List<MissingRow> missing = latest.missing().entrySet().stream()
                .map(gap -> new MissingRow(MetricRows.code(gap.getKey()), gap.getValue())).toList();
        return new Footer(dateTime(latest.asOf()), new Md(lastWeek.map(s -> DATE_TIME.format(s.asOf())).orElse(NO_LAST_WEEK)),
                new Md(HumanFormat.count(history.size())), new Md(HumanFormat.count(latest.collection().requests())),
                new Md(HumanFormat.count(latest.collection().graphqlCost())), latest.collection().partial(), missing);
    }

    private static long activity(ContributorStats c) {
        return (long) c.commits() + c.prsOpened() + c.prsMerged() + c.reviews() + c.comments();
    }

    private static ContributorRow contributor(ContributorStats c) {
        return new ContributorRow(nonNull(c.login()), count(c.commits()), count(c.prsOpened()), count(c.prsMerged()),
                count(c.reviews()), count(c.comments()), count(c.linesAdded()), count(c.linesDeleted()));
    }

    private static Md count(long value) {
        return new Md(HumanFormat.count(value));
    }

    private static String nonNull(String text) {
        return text == null ? HumanFormat.MISSING : text;
    }
}
