package io.repovitals.sample;

import io.repovitals.collect.Account;
import io.repovitals.sample.Events.Comment;
import io.repovitals.sample.Events.Issue;
import io.repovitals.sample.Events.Pr;
import io.repovitals.sample.Events.Review;

import java.time.Instant;
import java.util.List;

/** What GitHub shows of an event at a given instant: only what had happened by then. */
final class Seen {
    private Seen() {}

    static Account person(String login) {
        return new Account(login, false);
    }

    static List<io.repovitals.collect.Comment> comments(List<Comment> comments, Instant at) {
        return comments.stream().filter(comment -> !comment.at().isAfter(at))
                .map(comment -> new io.repovitals.collect.Comment(person(comment.login()), comment.at())).toList();
    }

    /** {@code instant} when it had happened by {@code at}, else null (GitHub does not know it yet). */
    static Instant by(Instant instant, Instant at) {
        return instant == null || instant.isAfter(at) ? null : instant;
    }

    /** GitHub's updatedAt at {@code at}: the latest activity by then. */
    static Instant updated(Pr pr, Instant at) {
        Instant last = latest(pr.created(), by(pr.closed(), at));
        for (Review review : pr.reviews()) {
            last = latest(last, by(review.at(), at));
        }
        for (Comment comment : pr.comments()) {
            last = latest(last, by(comment.at(), at));
        }
        return last;
    }

    static Instant updated(Issue issue, Instant at) {
        Instant last = latest(latest(issue.created(), by(issue.touched(), at)), by(issue.closed(), at));
        for (Comment comment : issue.comments()) {
            last = latest(last, by(comment.at(), at));
        }
        return last;
    }

    static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
