package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Traffic;
import io.repovitals.model.TrafficDay;
import io.repovitals.model.Window;

import java.time.ZoneOffset;
import java.util.List;

/** The snapshot's {@code traffic} array: every daily point GitHub returned whose day began before asOf. Pure. */
public final class TrafficRows {
    private TrafficRows() {}

    /** Empty when traffic is absent (its reason is in {@link TrafficMetrics#missing}). */
    public static List<TrafficDay> of(Datasets data, Window window) {
        return data.get(Traffic.class).map(traffic -> of(traffic, window)).orElse(List.of());
    }

    public static List<TrafficDay> of(Traffic traffic, Window window) {
        return traffic.days().stream()
                .filter(day -> day.day().atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(window.asOf()))
                .toList();
    }
}
