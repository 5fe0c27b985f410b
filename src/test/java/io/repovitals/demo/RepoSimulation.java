package io.repovitals.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The events of one invented repository, day by day, from a fixed seed: pull requests with their
 * reviews, commits, issues, comments, workflow runs, deployments, stars, forks and traffic. Window
 * metrics are then computed from these events ({@link WindowMetrics}), so overlapping 7-day windows
 * share their events and every metric follows its definition. StrictMath keeps the numbers (and so
 * the bundled bytes) the same on every JVM.
 */
final class RepoSimulation {
    record Review(String login, Instant at) {}

    record Pr(String author, Instant created, Instant oldestCommit, List<Review> reviews, Instant merged, Instant closed,
              int lines) {}

    record Commit(String author, Instant at, int added, int deleted, List<Integer> files, boolean hotfix, boolean revert) {}

    record Issue(String author, Instant created, Instant firstResponse, Instant closed, Instant lastActivity, boolean incident) {}

    record Comment(String login, Instant at) {}

    record Run(Instant created, boolean defaultBranch, String conclusion, double minutes) {}

    /** A production deployment's final status: success, or failure. */
    record Deployment(Instant at, boolean failed) {}

    record Traffic(int views, int uniqueVisitors, int clones, int uniqueCloners) {}

    /** Events start this many days before the first snapshot, so the bus factor's 90 days are covered. */
    static final int LEAD_DAYS = 100;

    final RepoProfile profile;
    final LocalDate first;
    final int days;
    final List<Pr> prs = new ArrayList<>();
    final List<Commit> commits = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    /** Per simulated day (index 0 = {@code first - LEAD_DAYS}): stars and forks at the day's start, and its traffic. */
    final long[] stars;
    final long[] forks;
    final int[] watchers;
    final int[] branches;
    final Traffic[] traffic;
    private final Random random;

    RepoSimulation(RepoProfile profile, LocalDate first, int days) {
        this.profile = profile;
        this.first = first;
        this.days = days;
        this.random = new Random(profile.seed());
        int total = LEAD_DAYS + days + 1;
        stars = new long[total];
        forks = new long[total];
        watchers = new int[total];
        branches = new int[total];
        traffic = new Traffic[total];
        backlog();
        long starCount = profile.startStars();
        long forkCount = profile.startForks();
        int watcherCount = profile.watchers();
        int branchCount = profile.branches();
        for (int i = 0; i < total; i++) {
            LocalDate day = first.minusDays(LEAD_DAYS).plusDays(i);
            stars[i] = starCount;
            forks[i] = forkCount;
            watchers[i] = watcherCount;
            branches[i] = branchCount;
            double busy = busy(day);
            double buzz = buzz(day);
            starCount += poisson(profile.starsPerDay() * (0.7 + 0.3 * busy) + profile.releaseStars() * buzz)
                    - poisson(profile.unstarsPerDay());
            forkCount += poisson(profile.forksPerDay() * busy + profile.releaseStars() * buzz / 25);
            watcherCount += random.nextDouble() < 0.08 ? (random.nextDouble() < 0.7 ? 1 : -1) : 0;
            branchCount = Math.max(3, branchCount + (random.nextDouble() < 0.3 ? (random.nextBoolean() ? 1 : -1) : 0));
            int views = poisson(profile.viewsPerDay() * (0.45 + 0.55 * busy) * (1 + 6 * buzz));
            int clones = poisson(profile.viewsPerDay() / 9 * busy);
            traffic[i] = new Traffic(views, (int) StrictMath.round(views * (0.28 + 0.04 * random.nextDouble())),
                    clones, (int) StrictMath.round(clones * 0.4));
            simulateDay(day);
        }
        prs.sort((a, b) -> a.created().compareTo(b.created()));
        commits.sort((a, b) -> a.at().compareTo(b.at()));
        runs.sort((a, b) -> a.created().compareTo(b.created()));
        deployments.sort((a, b) -> a.at().compareTo(b.at()));
    }

    /** Activity of a day: weekdays 1, weekends quiet, and a slow growth over the months. */
    private double busy(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return (weekend ? profile.weekendFactor() : 1.0) * (1 + 0.15 * progress(day));
    }

