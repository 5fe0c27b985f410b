package io.repovitals.export;

import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.store.History;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The history as an SQLite database for ad-hoc SQL and BI tools. Every table is keyed by
 * {@code repository} (owner/name) and {@code day} (the snapshot's UTC day, {@code yyyy-mm-dd}):
 * <ul>
 *   <li>{@code snapshots}: one row per repository and day, with as_of, window_days and the collection figures;</li>
 *   <li>{@code metrics}: one row per measured metric (counts stay integers);</li>
 *   <li>{@code missing}: one row per missing metric, with the reason (a missing metric is never 0);</li>
 *   <li>{@code contributors}: the per-contributor rows;</li>
 *   <li>{@code traffic}: the daily traffic points each snapshot saw ({@code traffic_day} is the point's day).</li>
 * </ul>
 * Keyed tables are {@code WITHOUT ROWID} (stored in key order, no second copy of the key: about half the size).
 * Written into a fresh file (the caller moves it over the target), in one transaction.
 */
final class SqliteExport {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE snapshots (repository TEXT NOT NULL, day TEXT NOT NULL, as_of TEXT NOT NULL,"
                    + " window_days INTEGER NOT NULL, requests INTEGER NOT NULL, graphql_cost INTEGER NOT NULL,"
                    + " duration_ms INTEGER NOT NULL, partial INTEGER NOT NULL, PRIMARY KEY (repository, day)) WITHOUT ROWID",
            "CREATE TABLE metrics (repository TEXT NOT NULL, day TEXT NOT NULL, metric TEXT NOT NULL,"
                    + " value NUMERIC NOT NULL, PRIMARY KEY (repository, day, metric)) WITHOUT ROWID",
            "CREATE TABLE missing (repository TEXT NOT NULL, day TEXT NOT NULL, metric TEXT NOT NULL,"
                    + " reason TEXT NOT NULL, PRIMARY KEY (repository, day, metric)) WITHOUT ROWID",
            "CREATE TABLE contributors (repository TEXT NOT NULL, day TEXT NOT NULL, login TEXT NOT NULL,"
                    + " commits INTEGER NOT NULL, prs_opened INTEGER NOT NULL, prs_merged INTEGER NOT NULL,"
                    + " reviews INTEGER NOT NULL, comments INTEGER NOT NULL, lines_added INTEGER NOT NULL,"
                    + " lines_deleted INTEGER NOT NULL)",
            "CREATE TABLE traffic (repository TEXT NOT NULL, day TEXT NOT NULL, traffic_day TEXT NOT NULL,"
                    + " views INTEGER NOT NULL, unique_visitors INTEGER NOT NULL, clones INTEGER NOT NULL,"
                    + " unique_cloners INTEGER NOT NULL, PRIMARY KEY (repository, day, traffic_day)) WITHOUT ROWID");
    /** Created after the rows are in, which is faster than keeping them up to date row by row. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX metrics_by_metric ON metrics (metric, repository, day)",
            "CREATE INDEX missing_by_metric ON missing (metric, repository, day)",
            "CREATE INDEX contributors_by_day ON contributors (repository, day)",
            "CREATE INDEX contributors_by_login ON contributors (login, repository, day)");

    private SqliteExport() {}

    /** Writes every snapshot into a new database at {@code file} (which must not exist); returns the snapshot count. */
    static long write(List<History> histories, Path file) throws SQLException {
        long snapshots = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = db.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            db.setAutoCommit(false);
            try (PreparedStatement snapshotRow = db.prepareStatement("INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement metricRow = db.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, ?)");
                 PreparedStatement missingRow = db.prepareStatement("INSERT INTO missing VALUES (?, ?, ?, ?)");
                 PreparedStatement contributorRow = db.prepareStatement(
                         "INSERT INTO contributors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement trafficRow = db.prepareStatement("INSERT OR REPLACE INTO traffic VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (History history : histories) {
                    for (Snapshot snapshot : history.snapshots()) {
                        String repository = snapshot.repository();
                        String day = History.day(snapshot).toString();
                        snapshotRow.setString(1, repository);
                        snapshotRow.setString(2, day);
                        snapshotRow.setString(3, snapshot.asOf().toString());
                        snapshotRow.setInt(4, snapshot.windowDays());
                        snapshotRow.setInt(5, snapshot.collection().requests());
                        snapshotRow.setInt(6, snapshot.collection().graphqlCost());
                        snapshotRow.setLong(7, snapshot.collection().durationMs());
                        snapshotRow.setInt(8, snapshot.collection().partial() ? 1 : 0);
                        snapshotRow.executeUpdate();
                        for (Map.Entry<String, Number> metric : snapshot.metrics().entrySet()) {
                            key(metricRow, repository, day, metric.getKey());
                            if (metric.getValue() instanceof Double || metric.getValue() instanceof Float) {
                                metricRow.setDouble(4, metric.getValue().doubleValue());
                            } else {
                                metricRow.setLong(4, metric.getValue().longValue());
                            }
                            metricRow.addBatch();
                        }
                        for (Map.Entry<String, String> missing : snapshot.missing().entrySet()) {
                            key(missingRow, repository, day, missing.getKey());
                            missingRow.setString(4, missing.getValue());
                            missingRow.addBatch();
                        }
                        for (ContributorStats row : snapshot.contributors()) {
                            key(contributorRow, repository, day, row.login());
                            contributorRow.setInt(4, row.commits());
                            contributorRow.setInt(5, row.prsOpened());
                            contributorRow.setInt(6, row.prsMerged());
                            contributorRow.setInt(7, row.reviews());
                            contributorRow.setInt(8, row.comments());
                            contributorRow.setLong(9, row.linesAdded());
                            contributorRow.setLong(10, row.linesDeleted());
                            contributorRow.addBatch();
                        }
                        for (TrafficDay point : snapshot.traffic()) {
                            key(trafficRow, repository, day, point.day().toString());
                            trafficRow.setInt(4, point.views());
                            trafficRow.setInt(5, point.uniqueVisitors());
                            trafficRow.setInt(6, point.clones());
                            trafficRow.setInt(7, point.uniqueCloners());
                            trafficRow.addBatch();
                        }
                        snapshots++;
                    }
                    metricRow.executeBatch();
                    missingRow.executeBatch();
                    contributorRow.executeBatch();
                    trafficRow.executeBatch();
                }
            }
            try (Statement statement = db.createStatement()) {
                for (String ddl : INDEXES) {
                    statement.execute(ddl);
                }
            }
            db.commit();
        }
        return snapshots;
    }

    private static void key(PreparedStatement row, String repository, String day, String third) throws SQLException {
        row.setString(1, repository);
        row.setString(2, day);
        row.setString(3, third);
    }
}
