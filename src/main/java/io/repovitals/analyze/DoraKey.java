package io.repovitals.analyze;

/**
 * One of the four DORA keys, the metric of metrics.md §dora.* that measures it, and the key's
 * name in analysis.json.
 */
public enum DoraKey {
    DEPLOYMENT_FREQUENCY("deployment_frequency", "dora.deployment_frequency_per_week"),
    LEAD_TIME("lead_time", "dora.lead_time_hours.p50"),
    CHANGE_FAILURE_RATE("change_failure_rate", "dora.change_failure_rate"),
    TIME_TO_RESTORE("time_to_restore", "dora.time_to_restore_hours.p50");

    private final String id;
    private final String metric;

    DoraKey(String id, String metric) {
        this.id = id;
        this.metric = metric;
    }

    public String id() {
        return id;
    }

    public String metric() {
        return metric;
    }
}