    /** 0 at the first simulated day, 1 at the last. */
    private double progress(LocalDate day) {
        return (double) (day.toEpochDay() - first.minusDays(LEAD_DAYS).toEpochDay()) / (LEAD_DAYS + days);
    }

    /** The release's echo: 1 on release day, fading over about a week. */
    private double buzz(LocalDate day) {
        long since = day.toEpochDay() - profile.release().toEpochDay();
        return since < 0 ? 0 : StrictMath.exp(-since / 2.5);
    }

    /** Open issues from before the simulation: old, some long untouched (so issues.stale has something). */
    private void backlog() {
        Instant start = first.minusDays(LEAD_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < profile.backlogIssues(); i++) {
            Instant created = start.minusSeconds((long) (86_400 * (5 + 360 * random.nextDouble())));
            Instant response = random.nextDouble() < 0.8 ? created.plusSeconds((long) (3600 * lognormal(20, 1))) : null;
            Instant touched = created.plusSeconds((long) ((start.getEpochSecond() - created.getEpochSecond()) * random.nextDouble()));
            if (response != null && response.isAfter(touched)) {
                touched = response;
            }
            Instant closed = random.nextDouble() < 0.75
                    ? start.plusSeconds((long) (86_400 * (LEAD_DAYS + days) * random.nextDouble())) : null;
            issues.add(new Issue(person(start), created, response, closed, touched, false));
        }
    }

    private void simulateDay(LocalDate day) {
        double busy = busy(day);
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        int opened = poisson(profile.prsPerDay() * busy);
        for (int i = 0; i < opened; i++) {
            pullRequest(day, workHours(midnight));
        }
        for (int i = poisson(0.35 * busy * profile.prsPerDay() / 9); i > 0; i--) { // direct pushes by a maintainer
            commit(maintainer(midnight, null), workHours(midnight), 1 + (int) lognormal(25, 1));
        }
        for (int i = poisson(profile.issuesPerDay() * busy); i > 0; i--) {
            issue(workHours(midnight), false);
        }
        if (day.getDayOfWeek().getValue() <= 5 && random.nextDouble() < profile.deployChance()) {
            deploy(midnight.plusSeconds(14 * 3600 + random.nextInt(7200)));
        }
    }

    private void pullRequest(LocalDate day, Instant created) {
        String author = person(created);
        double reviewHours = profile.reviewHours()[0]
                + (profile.reviewHours()[1] - profile.reviewHours()[0]) * progress(day);
        double outcome = random.nextDouble();
        boolean unreviewed = random.nextDouble() < 0.05;
        List<Review> reviews = new ArrayList<>();
        Instant firstReview = created.plusSeconds((long) (3600 * lognormal(reviewHours, 0.9)));
        Instant merged = null;
        Instant closed = null;
        int lines = 2 + (int) lognormal(110, 1.1);
        if (outcome < 0.84) {
            merged = firstReview.plusSeconds((long) (3600 * lognormal(12, 0.8)));
            closed = merged;
        } else if (outcome < 0.96) {
            closed = created.plusSeconds((long) (3600 * lognormal(40, 1.0)));
        } else {
            closed = created.plusSeconds((long) (86_400 * (20 + 100 * random.nextDouble()))); // left open for weeks
            unreviewed = unreviewed || random.nextBoolean();
        }
        if (!unreviewed && firstReview.isBefore(closed)) {
            reviews.add(new Review(maintainer(created, author), firstReview));
            Instant end = merged != null ? merged : closed;
            for (int extra = poisson(0.7); extra > 0; extra--) {
                long span = end.getEpochSecond() - firstReview.getEpochSecond();
                reviews.add(new Review(maintainer(created, author), firstReview.plusSeconds((long) (span * random.nextDouble()))));
            }
            reviews.sort((a, b) -> a.at().compareTo(b.at()));
        }
        Instant oldestCommit = created.minusSeconds((long) (3600 * lognormal(5, 1.2)));
        prs.add(new Pr(author, created, oldestCommit, List.copyOf(reviews), merged, closed, lines));
        Instant end = closed;
        for (int c = poisson(1.1); c > 0; c--) {
            comments.add(new Comment(person(created), between(created, end)));
        }
        for (int r = 1 + poisson(1.5); r > 0; r--) {
            run(between(created, end), false);
        }
        if (merged != null) {
            commit(author, merged, lines);
        }
    }

