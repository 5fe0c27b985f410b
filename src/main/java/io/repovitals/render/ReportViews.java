package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.Anomaly;
import io.repovitals.analyze.ComponentScore;
import io.repovitals.analyze.DoraAssessment;
import io.repovitals.analyze.HealthScore;
import io.repovitals.analyze.Trend;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.PrMetrics;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one repository's analysis and history into the weekly report's view records. */
final class ReportViews {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Anomalies listed in the weekly issue, most severe first. */
    static final int MAX_ISSUE_ANOMALIES = 5;

    static final String NO_LAST_WEEK = "none (no snapshot within a day of a week before)";
    /** The digest's bullets at most; of them, anomalies and significant changes at most 2 each. */
    static final int MAX_DIGEST = 5;
    private static final int MAX_DIGEST_ANOMALIES = 2;
    private static final int MAX_DIGEST_CHANGES = 2;
    /** A score that moved less than this since last week is not news. */
    private static final double SCORE_MOVE = 1;

    private final AnalysisSettings settings;
    private final Analyzer analyzer;

    ReportViews(AnalysisSettings settings) {
        this.settings = settings;
        this.analyzer = new Analyzer(settings);
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
                .map(pr -> new WaitingRow(new Md("#" + pr.number()), title(pr), nonNull(pr.author()),
                        new Md(HumanFormat.hours(pr.waitingHours())), dateTime(pr.readyAt())))
                .toList();
        Optional<Analysis> before = lastWeekAnalysis(analysis.repository(), history, lastWeek);
        return new ReportModel.Weekly(analysis.repository(), week(latest.asOf()), dateTime(latest.asOf()),
                headline(analysis, before), digest(input, before).all(), components(analysis.health()),
                new Md(HumanFormat.count(settings.trendDays())), Sentences.trendLegend(settings.trendDays()),
                MetricRows.key(analysis, history, lastWeek), MetricRows.all(analysis, history, lastWeek),
                shownAnomalies(input), moreAnomalies(input), forecasts(analysis), contributors, input.waitingPrs() != null, waiting, input.charts().stream().map(Links::chart).toList(),
                footer(history, lastWeek));
    }

