package io.repovitals.pipeline;

import io.repovitals.collect.Account;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.collect.PullRequests.Review.State;
import io.repovitals.model.RepoRef;
import io.repovitals.render.WaitingPr;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open, ready pull requests nobody has reviewed yet, longest waiting first; hours worked out by hand. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WaitingPrsTest {
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Account ALICE = new Account("alice", false);

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    /** Open, opened ready at {@code created}. */
    private static PullRequest ready(int number, Account author, String created, Review... reviews) {
        return new PullRequest(number, "PR " + number, author, at(created), at(created), false, false, at(created),
                null, null, "main", 1, 1, List.of(reviews), List.of(), null);
    }

    private static Review review(String login, boolean bot, State state, String submittedAt) {
        return new Review(new Account(login, bot), state, submittedAt == null ? null : at(submittedAt));
    }

    private static PullRequests pulls() {
        return new PullRequests(at("2026-10-01T00:00:00Z"), AS_OF, "main", List.of(
                ready(1, ALICE, "2026-11-15T00:00:00Z"),
                // opened as a draft 11-01, ready 11-12: waits from 11-12
                new PullRequest(2, "PR 2", ALICE, at("2026-11-01T00:00:00Z"), at("2026-11-12T00:00:00Z"), false, true,
                        at("2026-11-12T00:00:00Z"), null, null, "main", 1, 1, List.of(), List.of(), null),
                // still a draft: waits for nobody
                new PullRequest(3, "PR 3", ALICE, at("2026-11-01T00:00:00Z"), at("2026-11-01T00:00:00Z"), true, true,
                        null, null, null, "main", 1, 1, List.of(), List.of(), null),
                ready(4, ALICE, "2026-11-10T00:00:00Z", review("bob", false, State.APPROVED, "2026-11-11T00:00:00Z")),
                // only the author, a bot and a PENDING review: still waiting
                ready(5, ALICE, "2026-11-09T00:00:00Z",
                        review("alice", false, State.COMMENTED, "2026-11-09T01:00:00Z"),
                        review("github-advanced-security[bot]", true, State.COMMENTED, "2026-11-09T02:00:00Z"),
                        review("carol", false, State.PENDING, null)),
                // merged, never reviewed
                new PullRequest(6, "PR 6", ALICE, at("2026-11-02T00:00:00Z"), at("2026-11-03T00:00:00Z"), false, false,
                        at("2026-11-02T00:00:00Z"), at("2026-11-03T00:00:00Z"), at("2026-11-03T00:00:00Z"), "main", 1, 1,
                        List.of(), List.of(), null),
                ready(7, new Account("dependabot[bot]", true), "2026-11-01T00:00:00Z"),
                ready(8, new Account("Renovate-Helper", false), "2026-11-01T00:00:00Z"),
                ready(9, new Account("bob", false), "2026-11-15T00:00:00Z"),
                ready(10, ALICE, "2026-11-21T00:00:00Z"),
                // reviewed, but only after asOf
                ready(11, ALICE, "2026-11-14T12:00:00Z", review("bob", false, State.APPROVED, "2026-11-21T00:00:00Z"))));
    }

    @Test
    void should_list_the_longest_waiting_first_and_leave_out_reviewed_draft_closed_and_bot_prs() {
        List<WaitingPr> waiting = WaitingPrs.longest(REPO, pulls(), AS_OF, Set.of("renovate-helper"), 10);

        // #5 since 11-09 = 11 days = 264 h; #2 since 11-12 = 192 h; #11 since 11-14 12:00 = 132 h;
        // #1 and #9 since 11-15 = 120 h (tie: by number)
        assertThat(waiting).extracting(WaitingPr::number).containsExactly(5, 2, 11, 1, 9);
        assertThat(waiting).extracting(WaitingPr::waitingHours).containsExactly(264.0, 192.0, 132.0, 120.0, 120.0);
        assertThat(waiting.get(1)).isEqualTo(new WaitingPr("octo-org/widgets", 2, "PR 2", "alice",
                at("2026-11-12T00:00:00Z"), 192.0));
    }

    @Test
    void should_stop_at_the_limit() {
        List<WaitingPr> waiting = WaitingPrs.longest(REPO, pulls(), AS_OF, Set.of("renovate-helper"), 2);

        assertThat(waiting).extracting(WaitingPr::number).containsExactly(5, 2);
    }

    @Test
    void should_list_a_person_s_pr_once_no_longer_in_ignore_users() {
        List<WaitingPr> waiting = WaitingPrs.longest(REPO, pulls(), AS_OF, Set.of(), 10);

        // #8 (Renovate-Helper, since 11-01 = 19 days = 456 h) now comes first
        assertThat(waiting).extracting(WaitingPr::number).containsExactly(8, 5, 2, 11, 1, 9);
    }

    @Test
    void should_refuse_a_negative_limit() {
        assertThatThrownBy(() -> WaitingPrs.longest(REPO, pulls(), AS_OF, Set.of(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
