package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.DoraThresholds;
import io.repovitals.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sorts the four DORA keys of the latest snapshot into bands by {@link DoraThresholds}. */
public final class DoraClassifier {
    private final DoraThresholds thresholds;

    public DoraClassifier(DoraThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public DoraAssessment assess(List<Snapshot> history) {
        List<DoraAssessment.Rating> ratings = new ArrayList<>();
        if (!history.isEmpty()) {
            Snapshot latest = history.get(history.size() - 1);
            for (DoraKey key : DoraKey.values()) {
                Number value = latest.metrics().get(key.metric());
                if (value != null && Double.isFinite(value.doubleValue())) {
                    ratings.add(rate(key, value.doubleValue()));
                }
            }
        }
        return new DoraAssessment(ratings, thresholds.source());
    }

    public DoraAssessment.Rating rate(DoraKey key, double value) {
        DoraThresholds t = thresholds;
        DoraBand band = switch (key) {
            case DEPLOYMENT_FREQUENCY -> value >= t.deployElitePerWeek() ? DoraBand.ELITE
                    : value >= t.deployHighPerWeek() ? DoraBand.HIGH
                    : value >= t.deployMediumPerWeek() ? DoraBand.MEDIUM : DoraBand.LOW;
            case LEAD_TIME -> below(value, t.leadEliteHours(), t.leadHighHours(), t.leadMediumHours());
            case CHANGE_FAILURE_RATE -> value <= t.failureEliteRate() ? DoraBand.ELITE
                    : value <= t.failureHighRate() ? DoraBand.HIGH
                    : value <= t.failureMediumRate() ? DoraBand.MEDIUM : DoraBand.LOW;
            case TIME_TO_RESTORE -> below(value, t.restoreEliteHours(), t.restoreHighHours(), t.restoreMediumHours());
        };
        String name = key.id().replace('_', ' ');
        String shown = key == DoraKey.DEPLOYMENT_FREQUENCY
                ? String.format(Locale.ROOT, "%.2f deployments a week", value)
                : MetricCatalog.prose(key.metric(), value);
        return new DoraAssessment.Rating(key, value, band, name + " " + shown + ": " + band.id() + " (" + t.source() + ")");
    }

    private static DoraBand below(double value, double elite, double high, double medium) {
        return value < elite ? DoraBand.ELITE : value < high ? DoraBand.HIGH : value < medium ? DoraBand.MEDIUM : DoraBand.LOW;
    }
}
