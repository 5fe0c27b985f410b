package io.repovitals.sample;

import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Deployments;
import io.repovitals.collect.DeploymentsCollector;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepoState;
import io.repovitals.collect.Traffic;
import io.repovitals.collect.WorkflowRuns;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.TrafficDay;
import io.repovitals.sample.Events.Commit;
import io.repovitals.sample.Events.Deployment;
import io.repovitals.sample.Events.Issue;
import io.repovitals.sample.Events.Pr;
import io.repovitals.sample.Events.Review;
import io.repovitals.sample.Events.Run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One invented repository as GitHub serves it: {@link #fetch} returns the collector's datasets for
 * a range, each record exactly as {@code collect}'s collectors build it from GitHub's answers at
 * the fetch's time (what had not happened by then is not there: open pull requests, runs in
 * progress, reviews to come). The demo's snapshots are computed from these by the real metric families.
 */
public final class SimulatedGitHub {
    static final String DEFAULT_BRANCH = "main";
    /** What the repo-state query reports for a token that is no collaborator (metrics.md repo.stars). */
    static final String STARS_WITHHELD = "GitHub withholds star times from this token";
    /** contributors.bus_factor reads the default branch's last 90 days (collect's ActivityDatasets fetches them). */
    private static final Duration BUS_FACTOR_RANGE = Duration.ofDays(90);

    private final RepoSimulation sim;
    private final RepoRef repository;
    /** Each commit as the workspace clone gives it (it never changes), in {@code sim.commits} order. */
    private final List<Commits.Commit> commits;
    /** The last activity ever of each pull request and issue, in {@code sim} order: older than a fetch's since, it is done. */
    private final Instant[] prsDone;
    private final Instant[] issuesDone;

    private SimulatedGitHub(RepoSimulation sim) {
        this.sim = sim;
        this.repository = RepoRef.parse(sim.profile.fullName());
        this.commits = sim.commits.stream().map(this::commit).toList();
        this.prsDone = sim.prs.stream().map(pr -> pr.closed() == null ? Instant.MAX : Seen.updated(pr, Instant.MAX)).toArray(Instant[]::new);
        this.issuesDone = sim.issues.stream().map(issue -> issue.closed() == null ? Instant.MAX : Seen.updated(issue, Instant.MAX))
                .toArray(Instant[]::new);
    }

    /**
     * The sample's two repositories, a busy one (acme/rocket) and a quiet one (acme/launchpad), from
     * fixed seeds; their events start before {@code first} (the bus factor's 90 days) and end {@code days} later.
     */
    public static List<SimulatedGitHub> sample(LocalDate first, int days) {
        return List.of(RepoProfile.rocket(), RepoProfile.launchpad()).stream()
                .map(profile -> new SimulatedGitHub(new RepoSimulation(profile, first, days))).toList();
    }

    public RepoRef repository() {
        return repository;
    }

    /**
     * What {@code RepositoryCollector.fetch} returns for this repository, read at {@code fetchedAt}.
     *
     * @param since           start of the earliest window to compute
     * @param firstWindowAsOf asOf of the earliest window ({@code asOf} itself without a backfill)
     * @param asOf            the run's asOf
     * @param fetchedAt       when the run reads GitHub: at or after asOf
     */
    public Datasets fetch(Instant since, Instant firstWindowAsOf, Instant asOf, Instant fetchedAt) {
        Datasets data = new Datasets().with(RepoState.class, repoState(since, asOf, fetchedAt));
        Deployments deployments = deployments(since, asOf);
        data.with(Deployments.class, deployments);
        data.with(PullRequests.class, pullRequests(since, deployments.mergedPullRequestsNeededSince(since, asOf), asOf, fetchedAt));
        data.with(Issues.class, issues(since, asOf, fetchedAt));
        Instant ninetyDays = firstWindowAsOf.minus(BUS_FACTOR_RANGE);
        data.with(Commits.class, commits(ninetyDays.isBefore(since) ? ninetyDays : since, asOf));
        data.with(WorkflowRuns.class, runs(since, asOf, fetchedAt));
        return data.with(Traffic.class, traffic(fetchedAt));
    }

    /**
     * What the fetch would cost: the pages the collectors would request (50 pull requests or issues
     * per GraphQL page, 100 runs per REST page, the commits from the workspace clone), about 350 ms each.
     */
    public static CollectionStats cost(Datasets data) {
        int graphql = 2 + pages(data.get(PullRequests.class).orElseThrow().items().size(), 50)
                + pages(data.get(Issues.class).orElseThrow().items().size(), 50);
        int requests = graphql + pages(data.get(WorkflowRuns.class).orElseThrow().runs().size(), 100) + 2;
        return new CollectionStats(requests, graphql, 400 + 350L * requests, false);
    }