    private void commit(String author, Instant at, int lines) {
        int added = (int) StrictMath.round(lines * (0.55 + 0.3 * random.nextDouble()));
        List<Integer> files = new ArrayList<>();
        for (int f = 1 + lines / 60; f > 0; f--) {
            double u = random.nextDouble();
            files.add((int) (700 * u * u * u)); // a few hot files, a long tail
        }
        double kind = random.nextDouble();
        commits.add(new Commit(author, at, added, lines - added, List.copyOf(files), kind < 0.04, kind > 0.975));
        run(at.plusSeconds(60), true);
    }

    private void issue(Instant created, boolean incident) {
        String author = incident ? maintainer(created, null) : person(created);
        Instant response = random.nextDouble() < (incident ? 1.0 : 0.9)
                ? created.plusSeconds((long) (3600 * lognormal(incident ? 0.3 : 5, 1.1))) : null;
        Instant closed = random.nextDouble() < (incident ? 1.0 : 0.95)
                ? created.plusSeconds((long) (3600 * lognormal(incident ? 3 : 50, incident ? 0.6 : 1.3))) : null;
        if (closed != null && response != null && response.isAfter(closed)) {
            response = null; // closed before anyone answered
        }
        if (response != null) {
            comments.add(new Comment(maintainer(created, author), response));
        }
        Instant touched = closed != null ? closed : response != null ? response : created;
        issues.add(new Issue(author, created, response, closed, touched, incident));
    }

    private void deploy(Instant at) {
        boolean failed = random.nextDouble() < 0.06;
        deployments.add(new Deployment(at, failed));
        if (!failed && random.nextDouble() < 0.04) {
            issue(at.plusSeconds(3600 + random.nextInt(5 * 3600)), true); // the release caused an incident
        }
    }

    private void run(Instant created, boolean defaultBranch) {
        boolean broken = profile.ciBreakFrom() != null && !created.isBefore(profile.ciBreakFrom().atTime(10, 0).toInstant(ZoneOffset.UTC));
        double draw = random.nextDouble();
        String conclusion; // no cancelled runs: every run is decided, so failure rate = failures / runs
        if (broken && (defaultBranch || draw < 0.6)) {
            conclusion = "failure"; // a dependency upgrade broke the build on the default branch
        } else if (draw < 0.005) {
            conclusion = "timed_out";
        } else if (draw < 0.07) {
            conclusion = "failure";
        } else {
            conclusion = "success";
        }
        runs.add(new Run(created, defaultBranch, conclusion, 1.5 + lognormal(9, 0.35)));
    }

    /** Someone active by {@code at}, weighted: a few people do most of the work. */
    private String person(Instant at) {
        return pick(at, profile.people().size(), null);
    }

    /** A maintainer other than {@code not}, for reviews and responses. */
    private String maintainer(Instant at, String not) {
        return pick(at, profile.maintainers(), not);
    }

    private String pick(Instant at, int among, String not) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        double total = 0;
        for (int i = 0; i < among; i++) {
            total += eligible(i, day, not) ? profile.weights()[i] : 0;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < among; i++) {
            if (eligible(i, day, not)) {
                draw -= profile.weights()[i];
                if (draw < 0) {
                    return profile.people().get(i);
                }
            }
        }
        return profile.people().get(among - 1 == 0 || !eligible(among - 1, day, not) ? 0 : among - 1);
    }

    private boolean eligible(int index, LocalDate day, String not) {
        LocalDate joins = profile.joins()[index];
        return (joins == null || !day.isBefore(joins)) && !profile.people().get(index).equals(not);
    }

    private Instant workHours(Instant midnight) {
        return midnight.plusSeconds(7 * 3600 + (long) (13 * 3600 * random.nextDouble()));
    }

    private Instant between(Instant from, Instant to) {
        return from.plusSeconds((long) ((to.getEpochSecond() - from.getEpochSecond()) * random.nextDouble()));
    }

    private double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * random.nextGaussian());
    }

    private int poisson(double mean) {
        if (mean > 30) { // Knuth's product underflows for large means; the normal approximation is close there
            return (int) StrictMath.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * random.nextGaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Index of {@code day} in the per-day arrays. */
    int index(LocalDate day) {
        return (int) (day.toEpochDay() - first.minusDays(LEAD_DAYS).toEpochDay());
    }
}
