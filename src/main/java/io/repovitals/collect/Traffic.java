package io.repovitals.collect;

import io.repovitals.model.TrafficDay;

import java.util.Comparator;
import java.util.List;

/**
 * metrics.md §traffic.*: the daily points GitHub keeps (14 days), oldest first. Days that one of the
 * two endpoints leaves out (GitHub omits days without clones) are zero-count days.
 */
public record Traffic(List<TrafficDay> days) implements Dataset {
    public Traffic {
        days = days.stream().sorted(Comparator.comparing(TrafficDay::day)).toList();
    }
}