    private static int pages(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    private RepoState repoState(Instant since, Instant asOf, Instant at) {
        int day = sim.index(LocalDate.ofInstant(at, ZoneOffset.UTC));
        long forks = sim.profile.startForks() + sim.forkTimes.stream().filter(time -> !time.isAfter(at)).count();
        List<RepoState.TrackedItem> changedIssues = new ArrayList<>();
        long openIssues = 0;
        for (int i = 0; i < sim.issues.size(); i++) {
            Issue issue = sim.issues.get(i);
            if (issue.created().isAfter(at) || issuesDone[i].isBefore(since)) {
                continue; // not yet opened, or closed and untouched since before since
            }
            Instant closed = Seen.by(issue.closed(), at);
            openIssues += closed == null ? 1 : 0;
            if (!Seen.updated(issue, at).isBefore(since)) {
                changedIssues.add(tracked(issue.created(), closed, RepoState.StateEvent.Kind.CLOSED));
            }
        }
        List<RepoState.TrackedItem> changedPulls = new ArrayList<>();
        long openPulls = 0;
        for (int i = 0; i < sim.prs.size(); i++) {
            Pr pr = sim.prs.get(i);
            if (pr.created().isAfter(at)) {
                break; // sorted by creation
            }
            if (prsDone[i].isBefore(since)) {
                continue;
            }
            Instant closed = Seen.by(pr.closed(), at);
            openPulls += closed == null ? 1 : 0;
            if (!Seen.updated(pr, at).isBefore(since)) {
                changedPulls.add(tracked(pr.created(), closed,
                        Seen.by(pr.merged(), at) != null ? RepoState.StateEvent.Kind.MERGED : RepoState.StateEvent.Kind.CLOSED));
            }
        }
        List<Instant> forkTimes = sim.forkTimes.stream().filter(time -> !time.isBefore(since) && !time.isAfter(at)).toList();
        return new RepoState(repository.fullName(), Optional.of(DEFAULT_BRANCH), at, since, asOf, sim.stars[day], forks,
                sim.watchers[day], openIssues, openPulls, sim.branches[day], Optional.empty(), Optional.of(STARS_WITHHELD),
                forkTimes, changedIssues, changedPulls);
    }

    private static RepoState.TrackedItem tracked(Instant created, Instant closed, RepoState.StateEvent.Kind closing) {
        List<RepoState.StateEvent> events = closed == null ? List.of() : List.of(new RepoState.StateEvent(closing, closed));
        return new RepoState.TrackedItem(created, closed == null, events);
    }

    /** Source {@code deployments}: the decided ones up to asOf, from the last success before since when one is in range. */
    private Deployments deployments(Instant since, Instant asOf) {
        List<Deployment> decided = sim.deployments.stream().filter(d -> !d.at().isAfter(asOf)).toList();
        boolean deployedInRange = decided.stream().anyMatch(d -> !d.failed() && !d.at().isBefore(since));
        Instant horizon = since.minus(DeploymentsCollector.DEFAULT_HORIZON);
        Instant anchor = decided.stream().filter(d -> !d.failed() && d.at().isBefore(since) && !d.at().isBefore(horizon))
                .map(Deployment::at).reduce((a, b) -> b).orElse(null);
        Instant coveredFrom = anchor != null && deployedInRange ? anchor : since;
        return new Deployments("deployments", coveredFrom, decided.stream().filter(d -> !d.at().isBefore(coveredFrom))
                .map(d -> new Deployments.Deployment(d.at(), d.failed())).toList());
    }

    /** Open at the fetch, or updated since {@code since}, or merged since {@code mergedSince}. */
    private PullRequests pullRequests(Instant since, Instant mergedSince, Instant asOf, Instant at) {
        List<PullRequests.PullRequest> items = new ArrayList<>();
        for (int i = 0; i < sim.prs.size(); i++) {
            Pr pr = sim.prs.get(i);
            if (pr.created().isAfter(at)) {
                break;
            }
            if (prsDone[i].isBefore(since) && (pr.merged() == null || pr.merged().isBefore(mergedSince))) {
                continue;
            }
            Instant merged = Seen.by(pr.merged(), at);
            Instant closed = Seen.by(pr.closed(), at);
            if (closed != null && Seen.updated(pr, at).isBefore(since) && (merged == null || merged.isBefore(mergedSince))) {
                continue;
            }
            List<PullRequests.Review> reviews = new ArrayList<>();
            for (int r = 0; r < pr.reviews().size(); r++) {
                Review review = pr.reviews().get(r);
                if (!review.at().isAfter(at)) {
                    PullRequests.Review.State state = r == pr.reviews().size() - 1
                            ? PullRequests.Review.State.APPROVED : PullRequests.Review.State.COMMENTED;
                    reviews.add(new PullRequests.Review(Seen.person(review.login()), state, review.at()));
                }
            }
            items.add(new PullRequests.PullRequest(pr.number(), "Change " + pr.number(), Seen.person(pr.author()), pr.created(),
                    Seen.updated(pr, at), false, false, pr.created(), merged, closed, DEFAULT_BRANCH, pr.additions(),
                    pr.deletions(), reviews, Seen.comments(pr.comments(), at), pr.oldestCommit()));
        }
        return new PullRequests(since, mergedSince, asOf, DEFAULT_BRANCH, items);
    }

    /** Open at the fetch, or updated since {@code since}. */
    private Issues issues(Instant since, Instant asOf, Instant at) {
        List<Issues.Issue> items = new ArrayList<>();
        for (int i = 0; i < sim.issues.size(); i++) {
            Issue issue = sim.issues.get(i);
            if (issuesDone[i].isBefore(since)) {
                continue;
            }
            Instant closed = Seen.by(issue.closed(), at);
            if (issue.created().isAfter(at) || closed != null && Seen.updated(issue, at).isBefore(since)) {
                continue;
            }
            items.add(new Issues.Issue(issue.number(), Seen.person(issue.author()), issue.created(), closed, Seen.updated(issue, at),
                    issue.incident() ? List.of("incident") : List.of(), Seen.comments(issue.comments(), at)));
        }
        return new Issues(since, asOf, items);
    }

    /** Committed in {@code [since, asOf]}, from the workspace clone (so with their paths). */
    private Commits commits(Instant since, Instant asOf) {
        List<Commits.Commit> items = commits.stream()
                .filter(commit -> !commit.committedDate().isBefore(since) && !commit.committedDate().isAfter(asOf)).toList();
        return new Commits(since, asOf, "workspace clone", Optional.empty(), items);
    }

    private Commits.Commit commit(Commit commit) {
        String change = "Change " + commit.serial();
        String headline = commit.hotfix() ? "Hotfix: " + change : commit.revert() ? "Revert \"" + change + "\"" : change;
        List<String> paths = commit.files().stream().map(file -> "src/module-" + file / 40 + "/File" + file + ".java").toList();
        return new Commits.Commit(String.format("%08x%032x", (int) sim.profile.seed(), commit.serial()), commit.at(),
                commit.author(), commit.author() + "@users.noreply.github.com", false, 1, headline, commit.revert(),
                commit.added(), commit.deleted(), Optional.of(paths));
    }

    /** Created in {@code [since, asOf]}, completed when decided by the fetch; the latest decided default-branch run before. */
    private WorkflowRuns runs(Instant since, Instant asOf, Instant at) {
        List<WorkflowRuns.Run> runs = new ArrayList<>();
        Run before = null;
        for (Run run : sim.runs) {
            if (run.created().isAfter(asOf)) {
                break; // sorted by creation
            }
            if (!run.created().isBefore(since)) {
                runs.add(run(run, at));
            } else if (run.defaultBranch() && !run.created().plusMillis(run.millis()).isAfter(at)) {
                before = run; // decided by the fetch: every run is decided once it completes
            }
        }
        return new WorkflowRuns(Optional.of(DEFAULT_BRANCH), since, asOf, runs,
                Optional.ofNullable(before).map(run -> run(run, at)));
    }

    private static WorkflowRuns.Run run(Run run, Instant at) {
        Instant done = run.created().plusMillis(run.millis());
        boolean completed = !done.isAfter(at);
        return new WorkflowRuns.Run(run.id(), ".github/workflows/ci.yml", run.defaultBranch() ? DEFAULT_BRANCH : "change-" + run.id(),
                run.defaultBranch() ? "push" : "pull_request", completed ? "completed" : "in_progress",
                completed ? Optional.of(run.conclusion()) : Optional.empty(), run.created(), Optional.of(run.created()),
                completed ? done : at);
    }

    /** The 14 whole days GitHub keeps before the fetch's day. */
    private Traffic traffic(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<TrafficDay> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(14); day.isBefore(today); day = day.plusDays(1)) {
            Events.Traffic point = sim.traffic[sim.index(day)];
            days.add(new TrafficDay(day, point.views(), point.uniqueVisitors(), point.clones(), point.uniqueCloners()));
        }
        return new Traffic(days);
    }
}
