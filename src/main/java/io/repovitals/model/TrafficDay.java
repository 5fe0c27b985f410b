package io.repovitals.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/** One daily point of a snapshot's {@code traffic} array. */
public record TrafficDay(
        LocalDate day,
        int views,
        @JsonProperty("unique_visitors") int uniqueVisitors,
        int clones,
        @JsonProperty("unique_cloners") int uniqueCloners) {
}
