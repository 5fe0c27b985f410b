package io.repovitals.model;

import io.repovitals.model.MetricDef.Unit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HumanFormatTest {

    static Stream<Arguments> hours() {
        return Stream.of(
                arguments(0.75, "45 min"),
                arguments(0.0, "0 min"),
                arguments(59.4 / 60, "59 min"),
                arguments(1.0, "1 h"),           // 60 min is an hour
                arguments(12.5, "12.5 h"),
                arguments(12.46, "12.5 h"),
                arguments(47.9, "47.9 h"),
                arguments(48.0, "2 d"),
                arguments(76.0, "3 d 4 h"),
                arguments(76.4, "3 d 4 h"),      // whole hours past two days
                arguments(-2.0, "-2 h"),
                arguments(null, "–"),
                arguments(Double.NaN, "–"));
    }

    @ParameterizedTest(name = "{0} h -> {1}")
    @MethodSource
    void hours(Double hours, String expected) {
        assertThat(HumanFormat.hours(hours)).isEqualTo(expected);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                arguments(Unit.COUNT, 1234567L, "1,234,567"),
                arguments(Unit.COUNT, 12L, "12"),
                arguments(Unit.COUNT, null, "–"),
                arguments(Unit.RATIO, 0.41, "41 %"),
                arguments(Unit.RATIO, 0.005, "1 %"),
                arguments(Unit.RATIO, 1.0, "100 %"),
                arguments(Unit.HOURS, 3.5, "3.5 h"),
                arguments(Unit.MINUTES, 7.25, "7.3 min"),
                arguments(Unit.MINUTES, 90.0, "1.5 h"),
                arguments(Unit.DAYS, 2.5, "2 d 12 h"),
                arguments(Unit.PER_WEEK, 2.25, "2.3 a week"),
                arguments(Unit.FLAG, 1L, "yes"),
                arguments(Unit.FLAG, 0L, "no"),
                arguments(Unit.NUMBER, 12345.67, "12,345.7"),
                arguments(Unit.NUMBER, 3.0, "3"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource
    void values(Unit unit, Number value, String expected) {
        assertThat(HumanFormat.value(unit, value)).isEqualTo(expected);
    }

    @Test
    void should_sign_changes_and_call_no_change_plus_minus_zero() {
        assertThat(HumanFormat.change(2.54)).isEqualTo("+2.5");
        assertThat(HumanFormat.change(-29.7)).isEqualTo("-29.7");
        assertThat(HumanFormat.change(0.04)).isEqualTo("±0");
        assertThat(HumanFormat.change(null)).isEqualTo("–");
    }

    static Stream<Arguments> prose() {
        return Stream.of(
                arguments(Unit.RATIO, 0.055, "5.5 %"),
                arguments(Unit.RATIO, 0.6, "60 %"),
                arguments(Unit.HOURS, 4.0, "4.0 h"),       // one decimal always: "4.0 h, usually 9.5 h"
                arguments(Unit.HOURS, 76.0, "76.0 h"),     // no days in a sentence
                arguments(Unit.MINUTES, 7.25, "7.3 min"),
                arguments(Unit.DAYS, 12.0, "12.0 days"),
                arguments(Unit.COUNT, 1325.66, "1325.7"),  // a forecast of a count has a decimal, no separators
                arguments(Unit.PER_WEEK, 3.0, "3"),
                arguments(Unit.FLAG, 1.0, "1"),
                arguments(Unit.NUMBER, -2.26, "-2.3"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource
    void prose(Unit unit, double value, String expected) {
        assertThat(HumanFormat.prose(unit, value)).isEqualTo(expected);
    }
}
