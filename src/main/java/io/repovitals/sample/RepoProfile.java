package io.repovitals.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The invented character of one sample repository: who works on it and how busy it is. Rates are
 * per weekday; weekends run at {@code weekendFactor} of that.
 *
 * @param people         logins, most active first; the first {@code maintainers} of them review and respond
 * @param weights        relative activity of each login (a few dominant ones)
 * @param joins          the day each login starts contributing (null: from the start)
 * @param release        the day of a release whose announcement brings a burst of stars and views
 * @param reviewHours    median hours to first review at the start and at the end of the simulation (a slow drift)
 * @param deployChance   chance of a production deployment on a weekday
 * @param ciBreakFrom    start of the CI breakage of the last week (the sample's anomaly), or null
 */
record RepoProfile(String fullName, long seed, List<String> people, double[] weights, LocalDate[] joins,
                   int maintainers, double prsPerDay, double issuesPerDay, double weekendFactor,
                   int backlogIssues, long startStars, double starsPerDay, double unstarsPerDay, int releaseStars,
                   long startForks, double forksPerDay, int watchers, int branches, double viewsPerDay,
                   LocalDate release, double[] reviewHours, double deployChance, LocalDate ciBreakFrom) {
    RepoProfile {
        Objects.requireNonNull(fullName, "fullName");
        people = List.copyOf(people);
        if (weights.length != people.size() || joins.length != people.size()) {
            throw new IllegalArgumentException("one weight and one join day per login");
        }
    }

    static RepoProfile rocket() {
        List<String> people = List.of("mara-lind", "tobias-k", "priya-r", "chen-wei", "ollie-b", "sofia-m",
                "dkaplan", "ana-souza", "jmbrennan", "kenji-t", "lucas-f", "noor-a", "ivan-p", "greta-w", "zoe-h");
        double[] weights = {30, 22, 15, 8, 5, 4, 3, 3, 2, 2, 1.5, 1.5, 1, 1, 1.5};
        LocalDate[] joins = new LocalDate[people.size()];
        joins[14] = LocalDate.parse("2026-09-28"); // a newcomer, so contributors.new shows one
        return new RepoProfile("acme/rocket", 20261120L, people, weights, joins, 5, 9.0, 3.0, 0.2, 60,
                3650, 5.0, 0.4, 420, 260, 0.8, 96, 41, 420, LocalDate.parse("2026-09-15"),
                new double[] {2.5, 5.5}, 0.85, LocalDate.parse("2026-11-17"));
    }

    static RepoProfile launchpad() {
        List<String> people = List.of("ellie-s", "tobias-k", "rbauer", "f-morin", "hana-y");
        double[] weights = {10, 6, 3, 1, 1};
        return new RepoProfile("acme/launchpad", 4242L, people, weights, new LocalDate[people.size()], 2, 1.3, 0.5,
                0.1, 6, 118, 0.3, 0.06, 15, 10, 0.02, 11, 7, 35, LocalDate.parse("2026-08-04"),
                new double[] {6.0, 7.0}, 0.2, null);
    }
}
