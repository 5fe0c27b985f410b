package io.repovitals.sample;

import io.repovitals.sample.Events.Comment;
import io.repovitals.sample.Events.Commit;
import io.repovitals.sample.Events.Deployment;
import io.repovitals.sample.Events.Issue;
import io.repovitals.sample.Events.Pr;
import io.repovitals.sample.Events.Review;
import io.repovitals.sample.Events.Run;
import io.repovitals.sample.Events.Traffic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events of one invented repository, day by day, from a fixed seed: pull requests with their
 * reviews and comments, commits, issues, workflow runs, deployments, stars, forks and traffic. No
 * metric is computed here: {@link SimulatedGitHub} answers fetches from these events as GitHub
 * would, and the real metric families compute the snapshots. StrictMath and one seeded Random keep
 * the events the same on every JVM.
 */
final class RepoSimulation {
    /** Events start this many days before the first snapshot, so the bus factor's 90 days are covered. */
    static final int LEAD_DAYS = 100;

    final RepoProfile profile;
    final LocalDate first;
    final int days;
    final List<Pr> prs = new ArrayList<>();
    final List<Commit> commits = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    /** When each fork was created, oldest first; {@code profile.startForks()} are older than the simulation. */
    final List<Instant> forkTimes = new ArrayList<>();
    /** Per simulated day (index 0 = {@code first - LEAD_DAYS}): the counts at the day's start, and its traffic. */
    final long[] stars;
    final int[] watchers;
    final int[] branches;
    final Traffic[] traffic;
    private final Draws random;
    /** Draws for details the events' main draws do not decide (fork times, who answers an old issue). */
    private final Draws detail;
    private int numbers;