    /**
     * Forecast sentences, then the forecast metrics without enough history for one: metrics withheld for the same
     * reason share one line ("Not enough history for a forecast yet (13 points; …): commits, stars"), so a young
     * history does not fill the section with eleven copies of one sentence.
     */
    static List<String> forecasts(Analysis analysis) {
        List<String> lines = new ArrayList<>();
        analysis.forecasts().values().forEach(forecast -> lines.add(forecast.sentence()));
        Map<String, List<String>> labelsByReason = new LinkedHashMap<>();
        for (String sentence : analysis.withheld().values()) {
            // The analysis writes "<label>: <reason>"; a label never holds ": ".
            int colon = sentence.indexOf(": ");
            if (colon < 0) {
                lines.add(sentence);
            } else {
                labelsByReason.computeIfAbsent(sentence.substring(colon + 2), key -> new ArrayList<>())
                        .add(sentence.substring(0, colon));
            }
        }
        labelsByReason.forEach((reason, labels) -> lines.add(labels.size() == 1 ? labels.get(0) + ": " + reason
                : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ": " + String.join(", ", labels)));
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

    /** A PR title in the table: shortened as the link's text, whole in its title attribute; whole as text without a link. */
    private static Md title(WaitingPr pr) {
        String shown = Shorten.text(pr.title(), Shorten.TABLE_TITLE);
        if (pr.url() == null) {
            // No page to link, so no title attribute to keep the rest in: the whole title.
            return new Md(MdEscape.text(pr.title()));
        }
        String whole = shown.equals(MdEscape.oneLine(pr.title()).strip()) ? "" : " \"" + MdEscape.linkTitle(pr.title()) + "\"";
        return new Md("[" + MdEscape.text(shown) + "](" + pr.url() + whole + ")");
    }

    ReportModel.SummaryRepo summaryRepo(RepositoryReport input) {
        Optional<Snapshot> lastWeek = lastWeek(input.history());
        Optional<Analysis> before = lastWeekAnalysis(input.analysis().repository(), input.history(), lastWeek);
        return new ReportModel.SummaryRepo(input.analysis().repository(), week(input.latest().asOf()),
                headline(input.analysis(), before), digest(input, before).all(), new Md(HumanFormat.count(settings.trendDays())),
                MetricRows.key(input.analysis(), input.history(), lastWeek),
                input.analysis().anomalies().stream().map(Anomaly::sentence).toList(),
                input.analysis().anomalies().stream().skip(MAX_DIGEST_ANOMALIES).map(Anomaly::sentence).toList(),
                footer(input.history(), lastWeek));
    }

    Headline headline(Analysis analysis, Optional<Analysis> lastWeek) {
        HealthScore health = analysis.health();
        Double before = lastWeek.map(a -> a.health().score()).orElse(null);
        Md change = new Md(health.score() == null || before == null ? HumanFormat.MISSING
                : HumanFormat.change(health.score() - before));
        List<DoraRow> dora = analysis.dora().ratings().stream().map(ReportViews::dora).toList();
        return new Headline(health.score() != null, new Md(HumanFormat.number(health.score())),
                health.grade() == null ? HumanFormat.MISSING : health.grade().name(), change, Sentences.health(health),
                dora, analysis.dora().source());
    }

    /** Last week's score: the same analysis on the history cut at last week's snapshot; null without one. */
    Double lastScore(String repository, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        return lastWeekAnalysis(repository, history, lastWeek).map(a -> a.health().score()).orElse(null);
    }

    /** The same analysis on the history cut at last week's snapshot; empty without one. */
    Optional<Analysis> lastWeekAnalysis(String repository, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        if (lastWeek.isEmpty()) {
            return Optional.empty();
        }
        Instant cut = lastWeek.get().asOf();
        List<Snapshot> then = history.stream().filter(s -> !s.asOf().isAfter(cut)).toList();
        return Optional.of(analyzer.analyze(repository, then));
    }

    /**
     * What a maintainer should read first, most pressing first: the most severe anomalies (one per
     * quantity), the component that moved the score most, the significant changes of the key metrics
     * that are news (not a running total's usual rise, not a quantity an anomaly already named), and
     * the pull request waiting longest for a first review. A week with none of them says so in one line.
     */
    /**
     * @param news    anomalies, the score's move and significant changes, in that order
     * @param waiting the bullet on pull requests waiting for a first review, if any wait
     */
    record Digest(List<Md> news, Optional<Md> waiting) {
        /** Every bullet, the waiting one last; the quiet week's line when there is none. */
        List<Md> all() {
            List<Md> all = new ArrayList<>(news);
            waiting.ifPresent(all::add);
            return all.isEmpty() ? List.of(Sentences.quiet()) : all;
        }

        /** At most {@code count} bullets, keeping the waiting one (what needs a maintainer) in place of later news. */
        List<Md> first(int count) {
            List<Md> all = all();
            if (all.size() <= count || waiting.isEmpty()) {
                return all.subList(0, Math.min(count, all.size()));
            }
            List<Md> some = new ArrayList<>(news.subList(0, count - 1));
            some.add(waiting.get());
            return some;
        }
    }

    Digest digest(RepositoryReport input, Optional<Analysis> before) {
        Analysis analysis = input.analysis();
        Snapshot latest = input.latest();
        List<Md> bullets = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Anomaly anomaly : analysis.anomalies().subList(0, Math.min(MAX_DIGEST_ANOMALIES, analysis.anomalies().size()))) {
            bullets.add(Sentences.anomaly(anomaly));
            named.add(anomaly.quantity());
        }
        scoreMove(analysis, before).ifPresent(bullets::add);
        Optional<Md> waiting = waitingBullet(input);
        int room = MAX_DIGEST - bullets.size() - (waiting.isPresent() ? 1 : 0);
        Optional<Snapshot> lastWeek = lastWeek(input.history());
        significantChanges(analysis, named).stream().limit(Math.max(0, Math.min(room, MAX_DIGEST_CHANGES)))
                .forEach(trend -> bullets.add(Sentences.change(trend, latest.metrics().get(trend.metric()),
                        lastWeek.map(s -> s.metrics().get(trend.metric())).orElse(null), settings.trendDays())));
        return new Digest(bullets, waiting);
    }

