package io.repovitals.analyze;

import java.util.Objects;

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
            "2023 State of DevOps report (DORA)");

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
