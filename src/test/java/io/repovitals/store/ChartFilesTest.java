package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Charts in PNG and SVG in the history branch, and the links reports use to show them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartFilesTest {
    private static final RepoRef ALPHA = new RepoRef("octo", "alpha");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    private BareRepo remote;

    @BeforeEach
    void createRemote() {
        remote = BareRepo.create(temp.resolve("remote.git"));
    }

    @AfterEach
    void closeRemote() {
        remote.close();
    }

    @Test
    void should_name_the_file_after_the_format() {
        assertThat(new Chart(ALPHA, DAY, "stars-forks", Chart.Format.SVG, SVG).path())
                .isEqualTo("charts/octo/alpha/2026-11-20/stars-forks.svg");
        assertThat(new Chart(ALPHA, DAY, "stars-forks", new byte[] {1}).path())
                .isEqualTo("charts/octo/alpha/2026-11-20/stars-forks.png");
    }

    @Test
    void should_store_an_svg_and_a_png_of_the_same_chart_side_by_side_in_the_bare_repository() throws Exception {
        Log log = Log.create(false, false, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(new ByteArrayOutputStream(), true), System::nanoTime);
        var store = new GitBranchStore(remote.remote(), BareRepo.BRANCH, log,
                Clock.fixed(Instant.parse("2026-11-20T06:30:00Z"), ZoneOffset.UTC), GitBranchStoreTest.NO_WAIT);
        var svg = new Chart(ALPHA, DAY, "stars-forks", Chart.Format.SVG, SVG);
        var png = new Chart(ALPHA, DAY, "stars-forks", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        store.save(List.of(Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 12)), List.of(svg, png), "7");

        assertThat(remote.blobs()).containsOnlyKeys(
                "snapshots/octo/alpha/2026/2026-11-20.json",
                "charts/octo/alpha/2026-11-20/stars-forks.svg",
                "charts/octo/alpha/2026-11-20/stars-forks.png");
        assertThat(remote.read("charts/octo/alpha/2026-11-20/stars-forks.svg"))
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertThat(remote.bytes(remote.blobs().get("charts/octo/alpha/2026-11-20/stars-forks.png")))
                .containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void should_tell_charts_of_different_formats_apart() {
        assertThat(new Chart(ALPHA, DAY, "x", Chart.Format.SVG, new byte[] {1}))
                .isNotEqualTo(new Chart(ALPHA, DAY, "x", Chart.Format.PNG, new byte[] {1}))
                .isEqualTo(new Chart(ALPHA, DAY, "x", Chart.Format.SVG, new byte[] {1}));
    }

    @Test
    void should_link_to_the_chart_through_the_server_so_private_repositories_work() {
        var chart = new Chart(ALPHA, DAY, "stars-forks", Chart.Format.SVG, SVG);

        assertThat(ChartLinks.rawUrl("https://github.com/", new RepoRef("octo", "vitals"), "repo-vitals-data", chart))
                .isEqualTo("https://github.com/octo/vitals/blob/repo-vitals-data/charts/octo/alpha/2026-11-20/stars-forks.svg?raw=true");
    }

    @Test
    void should_percent_encode_each_segment_of_branch_and_path_but_keep_the_slashes() {
        assertThat(ChartLinks.rawUrl("https://ghe.example.com", new RepoRef("octo", "vitals"), "data/a b#1",
                "charts/octo/a.b/2026-11-20/x?y&z.png"))
                .isEqualTo("https://ghe.example.com/octo/vitals/blob/data/a%20b%231/charts/octo/a.b/2026-11-20/x%3Fy%26z.png?raw=true");
    }

    @Test
    void should_reject_a_server_url_that_is_not_http_naming_what_is_accepted() {
        assertThatThrownBy(() -> ChartLinks.rawUrl("github.com", ALPHA, "main", "a.png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server URL 'github.com' must start with https:// or http://");
    }

    @Test
    void should_reject_an_empty_branch() {
        assertThatThrownBy(() -> ChartLinks.rawUrl("https://github.com", ALPHA, " ", "a.png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branch");
    }
}
