package io.repovitals.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One generated repository, the single source of every answer of {@link FakeGitHub}: pull requests
 * with reviews, comments, commits and open/close events, issues with comments, labels and events,
 * the default branch's commits, workflow runs, deployments with statuses, stars and forks.
 * <p>{@code prsPer90Days} pull requests are opened per 90 days, over {@link #SPAN} days before asOf (so
 * that every list also holds items older than a run's range, which a collector must stop before).
 * Rates, per day, with r = prsPer90Days / 90: issues r/2, default-branch commits one per merged PR
 * plus r/5 direct pushes, workflow runs 2 per PR plus 1 per default-branch commit, production
 * deployments r/10 (and as many to staging), stars r/2, forks r/20. About 1% of PRs and issues
 * overflow a nested list (reviews, comments, commits, labels) past the first page.
 */
final class RepoModel {
    static final String OWNER = "bench";
    static final String NAME = "vitals";
    static final String BRANCH = "main";
    static final int SPAN = 200;

    record Actor(String login, boolean bot) {}

    record Review(Actor author, String state, Instant submittedAt) {}

    record Note(Actor author, Instant at) {}

    /** A timeline event: ClosedEvent, ReopenedEvent or MergedEvent. */
    record Event(String type, Instant at) {}

    static final class Pr {
        int number;
        String id;
        Actor author;
        Instant created;
        Instant updated;
        String state;
        Instant mergedAt;
        Instant closedAt;
        boolean draftNow;
        Instant readyAt;
        int additions;
        int deletions;
        final List<Review> reviews = new ArrayList<>();
        final List<Note> comments = new ArrayList<>();
        final List<Instant> commits = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        boolean open() {
            return state.equals("OPEN");
        }
    }

    static final class Issue {
        int number;
        String id;
        Actor author;
        Instant created;
        Instant updated;
        Instant closedAt;
        String state;
        final List<String> labels = new ArrayList<>();
        final List<Note> comments = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        boolean open() {
            return state.equals("OPEN");
        }
    }

    record Commit(String oid, Instant committed, Actor user, String name, String email, int parents,
                  int additions, int deletions) {}

    record Run(long id, String path, String headBranch, String event, String status, String conclusion,
               Instant created, Instant updated) {}

    record Status(String state, Instant at) {}

    record Deployment(long id, String environment, Instant created, List<Status> statusesNewestFirst) {}

    final String owner;
    final String name;
    /** Makes node ids unique across the repositories of an organisation ({@link OrgFakeGitHub}). */
    final String idPrefix;
    final int prsPer90Days;
    final Instant asOf;
    /** Sorted newest update first, like GitHub's {@code orderBy: UPDATED_AT DESC}. */
    final List<Pr> prs = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    /** Newest first. */
    final List<Commit> commits = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    final List<Instant> stars = new ArrayList<>();
    final List<Instant> forks = new ArrayList<>();
    final long olderStars;
    final long olderForks;

    private final Random random;
    private final List<Actor> people = new ArrayList<>();
    private static final List<Actor> BOTS = List.of(new Actor("dependabot", true), new Actor("renovate", true));
    private static final List<String> LABELS = List.of("bug", "enhancement", "question", "documentation", "incident");

    RepoModel(int prsPer90Days, Instant asOf, long seed) {
        this(OWNER, NAME, "", prsPer90Days, asOf, seed);
    }

    /**
     * A repository of an organisation; its activity ends at {@code asOf} (a quiet repository's model ends
     * before the run's range, so nothing of it falls in the window). 0 PRs a 90 days makes an empty repository.
     */
    RepoModel(String owner, String name, String idPrefix, int prsPer90Days, Instant asOf, long seed) {
        this.owner = owner;
        this.name = name;
        this.idPrefix = idPrefix;
        this.prsPer90Days = prsPer90Days;
        this.asOf = asOf;
        this.random = new Random(seed);
        double perDay = prsPer90Days / 90.0;
        for (int i = 0; i < Math.max(8, prsPer90Days / 25); i++) {
            people.add(new Actor("dev" + i, false));
        }
        List<Instant> merges = new ArrayList<>();
        int prCount = (int) Math.round(perDay * SPAN);
        int issueCount = (int) Math.round(perDay / 2 * SPAN);
        int number = 1;
        long runId = 1;
        for (Instant created : times(prCount)) {
            Pr pr = pr(number++, created);
            prs.add(pr);
            if (pr.mergedAt != null) {
                merges.add(pr.mergedAt);
            }
            for (String path : List.of(".github/workflows/ci.yml", ".github/workflows/lint.yml")) {
                runs.add(run(runId++, path, "feature/" + pr.number, "pull_request", created.plusSeconds(30)));
            }
        }
        for (Instant created : times(issueCount)) {
            issues.add(issue(number++, created));
        }
        merges.addAll(times((int) Math.round(perDay / 5 * SPAN)));
        merges.sort(Comparator.reverseOrder());
        for (int i = 0; i < merges.size(); i++) {
            Instant at = merges.get(i);
            boolean unlinked = random.nextInt(20) == 0;
            Actor user = unlinked ? null : person();
            commits.add(new Commit(String.format("%040x", i + 1), at, user, user == null ? "Someone" : user.login(),
                    (user == null ? "someone" : user.login()) + "@example.com", random.nextInt(40) == 0 ? 2 : 1,
                    random.nextInt(200), random.nextInt(80)));
            runs.add(run(runId++, ".github/workflows/ci.yml", BRANCH, "push", at.plusSeconds(5)));
        }
        long deploymentId = 1000;
        for (String environment : List.of("production", "staging")) {
            for (Instant created : times((int) Math.round(perDay / 10 * SPAN))) {
                deployments.add(deployment(deploymentId++, environment, created));
            }
        }
        deployments.sort(Comparator.comparing(Deployment::created).reversed());
        markInactive();
        stars.addAll(times((int) Math.round(perDay / 2 * SPAN)));
        forks.addAll(times((int) Math.round(perDay / 20 * SPAN)));
        stars.sort(Comparator.reverseOrder());
        forks.sort(Comparator.reverseOrder());
        olderStars = 5L * prsPer90Days;
        olderForks = prsPer90Days / 2;
        prs.sort(Comparator.comparing((Pr pr) -> pr.updated).reversed().thenComparing(pr -> -pr.number));
        issues.sort(Comparator.comparing((Issue issue) -> issue.updated).reversed().thenComparing(issue -> -issue.number));
        runs.sort(Comparator.comparing(Run::created).reversed().thenComparing(run -> -run.id()));
    }

    /** {@code count} instants spread at random over the span, ascending. */
    private List<Instant> times(int count) {
        List<Instant> times = new ArrayList<>(count);
        long span = Duration.ofDays(SPAN).toSeconds();
        for (int i = 0; i < count; i++) {
            times.add(asOf.minusSeconds(60 + (long) (random.nextDouble() * (span - 60))));
        }
        times.sort(Comparator.naturalOrder());
        return times;
    }

    private Actor person() {
        return people.get(random.nextInt(people.size()));
    }

    private Actor author() {
        int dice = random.nextInt(200);
        if (dice == 0) {
            return null; // a deleted (ghost) account
        }
        return dice < 16 ? BOTS.get(dice % 2) : person();
    }

    private Instant after(Instant from, double meanHours) {
        return capped(from.plusSeconds(60 + (long) (-Math.log(1 - random.nextDouble()) * meanHours * 3600)));
    }

    private Instant capped(Instant at) {
        return at.isAfter(asOf.minusSeconds(1)) ? asOf.minusSeconds(1) : at;
    }

    private int nested(int usual, int overflowMin, int overflowMax) {
        return random.nextInt(200) == 0 ? overflowMin + random.nextInt(overflowMax - overflowMin + 1) : random.nextInt(usual + 1);
    }

    private Pr pr(int number, Instant created) {
        Pr pr = new Pr();
        pr.number = number;
        pr.id = idPrefix + "PR_" + number;
        pr.author = author();
        pr.created = created;
        pr.additions = random.nextInt(500);
        pr.deletions = random.nextInt(200);
        Instant end = after(created, 36);
        int fate = random.nextInt(100);
        boolean endsInRange = end.isBefore(asOf.minusSeconds(1));
        if (fate < 4 || !endsInRange) {
            pr.state = "OPEN";
        } else if (fate < 88) {
            pr.state = "MERGED";
            pr.mergedAt = end;
            pr.closedAt = end;
            pr.events.add(new Event("MergedEvent", end));
            pr.events.add(new Event("ClosedEvent", end));
        } else {
            pr.state = "CLOSED";
            pr.closedAt = end;
            if (random.nextInt(10) == 0) {
                Instant firstClose = created.plus(Duration.between(created, end).dividedBy(3));
                pr.events.add(new Event("ClosedEvent", firstClose));
                pr.events.add(new Event("ReopenedEvent", created.plus(Duration.between(created, end).dividedBy(2))));
            }
            pr.events.add(new Event("ClosedEvent", end));
        }
        Instant last = pr.open() ? capped(created.plus(Duration.between(created, asOf).dividedBy(2))) : end;
        if (random.nextInt(10) == 0) {
            Instant ready = after(created, 4);
            if (ready.isBefore(last)) {
                pr.readyAt = ready;
            } else {
                pr.draftNow = pr.open();
            }
        }
        for (int i = 1 + nested(4, 45, 130); i > 0; i--) {
            pr.commits.add(created.minusSeconds(random.nextInt(86_400)));
        }
        for (int i = nested(4, 45, 130); i > 0; i--) {
            boolean pending = random.nextInt(50) == 0;
            pr.reviews.add(new Review(author(), pending ? "PENDING" : random.nextBoolean() ? "APPROVED" : "COMMENTED",
                    pending ? null : between(created, last)));
        }
        for (int i = nested(6, 45, 130); i > 0; i--) {
            pr.comments.add(new Note(author(), between(created, last)));
        }
        Instant updated = last;
        if (!pr.open() && random.nextInt(20) == 0) {
            // a comment days after the PR was closed: updated, yet done long ago
            Instant late = after(end, 24 * 5);
            pr.comments.add(new Note(author(), late));
            updated = late;
        }
        for (Review review : pr.reviews) {
            updated = max(updated, review.submittedAt());
        }
        for (Note note : pr.comments) {
            updated = max(updated, note.at());
        }
        pr.updated = updated;
        return pr;
    }

    private Issue issue(int number, Instant created) {
        Issue issue = new Issue();
        issue.number = number;
        issue.id = idPrefix + "I_" + number;
        issue.author = author();
        issue.created = created;
        Instant end = after(created, 24 * 5);
        boolean closed = random.nextInt(100) < 65 && end.isBefore(asOf.minusSeconds(1));
        issue.state = closed ? "CLOSED" : "OPEN";
        if (closed) {
            if (random.nextInt(50) == 0) {
                issue.events.add(new Event("ClosedEvent", created.plus(Duration.between(created, end).dividedBy(3))));
                issue.events.add(new Event("ReopenedEvent", created.plus(Duration.between(created, end).dividedBy(2))));
            }
            issue.closedAt = end;
            issue.events.add(new Event("ClosedEvent", end));
        }
        Instant last = closed ? end : capped(created.plus(Duration.between(created, asOf).dividedBy(3)));
        int labels = random.nextInt(1000) == 0 ? 25 : random.nextInt(4);
        for (int i = 0; i < labels; i++) {
            issue.labels.add(i < LABELS.size() ? LABELS.get(i) : "area-" + i);
        }
        for (int i = nested(5, 55, 150); i > 0; i--) {
            issue.comments.add(new Note(author(), between(created, last)));
        }
        Instant updated = last;
        for (Note note : issue.comments) {
            updated = max(updated, note.at());
        }
        issue.updated = updated;
        return issue;
    }

    private Run run(long id, String path, String branch, String event, Instant created) {
        Instant updated = capped(created.plusSeconds(60 + random.nextInt(600)));
        if (created.isAfter(asOf.minus(Duration.ofMinutes(15)))) {
            return new Run(id, path, branch, event, "in_progress", null, created, updated);
        }
        int dice = random.nextInt(100);
        String conclusion = dice < 85 ? "success" : dice < 95 ? "failure" : dice < 98 ? "cancelled" : "skipped";
        return new Run(id, path, branch, event, "completed", conclusion, created, updated);
    }

    private Deployment deployment(long id, String environment, Instant created) {
        List<Status> statuses = new ArrayList<>();
        statuses.add(new Status("queued", created));
        Instant running = capped(created.plusSeconds(30));
        statuses.add(new Status("in_progress", running));
        // a few wait days for an approval
        Instant done = random.nextInt(30) == 0 ? after(created, 48) : capped(running.plusSeconds(120 + random.nextInt(480)));
        if (done.isBefore(asOf.minusSeconds(1))) {
            statuses.add(new Status(random.nextInt(10) == 0 ? "failure" : "success", done));
        }
        statuses.sort(Comparator.comparing(Status::at).reversed());
        return new Deployment(id, environment, created, statuses);
    }

    /** GitHub marks a successful deployment inactive when a newer one in its environment succeeds. */
    private void markInactive() {
        for (String environment : List.of("production", "staging")) {
            Instant newerSuccess = null;
            for (Deployment deployment : deployments) {
                if (!deployment.environment().equals(environment)) {
                    continue;
                }
                Status latest = deployment.statusesNewestFirst().get(0);
                if (latest.state().equals("success")) {
                    if (newerSuccess != null) {
                        deployment.statusesNewestFirst().add(0, new Status("inactive", newerSuccess));
                    }
                    newerSuccess = latest.at();
                }
            }
        }
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    long openPrs() {
        return prs.stream().filter(Pr::open).count();
    }

    long openIssues() {
        return issues.stream().filter(Issue::open).count();
    }

    long objects() {
        long nested = 0;
        for (Pr pr : prs) {
            nested += pr.reviews.size() + pr.comments.size() + pr.commits.size();
        }
        for (Issue issue : issues) {
            nested += issue.comments.size();
        }
        return prs.size() + issues.size() + commits.size() + runs.size() + deployments.size() + stars.size()
                + forks.size() + nested;
    }
}
