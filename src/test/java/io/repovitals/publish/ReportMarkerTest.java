package io.repovitals.publish;

import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportMarkerTest {
    static final RepoRef REPO = RepoRef.parse("octo-org/rocket");

    /** Weeks worked out from the calendar: 2026 starts on a Thursday (53 weeks), 2027 on a Friday, 2025 on a Wednesday. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-20T12:00:00Z, 2026-W47",
            "2026-11-22T23:59:59Z, 2026-W47",   // Sunday night, still W47 in UTC
            "2026-11-23T00:00:00Z, 2026-W48",   // Monday
            "2026-12-31T12:00:00Z, 2026-W53",
            "2027-01-01T00:00:00Z, 2026-W53",   // week-based year 2026, calendar year 2027
            "2027-01-03T23:59:59Z, 2026-W53",
            "2027-01-04T00:00:00Z, 2027-W01",
            "2024-12-30T08:00:00Z, 2025-W01",   // calendar year 2024, week-based year 2025
            "2026-01-01T00:00:00Z, 2026-W01"})
    void should_use_the_iso_week_and_its_week_based_year_in_utc(String asOf, String week) {
        ReportMarker marker = ReportMarker.of(REPO, Instant.parse(asOf));

        assertThat(marker.weekLabel()).isEqualTo(week);
        assertThat(marker.line()).isEqualTo("<!-- repo-vitals:report:octo-org/rocket:" + week + " -->");
    }

    @Test
    void should_read_back_the_marker_it_writes_when_it_is_the_first_line() {
        ReportMarker written = ReportMarker.of(REPO, Instant.parse("2026-12-31T12:00:00Z"));

        assertThat(ReportMarker.parseFirstLine(written.line() + "\n# Report")).contains(written);
        assertThat(ReportMarker.parseFirstLine(written.line())).contains(written);
        // Bodies edited on github.com come back with CRLF line ends.
        assertThat(ReportMarker.parseFirstLine(written.line() + "\r\n# Report")).contains(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Quoting: <!-- repo-vitals:report:octo-org/rocket:2026-W47 -->",
            "Hello\n<!-- repo-vitals:report:octo-org/rocket:2026-W47 -->",
            "> <!-- repo-vitals:report:octo-org/rocket:2026-W47 -->",
            " <!-- repo-vitals:report:octo-org/rocket:2026-W47 -->",
            "<!-- repo-vitals:report:octo-org/rocket:2026-W47 --> and more",
            "<!-- repo-vitals:report:octo-org/rocket:2026-W54 -->",
            "<!-- repo-vitals:report:octo-org/rocket:2027-W53 -->",
            "<!-- repo-vitals:report:octo-org/rocket:2026-W00 -->",
            "<!-- repo-vitals:report:octo-org/rocket:2026-47 -->",
            "<!-- repo-vitals:report:-bad/rocket:2026-W47 -->",
            "<!-- repo-vitals:pr -->",
            ""})
    void should_not_count_anything_but_a_valid_marker_as_the_whole_first_line(String body) {
        assertThat(ReportMarker.parseFirstLine(body)).isEmpty();
    }

    @Test
    void should_not_parse_a_null_body() {
        assertThat(ReportMarker.parseFirstLine(null)).isEmpty();
    }

    @Test
    void should_order_weeks_across_the_year_boundary() {
        ReportMarker w53 = new ReportMarker(REPO, 2026, 53);
        ReportMarker w01 = new ReportMarker(REPO, 2027, 1);

        assertThat(w53.isBefore(w01)).isTrue();
        assertThat(w01.isBefore(w53)).isFalse();
        assertThat(w53.sameWeek(new ReportMarker(RepoRef.parse("other/repo"), 2026, 53))).isTrue();
    }

    @Test
    void should_match_the_repository_ignoring_case_as_github_does() {
        ReportMarker ours = new ReportMarker(REPO, 2026, 47);

        assertThat(ours.sameRepository(new ReportMarker(RepoRef.parse("Octo-Org/Rocket"), 2026, 40))).isTrue();
        assertThat(ours.sameRepository(new ReportMarker(RepoRef.parse("octo-org/rocket-2"), 2026, 47))).isFalse();
    }

    @Test
    void should_refuse_a_week_the_year_does_not_have() {
        assertThatThrownBy(() -> new ReportMarker(REPO, 2027, 53))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("week 53 of 2027 does not exist: 2027 has 52 ISO weeks");
    }
}
