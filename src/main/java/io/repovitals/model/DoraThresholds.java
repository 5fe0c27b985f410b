package io.repovitals.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Boundaries of the DORA performance bands. The survey's clusters are not contiguous, so these are
 * cut-offs derived from them; the defaults are those of issue 5, taken from the 2023 State of
 * DevOps report. Comparisons follow the report's wording: lead time and restore time are strictly
 * below a boundary ("less than one day"), change failure rate is at or below it ("0-5 %"),
 * deployment frequency is at or above it.
 * <p>The report's "elite" is on-demand deployment, read as deploying on at least 5 days a week.
 * The snapshot has {@code dora.deployment_frequency_per_week} (deployments, not distinct deploy days),
 * so the elite boundary is applied to deployments a week: a team that ships 5 times on one day a
 * week rates elite here. A deploy-days metric in the catalog would remove that approximation.
 *
 * @param deployElitePerWeek  deployments a week for elite ("on demand": 5 deploy days a week)
 * @param deployHighPerWeek   deployments a week for high (once a week)
 * @param deployMediumPerWeek deployments a week for medium (once a month: 7/30 a week)
 * @param source              the label reports print next to the bands
 */
public record DoraThresholds(
        double deployElitePerWeek, double deployHighPerWeek, double deployMediumPerWeek,
        double leadEliteHours, double leadHighHours, double leadMediumHours,
        double failureEliteRate, double failureHighRate, double failureMediumRate,
        double restoreEliteHours, double restoreHighHours, double restoreMediumHours,
        String source) {

    public static final DoraThresholds STATE_OF_DEVOPS_2023 = new DoraThresholds(
            5, 1, 7.0 / 30,
            24, 7 * 24, 30 * 24,
            0.05, 0.10, 0.15,
            1, 24, 7 * 24,
            "DORA's 2023 State of DevOps report");

    /** The source label of thresholds that differ from {@link #STATE_OF_DEVOPS_2023}. */
    public static final String CUSTOM = "custom thresholds";

    /** The keys of the {@code dora-thresholds} setting, in its documented order. */
    public static final List<String> KEYS = List.of("lead_time_hours", "change_failure_rate", "time_to_restore_hours",
            "deploy_days_per_week");

    /** Whether a lower value is the better band for this key (all but deployment frequency). */
    public static boolean lowerIsBetter(String key) {
        return !key.equals("deploy_days_per_week");
    }

    /** Key to elite, high and medium boundaries, in {@link #KEYS}' order: the setting's form. */
    public Map<String, List<Double>> boundaries() {
        Map<String, List<Double>> boundaries = new LinkedHashMap<>();
        boundaries.put("lead_time_hours", List.of(leadEliteHours, leadHighHours, leadMediumHours));
        boundaries.put("change_failure_rate", List.of(failureEliteRate, failureHighRate, failureMediumRate));
        boundaries.put("time_to_restore_hours", List.of(restoreEliteHours, restoreHighHours, restoreMediumHours));
        boundaries.put("deploy_days_per_week", List.of(deployElitePerWeek, deployHighPerWeek, deployMediumPerWeek));
        return boundaries;
    }

    /**
     * Thresholds from the resolved {@code dora-thresholds} setting: key to elite, high and medium
     * boundaries, for any of lead_time_hours, change_failure_rate, time_to_restore_hours and
     * deploy_days_per_week; keys left out keep {@link #STATE_OF_DEVOPS_2023}'s. Labelled with the
     * report's source when every boundary equals its default, else {@link #CUSTOM}.
     *
     * @throws IllegalArgumentException for an unknown key, a count other than three or boundaries out of order
     */
    public static DoraThresholds of(Map<String, List<Double>> boundaries) {
        boundaries.forEach((key, values) -> {
            if (!KEYS.contains(key) || values.size() != 3) {
                throw new IllegalArgumentException("DORA thresholds: expected three boundaries for one of " + KEYS
                        + ", got " + key + "=" + values);
            }
        });
        DoraThresholds d = STATE_OF_DEVOPS_2023;
        List<Double> deploy = boundaries.getOrDefault("deploy_days_per_week",
                List.of(d.deployElitePerWeek(), d.deployHighPerWeek(), d.deployMediumPerWeek()));
        List<Double> lead = boundaries.getOrDefault("lead_time_hours",
                List.of(d.leadEliteHours(), d.leadHighHours(), d.leadMediumHours()));
        List<Double> failure = boundaries.getOrDefault("change_failure_rate",
                List.of(d.failureEliteRate(), d.failureHighRate(), d.failureMediumRate()));
        List<Double> restore = boundaries.getOrDefault("time_to_restore_hours",
                List.of(d.restoreEliteHours(), d.restoreHighHours(), d.restoreMediumHours()));
        DoraThresholds defaultsLabelled = new DoraThresholds(deploy.get(0), deploy.get(1), deploy.get(2),
                lead.get(0), lead.get(1), lead.get(2), failure.get(0), failure.get(1), failure.get(2),
                restore.get(0), restore.get(1), restore.get(2), d.source());
        return defaultsLabelled.equals(d) ? d : new DoraThresholds(deploy.get(0), deploy.get(1), deploy.get(2),
                lead.get(0), lead.get(1), lead.get(2), failure.get(0), failure.get(1), failure.get(2),
                restore.get(0), restore.get(1), restore.get(2), CUSTOM);
    }

    public DoraThresholds {
        Objects.requireNonNull(source, "source");
        // Higher is better for deployments; lower is better for the other three keys.
        ordered("deployment frequency", deployMediumPerWeek, deployHighPerWeek, deployElitePerWeek);
        ordered("lead time", leadEliteHours, leadHighHours, leadMediumHours);
        ordered("change failure rate", failureEliteRate, failureHighRate, failureMediumRate);
        ordered("time to restore", restoreEliteHours, restoreHighHours, restoreMediumHours);
    }

    private static void ordered(String key, double low, double middle, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && 0 <= low && low <= middle && middle <= high)) {
            throw new IllegalArgumentException("DORA " + key + " boundaries must be non-negative and ordered, got "
                    + low + ", " + middle + ", " + high);
        }
    }
}