    /** The component whose weighted score changed most, when the score moved at least {@value #SCORE_MOVE} point. */
    private static Optional<Md> scoreMove(Analysis analysis, Optional<Analysis> before) {
        HealthScore now = analysis.health();
        HealthScore then = before.map(Analysis::health).orElse(null);
        if (now.score() == null || then == null || then.score() == null || Math.abs(now.score() - then.score()) < SCORE_MOVE) {
            return Optional.empty();
        }
        ComponentScore most = null;
        double largest = -1;
        for (ComponentScore component : now.components()) {
            ComponentScore earlier = then.components().stream().filter(c -> c.name().equals(component.name())).findFirst().orElse(null);
            double share = now.effectiveWeight(component) * (component.conclusive() ? component.score() : 0);
            double earlierShare = earlier == null ? 0 : then.effectiveWeight(earlier) * (earlier.conclusive() ? earlier.score() : 0);
            if (Math.abs(share - earlierShare) > largest) {
                largest = Math.abs(share - earlierShare);
                most = component;
            }
        }
        String name = most.name();
        Double earlierScore = then.components().stream().filter(c -> c.name().equals(name) && c.conclusive())
                .map(ComponentScore::score).findFirst().orElse(null);
        return Optional.of(Sentences.scoreMove(now.score() - then.score(), most, earlierScore));
    }

    /**
     * Key metrics whose trend is significant and has a good direction, worse ones first, then by how much
     * the window's mean moved on the window before; running totals (which always rise) and quantities already named are left out.
     */
    private List<Trend> significantChanges(Analysis analysis, Set<String> named) {
        return MetricRows.KEY_METRICS.stream()
                .map(name -> analysis.trends().get(name))
                .filter(trend -> trend != null && trend.direction() != Trend.Direction.FLAT)
                .filter(trend -> Sentences.better(trend.metric()) != io.repovitals.model.MetricDef.Better.NEUTRAL)
                .filter(trend -> !settings.cumulativeMetrics().contains(trend.metric()))
                .filter(trend -> !named.contains(MetricCatalog.quantity(trend.metric())))
                .sorted(Comparator.comparing((Trend trend) -> !"worse".equals(Sentences.better(trend.metric())
                                .judge(trend.direction() == Trend.Direction.RISING)))
                        .thenComparing(trend -> -Math.abs(trend.changePct() == null ? 0 : trend.changePct())))
                .toList();
    }

    /** The PR waiting longest for a first review, or (from history alone) how many wait. */
    private static Optional<Md> waitingBullet(RepositoryReport input) {
        Number awaiting = input.latest().metrics().get(PrMetrics.AWAITING_FIRST_REVIEW.name());
        if (input.waitingPrs() == null) {
            return awaiting == null || awaiting.longValue() <= 0 ? Optional.empty()
                    : Optional.of(Sentences.waitingCount(awaiting.longValue()));
        }
        return input.waitingPrs().stream().max(Comparator.comparingDouble(WaitingPr::waitingHours)).map(pr -> {
            int all = awaiting == null ? input.waitingPrs().size() : Math.max(awaiting.intValue(), input.waitingPrs().size());
            return Sentences.waiting(pr, all - 1);
        });
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
        return health.components().stream().map(c -> new ComponentRow(Sentences.componentName(c), c.conclusive(),
                new Md(HumanFormat.number(c.score())), new Md(HumanFormat.ratio(health.effectiveWeight(c))),
                Sentences.component(c))).toList();
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
