package io.repovitals.publish;

import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organisation report issue's marker (merge): its own prefix, so it never collides with a repository's weekly one. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrgReportMarkerTest {
    /** A Friday in ISO week 2026-W47 (2026 starts on a Thursday, so W01 began on 2025-12-29). */
    static final Instant WEEK_47 = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void should_write_the_organisation_and_the_iso_week() {
        OrgReportMarker marker = OrgReportMarker.of("my-org", WEEK_47);

        assertThat(marker.line()).isEqualTo("<!-- repo-vitals:org-report:my-org:2026-W47 -->");
        assertThat(marker.title()).isEqualTo("Organisation health: my-org, week 2026-W47");
        // Week 53 of 2026 runs into January 2027.
        assertThat(OrgReportMarker.of("my-org", Instant.parse("2027-01-02T00:00:00Z")).weekLabel()).isEqualTo("2026-W53");
    }

    @Test
    void should_scope_by_lower_case_sorted_organisations_or_repositories() {
        assertThat(OrgReportMarker.scopeOf(List.of("Zeta-Org", "acme", "ACME"))).isEqualTo("acme,zeta-org");
        assertThat(OrgReportMarker.scopeOf(List.of())).isEqualTo("repositories");
        assertThat(OrgReportMarker.of("repositories", WEEK_47).line())
                .isEqualTo("<!-- repo-vitals:org-report:repositories:2026-W47 -->");
        assertThat(OrgReportMarker.of("repositories", WEEK_47).title()).isEqualTo("Health of the repositories, week 2026-W47");
    }

    @Test
    void should_read_back_its_own_first_line_and_nothing_else() {
        OrgReportMarker marker = OrgReportMarker.of("acme,my-org", WEEK_47);

        assertThat(OrgReportMarker.parseFirstLine(marker.line() + "\r\n## report")).contains(marker);
        assertThat(OrgReportMarker.parseFirstLine("## report\n" + marker.line())).isEmpty();
        assertThat(OrgReportMarker.parseFirstLine(null)).isEmpty();
        assertThat(OrgReportMarker.parseFirstLine("<!-- repo-vitals:org-report:my-org:2026-W54 -->")).isEmpty();
    }

    @Test
    void should_never_be_taken_for_a_repository_weekly_marker_nor_the_reverse() {
        String org = OrgReportMarker.of("my-org", WEEK_47).line();
        String repository = ReportMarker.of(RepoRef.parse("my-org/my-org"), WEEK_47).line();

        assertThat(ReportMarker.parseFirstLine(org)).isEmpty();
        assertThat(OrgReportMarker.parseFirstLine(repository)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "My-Org", "my org", "my-org,", "-org", "a/b", "x --> <!--"})
    void should_refuse_a_scope_that_is_no_list_of_logins(String scope) {
        assertThatThrownBy(() -> OrgReportMarker.of(scope, WEEK_47)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case logins joined by commas");
    }
}
