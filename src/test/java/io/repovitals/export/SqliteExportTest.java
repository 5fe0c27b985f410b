package io.repovitals.export;

import io.repovitals.model.ExportFormat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteExportTest {
    /**
     * The median over the days of each repository's daily prs.time_to_merge_hours.p50 (days where it
     * is missing have no row, so they are left out), in plain SQL: SQLite has no MEDIAN, so the
     * middle one or two values by rank, averaged. This is the query the README shows.
     */
    static final String MEDIAN_TIME_TO_MERGE = """
            WITH ranked AS (
              SELECT repository, value,
                     ROW_NUMBER() OVER (PARTITION BY repository ORDER BY value) AS position,
                     COUNT(*) OVER (PARTITION BY repository) AS days
              FROM metrics WHERE metric = 'prs.time_to_merge_hours.p50')
            SELECT repository, AVG(value) AS median_hours FROM ranked
            WHERE position IN ((days + 1) / 2, (days + 2) / 2)
            GROUP BY repository ORDER BY repository""";

    @TempDir
    Path dir;

    private Path export(Path out) throws Exception {
        Path bare = ExportHistories.store(dir.resolve("remote.git"), ExportHistories.sample());
        return Exports.toFile(ExportFormat.SQLITE, ExportHistories.load(bare, "acme/rocket", "octo-org/widgets"),
                out, false).file();
    }

    private static Connection open(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Test
    void should_answer_the_median_time_to_merge_per_repository() throws Exception {
        Path file = export(dir.resolve("history.sqlite"));

        Map<String, Double> medians = new LinkedHashMap<>();
        try (Connection db = open(file); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery(MEDIAN_TIME_TO_MERGE)) {
            while (rows.next()) {
                medians.put(rows.getString("repository"), rows.getDouble("median_hours"));
            }
        }
        // rocket: 10.0 and 7.0 (the first day is missing) -> (7.0 + 10.0) / 2 = 8.5;
        // widgets: 5.5, 12.25, 2.0 -> sorted 2.0, 5.5, 12.25 -> 5.5.
        assertThat(medians).containsExactly(Map.entry("acme/rocket", 8.5), Map.entry("octo-org/widgets", 5.5));
    }

    @Test
    void should_hold_snapshots_missing_reasons_contributors_and_traffic_with_their_indexes() throws Exception {
        Path file = export(dir.resolve("history.sqlite"));

        try (Connection db = open(file); Statement query = db.createStatement()) {
            try (ResultSet rows = query.executeQuery("SELECT COUNT(*), SUM(requests), MIN(as_of), MAX(window_days) FROM snapshots")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(6);
                assertThat(rows.getInt(2)).isEqualTo(6 * 23);
                assertThat(rows.getString(3)).isEqualTo("2026-11-18T00:00:00Z");
                assertThat(rows.getInt(4)).isEqualTo(7);
            }
            try (ResultSet rows = query.executeQuery(
                    "SELECT reason FROM missing WHERE repository = 'acme/rocket' AND day = '2026-11-18'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("no pull request merged in the window");
            }
            try (ResultSet rows = query.executeQuery(
                    "SELECT login, commits, prs_opened, reviews, lines_added FROM contributors ORDER BY login")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("hubot-fan");
                assertThat(rows.getInt(3)).isEqualTo(2);
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("octocat");
                assertThat(rows.getInt(2)).isEqualTo(3);
                assertThat(rows.getInt(4)).isEqualTo(2);
                assertThat(rows.getLong(5)).isEqualTo(120);
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = query.executeQuery("SELECT day, traffic_day, views, unique_cloners FROM traffic")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("2026-11-19");
                assertThat(rows.getString(2)).isEqualTo("2026-11-18");
                assertThat(rows.getInt(3)).isEqualTo(40);
                assertThat(rows.getInt(4)).isEqualTo(2);
            }
            // Counts stay integers, decimals stay decimals.
            try (ResultSet rows = query.executeQuery("SELECT typeof(value) FROM metrics WHERE metric = 'prs.merged' "
                    + "UNION SELECT typeof(value) FROM metrics WHERE metric = 'ci.failure_rate' ORDER BY 1")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("integer");
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("real");
            }
            try (ResultSet rows = query.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                    + "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name")) {
                java.util.List<String> indexes = new java.util.ArrayList<>();
                while (rows.next()) {
                    indexes.add(rows.getString(1));
                }
                assertThat(indexes).containsExactly("contributors_by_day", "contributors_by_login", "metrics_by_metric",
                        "missing_by_metric");
            }
        }
    }

    @Test
    void should_replace_an_existing_database_rather_than_add_to_it() throws Exception {
        Path file = dir.resolve("history.sqlite");
        export(file);
        deleteRecursively(dir.resolve("remote.git")); // the second export stores the same history afresh

        export(file);

        try (Connection db = open(file); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM snapshots")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(6);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("history.sqlite", "remote.git");
        }
    }

    private static void deleteRecursively(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
