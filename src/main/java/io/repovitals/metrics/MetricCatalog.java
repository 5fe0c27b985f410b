package io.repovitals.metrics;

import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every metric family, in report order: the one registry that snapshots, reports, exports and
 * docs/metrics.md iterate, and the one place to look a metric's definition up by name (its label,
 * unit and format). A new family is one line in {@link #families(Set, int, List)}.
 */
public final class MetricCatalog {
    private static final List<MetricFamily> DEFAULTS = families(Set.of(), IssueMetrics.DEFAULT_STALE_DAYS,
            DoraMetrics.DEFAULT_INCIDENT_LABELS);
    private static final List<MetricDef> DEFS = DEFAULTS.stream().flatMap(family -> family.defs().stream()).toList();
    private static final List<MetricDef> MEASURED = DEFAULTS.stream().filter(family -> !family.dailyPoints())
            .flatMap(family -> family.defs().stream()).toList();
    private static final Map<String, MetricDef> BY_NAME = DEFS.stream()
            .collect(Collectors.toUnmodifiableMap(MetricDef::name, def -> def));

    /**
     * Metrics computed from another one measure the same quantity (a report names it once): each key is
     * derived from its value, e.g. {@code repo.stars_gained} from {@code repo.stars}.
     */
    private static final Map<String, String> DERIVED_FROM = Map.of(
            RepoMetrics.STARS_GAINED.name(), RepoMetrics.STARS.name(),
            RepoMetrics.FORKS_GAINED.name(), RepoMetrics.FORKS.name(),
            DoraMetrics.FREQUENCY.name(), DoraMetrics.DEPLOYMENTS.name());

    private MetricCatalog() {}

    /** The quantity a metric measures, named by its source metric: {@code repo.stars} for {@code repo.stars_gained}. */
    public static String quantity(String metric) {
        return DERIVED_FROM.getOrDefault(metric, metric);
    }

    /** The families with the default settings (no ignored users, stale after 30 days, label "incident"). */
    public static List<MetricFamily> families() {
        return DEFAULTS;
    }

    /** The families with the run's settings, in report order; traffic, a family of daily points, last. */
    public static List<MetricFamily> families(Set<String> ignoreUsers, int staleDays, List<String> incidentLabels) {
        return List.of(new RepoMetrics(), new CommitMetrics(ignoreUsers), new PrMetrics(ignoreUsers),
                new IssueMetrics(ignoreUsers, staleDays), new CiMetrics(), new ContributorMetrics(ignoreUsers),
                new DoraMetrics(incidentLabels), new TrafficMetrics());
    }

    /**
     * The metrics every snapshot names, each in {@code metrics} or in {@code missing}: the defs of every
     * family but those of daily points (traffic), whose names appear only in {@code missing}.
     */
    public static List<MetricDef> all() {
        return MEASURED;
    }

    /** Every definition of every family, traffic's included: what docs/metrics.md documents. */
    public static List<MetricDef> defs() {
        return DEFS;
    }

    public static Optional<MetricDef> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The metric's label ("median CI duration"); the name itself for one the catalog does not define. */
    public static String label(String name) {
        return byName(name).map(MetricDef::label).orElse(name);
    }

    /** The metric's summary for table rows ("stargazers"); the name itself for one the catalog does not define. */
    public static String summary(String name) {
        return byName(name).map(MetricDef::summary).orElse(name);
    }

    /** The metric's unit; a plain number for one the catalog does not define (nothing is guessed from its name). */
    public static MetricDef.Unit unit(String name) {
        return byName(name).map(MetricDef::unit).orElse(MetricDef.Unit.NUMBER);
    }

    /** A value of the metric for a sentence ("41 %", "9.5 h"), see {@link MetricDef#prose}. */
    public static String prose(String name, double value) {
        return HumanFormat.prose(unit(name), value);
    }
}