    RepoSimulation(RepoProfile profile, LocalDate first, int days) {
        this.profile = profile;
        this.first = first;
        this.days = days;
        this.random = new Draws(profile.seed());
        this.detail = new Draws(~profile.seed());
        int total = LEAD_DAYS + days + 1;
        stars = new long[total];
        watchers = new int[total];
        branches = new int[total];
        traffic = new Traffic[total];
        backlog();
        long starCount = profile.startStars();
        int watcherCount = profile.watchers();
        int branchCount = profile.branches();
        for (int i = 0; i < total; i++) {
            LocalDate day = first.minusDays(LEAD_DAYS).plusDays(i);
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            stars[i] = starCount;
            watchers[i] = watcherCount;
            branches[i] = branchCount;
            double busy = busy(day);
            double buzz = buzz(day);
            starCount += random.poisson(profile.starsPerDay() * (0.7 + 0.3 * busy) + profile.releaseStars() * buzz)
                    - random.poisson(profile.unstarsPerDay());
            for (int f = random.poisson(profile.forksPerDay() * busy + profile.releaseStars() * buzz / 25); f > 0; f--) {
                forkTimes.add(midnight.plusSeconds(1 + detail.below(86_398))); // never at midnight, a window's edge
            }
            watcherCount += random.uniform() < 0.08 ? (random.uniform() < 0.7 ? 1 : -1) : 0;
            branchCount = Math.max(3, branchCount + (random.uniform() < 0.3 ? (random.coin() ? 1 : -1) : 0));
            int views = random.poisson(profile.viewsPerDay() * (0.45 + 0.55 * busy) * (1 + 6 * buzz));
            int clones = random.poisson(profile.viewsPerDay() / 9 * busy);
            traffic[i] = new Traffic(views, (int) StrictMath.round(views * (0.28 + 0.04 * random.uniform())),
                    clones, (int) StrictMath.round(clones * 0.4));
            simulateDay(day);
        }
        prs.sort(Comparator.comparing(Pr::created));
        commits.sort(Comparator.comparing(Commit::at));
        runs.sort(Comparator.comparing(Run::created));
        deployments.sort(Comparator.comparing(Deployment::at));
        forkTimes.sort(Comparator.naturalOrder());
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
            Instant created = start.minusSeconds((long) (86_400 * (5 + 360 * random.uniform())));
            Instant response = random.uniform() < 0.8 ? created.plusSeconds((long) (3600 * random.lognormal(20, 1))) : null;
            Instant touched = created.plusSeconds((long) ((start.getEpochSecond() - created.getEpochSecond()) * random.uniform()));
            if (response != null && response.isAfter(touched)) {
                touched = response;
            }
            Instant closed = random.uniform() < 0.75
                    ? start.plusSeconds((long) (86_400 * (LEAD_DAYS + days) * random.uniform())) : null;
            String author = person(start);
            List<Comment> comments = response == null ? List.of()
                    : List.of(new Comment(pick(detail, created, profile.maintainers(), author), response));
            issues.add(new Issue(++numbers, author, created, comments, closed, touched, false));
        }
    }

    private void simulateDay(LocalDate day) {
        double busy = busy(day);
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        int opened = random.poisson(profile.prsPerDay() * busy);
        for (int i = 0; i < opened; i++) {
            pullRequest(day, workHours(midnight));
        }
        for (int i = random.poisson(0.35 * busy * profile.prsPerDay() / 9); i > 0; i--) { // direct pushes by a maintainer
            String maintainer = maintainer(midnight, null);
            Instant at = workHours(midnight);
            int lines = 1 + (int) random.lognormal(25, 1);
            int added = (int) StrictMath.round(lines * (0.55 + 0.3 * random.uniform()));
            commit(maintainer, at, added, lines - added);
        }
        for (int i = random.poisson(profile.issuesPerDay() * busy); i > 0; i--) {
            issue(workHours(midnight), false);
        }
        if (day.getDayOfWeek().getValue() <= 5 && random.uniform() < profile.deployChance()) {
            deploy(midnight.plusSeconds(14 * 3600 + random.below(7200)));
        }
    }

    private void pullRequest(LocalDate day, Instant created) {
        String author = person(created);
        double reviewHours = profile.reviewHours()[0]
                + (profile.reviewHours()[1] - profile.reviewHours()[0]) * progress(day);
        double outcome = random.uniform();
        boolean unreviewed = random.uniform() < 0.05;
        List<Review> reviews = new ArrayList<>();
        Instant firstReview = created.plusSeconds((long) (3600 * random.lognormal(reviewHours, 0.9)));
        Instant merged = null;
        Instant closed;
        int lines = 2 + (int) random.lognormal(110, 1.1);
        if (outcome < 0.84) {
            merged = firstReview.plusSeconds((long) (3600 * random.lognormal(12, 0.8)));
            closed = merged;
        } else if (outcome < 0.96) {
            closed = created.plusSeconds((long) (3600 * random.lognormal(40, 1.0)));
        } else {
            closed = created.plusSeconds((long) (86_400 * (20 + 100 * random.uniform()))); // left open for weeks
            unreviewed = unreviewed || random.coin();
        }
        if (!unreviewed && firstReview.isBefore(closed)) {
            reviews.add(new Review(maintainer(created, author), firstReview));
            for (int extra = random.poisson(0.7); extra > 0; extra--) {
                long span = closed.getEpochSecond() - firstReview.getEpochSecond();
                reviews.add(new Review(maintainer(created, author), firstReview.plusSeconds((long) (span * random.uniform()))));
            }
            reviews.sort(Comparator.comparing(Review::at));
        }
        Instant oldestCommit = created.minusSeconds((long) (3600 * random.lognormal(5, 1.2)));
        List<Comment> comments = new ArrayList<>();
        for (int c = random.poisson(1.1); c > 0; c--) {
            comments.add(new Comment(person(created), random.between(created, closed)));
        }
        comments.sort(Comparator.comparing(Comment::at));
        for (int r = 1 + random.poisson(1.5); r > 0; r--) {
            run(random.between(created, closed), false);
        }
        int added = (int) StrictMath.round(lines * (0.55 + 0.3 * (merged != null ? random : detail).uniform()));
        prs.add(new Pr(++numbers, author, created, oldestCommit, List.copyOf(reviews), List.copyOf(comments), merged, closed,
                added, lines - added));
        if (merged != null) {
            commit(author, merged, added, lines - added);
        }
    }

    private void commit(String author, Instant at, int added, int deleted) {
        List<Integer> files = new ArrayList<>();
        for (int f = 1 + (added + deleted) / 60; f > 0; f--) {
            double u = random.uniform();
            files.add((int) (700 * u * u * u)); // a few hot files, a long tail
        }
        double kind = random.uniform();
        commits.add(new Commit(commits.size() + 1, author, at, added, deleted, List.copyOf(files), kind < 0.04, kind > 0.975));
        run(at.plusSeconds(60), true);
    }

    private void issue(Instant created, boolean incident) {
        String author = incident ? maintainer(created, null) : person(created);
        Instant response = random.uniform() < (incident ? 1.0 : 0.9)
                ? created.plusSeconds((long) (3600 * random.lognormal(incident ? 0.3 : 5, 1.1))) : null;
        Instant closed = random.uniform() < (incident ? 1.0 : 0.95)
                ? created.plusSeconds((long) (3600 * random.lognormal(incident ? 3 : 50, incident ? 0.6 : 1.3))) : null;
        if (closed != null && response != null && response.isAfter(closed)) {
            response = null; // closed before anyone answered
        }
        List<Comment> comments = response == null ? List.of() : List.of(new Comment(maintainer(created, author), response));
        issues.add(new Issue(++numbers, author, created, comments, closed, created, incident));
    }

    private void deploy(Instant at) {
        boolean failed = random.uniform() < 0.06;
        deployments.add(new Deployment(at, failed));
        if (!failed && random.uniform() < 0.04) {
            issue(at.plusSeconds(3600 + random.below(5 * 3600)), true); // the release caused an incident
        }
    }

    private void run(Instant created, boolean defaultBranch) {
        boolean broken = profile.ciBreakFrom() != null && !created.isBefore(profile.ciBreakFrom().atTime(10, 0).toInstant(ZoneOffset.UTC));
        double draw = random.uniform();
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
        long millis = StrictMath.round(60_000 * (1.5 + random.lognormal(9, 0.35)));
        runs.add(new Run(runs.size() + 1, created, defaultBranch, conclusion, millis));
    }

    /** Someone active by {@code at}, weighted: a few people do most of the work. */
    private String person(Instant at) {
        return pick(random, at, profile.people().size(), null);
    }

    /** A maintainer other than {@code not}, for reviews and responses. */
    private String maintainer(Instant at, String not) {
        return pick(random, at, profile.maintainers(), not);
    }

    private String pick(Draws draws, Instant at, int among, String not) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        double total = 0;
        for (int i = 0; i < among; i++) {
            total += eligible(i, day, not) ? profile.weights()[i] : 0;
        }
        double draw = draws.uniform() * total;
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
        return midnight.plusSeconds(7 * 3600 + (long) (13 * 3600 * random.uniform()));
    }

    /** Index of {@code day} in the per-day arrays. */
    int index(LocalDate day) {
        return (int) (day.toEpochDay() - first.minusDays(LEAD_DAYS).toEpochDay());
    }
}
