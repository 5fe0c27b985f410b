package io.repovitals.github;

import io.repovitals.model.RepoRef;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.PagedIterator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The conversation comments of one issue or pull request (REST: pull requests are issues here), through
 * github-api: list them oldest first, page by page only as far as asked, create one, edit one. Requests:
 * {@code GET /repos/{o}/{r}} and {@code GET /repos/{o}/{r}/issues/{n}} once, on first use; one
 * {@code GET .../comments?per_page=100} per page read; one POST or PATCH per write. Comment authors are read
 * from the listing only (never github-api's {@code getUser()}, which would fetch each account).
 */
public final class IssueComments {
    private static final int PAGE_SIZE = 100;

    private final GitHubClients github;
    private final RepoRef repo;
    private final int number;
    private final Map<Long, GHIssueComment> seen = new HashMap<>();
    private GHIssue issue;

    public IssueComments(GitHubClients github, RepoRef repo, int number) {
        this.github = github;
        this.repo = repo;
        this.number = number;
    }

    /** The first comment, oldest first, that {@code wanted} accepts; stops reading pages once found. */
    public Optional<IssueComment> findFirst(Predicate<IssueComment> wanted) {
        return call("reading the comments of", () -> {
            PagedIterator<GHIssueComment> comments = issue().listComments().withPageSize(PAGE_SIZE).iterator();
            while (comments.hasNext()) {
                GHIssueComment comment = comments.next();
                IssueComment read = read(comment);
                if (wanted.test(read)) {
                    seen.put(read.id(), comment);
                    return Optional.of(read);
                }
            }
            return Optional.<IssueComment>empty();
        });
    }

    public IssueComment create(String body) {
        return call("writing a comment on", () -> {
            GHIssueComment created = issue().comment(body);
            seen.put(created.getId(), created);
            return read(created);
        });
    }

    /** Replaces the body of a comment that {@link #findFirst} or {@link #create} returned. */
    public IssueComment edit(IssueComment comment, String body) {
        GHIssueComment target = seen.get(comment.id());
        if (target == null) {
            throw new IllegalArgumentException("comment " + comment.id() + " was not read through this facade");
        }
        return call("editing a comment on", () -> {
            target.update(body);
            return new IssueComment(comment.id(), comment.authorLogin(), body, comment.url());
        });
    }

    /**
     * The login the token belongs to ({@code GET /user}), or empty when the token may not ask (an Actions
     * {@code GITHUB_TOKEN} or an App installation token gets 403 there).
     */
    public Optional<String> tokenLogin() {
        try {
            return Optional.of(RestCalls.call("GET /user", github.apiUrl(), () -> github.rest().getMyself().getLogin()));
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.FORBIDDEN || e.kind() == GitHubException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private GHIssue issue() throws java.io.IOException {
        if (issue == null) {
            issue = github.rest().getRepository(repo.fullName()).getIssue(number);
        }
        return issue;
    }

    private static IssueComment read(GHIssueComment comment) {
        String url = comment.getHtmlUrl() == null ? "" : comment.getHtmlUrl().toString();
        return new IssueComment(comment.getId(), loginOf(comment), comment.getBody() == null ? "" : comment.getBody(), url);
    }

    /** From the listing itself (github-api's getUser() would fetch the account); null for a ghost ({@code user: null}). */
    private static String loginOf(GHIssueComment comment) {
        try {
            return comment.getUserName();
        } catch (NullPointerException ghost) {
            return null;
        }
    }

    private <T> T call(String doing, RestCalls.IoCall<T> call) {
        return RestCalls.call(doing + " #" + number + " of " + repo, github.apiUrl(), call);
    }
}
