package io.repovitals.publish;

import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.IssueComment;
import io.repovitals.github.IssueComments;
import io.repovitals.model.RepoRef;

import java.util.Optional;

/**
 * contract.md "Publishing", {@code pr-comment}: one comment per pull request, found again by the marker
 * {@value #MARKER} at the very start of its body and edited in place; created once when there is none.
 *
 * <p>Only our own comment is edited. Anyone can post a comment that starts with the marker (quoting ours, say),
 * so a comment is ours only when, besides the marker, its author is a GitHub App ({@code github-actions[bot]}
 * for the workflow's {@code GITHUB_TOKEN}, or another app's {@code <slug>[bot]} for an App token: people cannot
 * post as an app), or is the account the token belongs to ({@code GET /user}, asked at most once and only when
 * a person's comment carries the marker; an App or Actions token may not ask and then owns no person's comment).
 */
public final class PrCommentPublisher {
    public static final String MARKER = "<!-- repo-vitals:pr -->";
    /** GitHub refuses comment bodies longer than this (characters). */
    static final int MAX_BODY = 65_536;
    static final String CUT_NOTE = "\n\n_(repo-vitals: this comment was cut at GitHub's limit of 65,536 characters.)_\n";

    private final GitHubClients github;

    public PrCommentPublisher(GitHubClients github) {
        this.github = github;
    }

    /**
     * Creates or edits the sticky comment of pull request {@code number} in {@code repo}.
     *
     * @param markdown the rendered comment; the marker is put first when the template did not
     * @throws GitHubException with one line naming the {@code pull-requests: write} permission on HTTP 403
     */
    public PrCommentResult publish(RepoRef repo, int number, String markdown) {
        String body = fit(markdown.startsWith(MARKER) ? markdown : MARKER + "\n" + markdown);
        IssueComments comments = new IssueComments(github, repo, number);
        try {
            Ownership ownership = new Ownership(comments);
            Optional<IssueComment> existing = comments.findFirst(ownership::ours);
            if (existing.isEmpty()) {
                IssueComment created = comments.create(body);
                return new PrCommentResult(PrCommentResult.Action.CREATED, number, created.id(), created.url());
            }
            IssueComment comment = existing.get();
            if (comment.body().equals(body)) {
                return new PrCommentResult(PrCommentResult.Action.UNCHANGED, number, comment.id(), comment.url());
            }
            comments.edit(comment, body);
            return new PrCommentResult(PrCommentResult.Action.EDITED, number, comment.id(), comment.url());
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.FORBIDDEN) {
                throw new GitHubException(e.kind(), e.status(), "pr-comment: cannot comment on pull request #" + number
                        + " of " + repo + ": " + e.getMessage() + "; the workflow needs 'permissions: pull-requests: write'"
                        + " (runs for pull requests from forks only get a read-only token)", e);
            }
            throw e;
        }
    }

    /** No silent cap: a body over GitHub's limit is cut with a note saying so, never refused. */
    static String fit(String body) {
        if (body.length() <= MAX_BODY) {
            return body;
        }
        return body.substring(0, MAX_BODY - CUT_NOTE.length()) + CUT_NOTE;
    }

    /** The rule of the class comment, asking GET /user lazily and at most once. */
    private static final class Ownership {
        private final IssueComments comments;
        private Optional<String> tokenLogin;

        Ownership(IssueComments comments) {
            this.comments = comments;
        }

        boolean ours(IssueComment comment) {
            if (!comment.body().startsWith(MARKER) || comment.authorLogin() == null) {
                return false;
            }
            if (comment.byBot()) {
                return true;
            }
            if (tokenLogin == null) {
                tokenLogin = comments.tokenLogin();
            }
            return tokenLogin.filter(login -> login.equalsIgnoreCase(comment.authorLogin())).isPresent();
        }
    }
}
