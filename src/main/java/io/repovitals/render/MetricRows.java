package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.TimeSeries;
import io.repovitals.analyze.Trend;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.ReportModel.MetricRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The metric tables' rows: this week, last week, trend arrow and a 90-day sparkline of weekly points. */
final class MetricRows {
    /** The headline metrics of the key-metrics table, in this order; the full table lists every metric. */
    static final List<String> KEY_METRICS = List.of("repo.stars", "repo.forks", "repo.open_issues", "repo.open_prs",
            "commits.count", "prs.opened", "prs.merged", "prs.time_to_first_review_hours.p50",
            "prs.time_to_merge_hours.p50", "issues.opened", "issues.closed", "issues.stale", "ci.failure_rate",
            "contributors.active", "dora.deployment_frequency_per_week", "dora.lead_time_hours.p50");
    /** 13 weekly points cover the 90 days before asOf. */
    static final int SPARKLINE_WEEKS = 12;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private MetricRows() {}

    static List<MetricRow> key(Analysis analysis, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        Snapshot latest = history.get(history.size() - 1);
        return KEY_METRICS.stream().filter(name -> measured(name, latest, lastWeek))
                .map(name -> row(name, analysis, history, lastWeek)).toList();
    }

    /** Every metric of this week or last week: catalog order first, then names the catalog does not know. */
    static List<MetricRow> all(Analysis analysis, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        Snapshot latest = history.get(history.size() - 1);
        Set<String> names = new LinkedHashSet<>();
        MetricCatalog.all().stream().map(MetricDef::name).filter(name -> measured(name, latest, lastWeek))
                .forEach(names::add);
        Set<String> others = new TreeSet<>(latest.metrics().keySet());
        lastWeek.ifPresent(s -> others.addAll(s.metrics().keySet()));
        names.addAll(others);
        List<MetricRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(row(name, analysis, history, lastWeek));
        }
        return rows;
    }

    static MetricRow row(String name, Analysis analysis, List<Snapshot> history, Optional<Snapshot> lastWeek) {
        Snapshot latest = history.get(history.size() - 1);
        MetricDef.Unit unit = MetricCatalog.unit(name);
        Md thisWeek = new Md(HumanFormat.value(unit, latest.metrics().get(name)));
        Md before = new Md(lastWeek.map(s -> HumanFormat.value(unit, s.metrics().get(name))).orElse(HumanFormat.MISSING));
        return new MetricRow(MetricCatalog.summary(name), code(name), thisWeek, before, arrow(analysis.trends().get(name)),
                sparkline(name, history));
    }

    /** A metric name in a code span when it is plain; anything else (a hand-edited history) as escaped text. */
    static Md code(String name) {
        return new Md(PLAIN_NAME.matcher(name).matches() ? "`" + name + "`" : MdEscape.text(name));
    }

    static String arrow(Trend trend) {
        return Sentences.arrow(trend);
    }

    static String sparkline(String name, List<Snapshot> history) {
        Snapshot latest = history.get(history.size() - 1);
        List<Double> weekly = TimeSeries.of(name, history).weekly(latest.asOf(), SPARKLINE_WEEKS).entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Integer, TimeSeries.Point> e) -> e.getKey()).reversed())
                .map(e -> e.getValue().value())
                .toList();
        return Sparkline.of(weekly);
    }

    private static boolean measured(String name, Snapshot latest, Optional<Snapshot> lastWeek) {
        return latest.metrics().containsKey(name) || lastWeek.map(s -> s.metrics().containsKey(name)).orElse(false);
    }
}
