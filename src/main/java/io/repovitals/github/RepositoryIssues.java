package io.repovitals.github;

import io.repovitals.model.RepoRef;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRepository;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The issue API of one repository, over github-api (the jreleaser facade shape: no github-api type
 * leaves this class). Every failure is a {@link GitHubException}; a 403 on a write names the
 * permission the token lacks. The repository itself is fetched once, on first use.
 */
public final class RepositoryIssues {
    /** What an Actions workflow must grant for every write made here. */
    public static final String WRITE_PERMISSION = "issues: write";

    private final GitHubClients github;
    private final RepoRef repo;
    private final Map<Integer, GHIssue> known = new HashMap<>();
    private GHRepository repository;

    public RepositoryIssues(GitHubClients github, RepoRef repo) {
        this.github = Objects.requireNonNull(github);
        this.repo = Objects.requireNonNull(repo);
    }

    /** Who the token acts as ({@code GET /user}, one request); see {@link TokenIdentity}. */
    public static TokenIdentity identity(GitHubClients github) {
        try {
            return TokenIdentity.user(RestCalls.call("the token's user", github.apiUrl(),
                    () -> github.rest().getMyself().getLogin()));
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.FORBIDDEN) {
                return TokenIdentity.INSTALLATION;
            }
            throw e;
        }
    }

    /**
     * Makes sure the label exists: one GET, and a POST only when it answered 404.
     *
     * @return true when this call created the label
     */
    public boolean ensureLabel(String name, String color, String description) {
        GHRepository repository = repository();
        boolean exists = call("label '" + name + "'", false, () -> {
            try {
                repository.getLabel(name);
                return true;
            } catch (GHFileNotFoundException e) {
                return false;
            }
        });
        if (exists) {
            return false;
        }
        try {
            call("creating label '" + name + "'", true, () -> repository.createLabel(name, color, description));
            return true;
        } catch (GitHubException e) {
            // 422 "already_exists": another job created it between our GET and POST.
            if (e.status() == 422) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Issues (and pull requests, flagged) carrying {@code label}, open and closed, newest created
     * first, {@code pageSize} a request. Pages are fetched only as the iteration reaches them.
     */
    public Iterable<IssueView> newestWithLabel(String label, int pageSize) {
        GHRepository repository = repository();
        return () -> {
            Iterator<GHIssue> pages = call("issues labelled '" + label + "'", false, () -> repository.queryIssues()
                    .label(label).state(GHIssueState.ALL).sort(GHIssueQueryBuilder.Sort.CREATED)
                    .direction(GHDirection.DESC).pageSize(pageSize).list().iterator());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return call("issues labelled '" + label + "'", false, pages::hasNext);
                }

                @Override
                public IssueView next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return remember(call("issues labelled '" + label + "'", false, pages::next));
                }
            };
        };
    }

    public IssueView create(String title, String body, List<String> labels) {
        GHRepository repository = repository();
        return remember(call("opening an issue", true, () -> {
            var builder = repository.createIssue(title).body(body);
            labels.forEach(builder::label);
            return builder.create();
        }));
    }

    /** Sets title and body, sending only what differs (github-api sends one PATCH per field). */
    public IssueView edit(IssueView issue, String title, String body) {
        GHIssue target = issue(issue.number());
        call("editing issue #" + issue.number(), true, () -> {
            if (!title.equals(target.getTitle())) {
                target.setTitle(title);
            }
            if (!body.equals(target.getBody())) {
                target.setBody(body);
            }
            return null;
        });
        return view(target, title, body, target.getState() == GHIssueState.OPEN);
    }

    /** Comments, then closes: whoever follows the issue learns why it closed. */
    public void closeWithComment(IssueView issue, String comment) {
        GHIssue target = issue(issue.number());
        call("closing issue #" + issue.number(), true, () -> {
            target.comment(comment);
            target.close();
            return null;
        });
    }

    private GHRepository repository() {
        if (repository == null) {
            repository = call("repository " + repo, false, () -> github.rest().getRepository(repo.fullName()));
        }
        return repository;
    }

    private GHIssue issue(int number) {
        GHIssue issue = known.get(number);
        if (issue == null) {
            GHRepository repository = repository();
            issue = call("issue #" + number, false, () -> repository.getIssue(number));
            known.put(number, issue);
        }
        return issue;
    }

    private IssueView remember(GHIssue issue) {
        known.put(issue.getNumber(), issue);
        return view(issue, issue.getTitle(), issue.getBody(), issue.getState() == GHIssueState.OPEN);
    }

    private static IssueView view(GHIssue issue, String title, String body, boolean open) {
        try {
            // The user as listed: getUser().getType() would fetch the account, a request per issue.
            String author = issue.getUser() == null ? null : issue.getUser().getLogin();
            return new IssueView(issue.getNumber(), issue.getHtmlUrl().toURI(), title, body, author, open,
                    issue.isPullRequest(),
                    issue.getLabels().stream().map(GHLabel::getName).collect(Collectors.toSet()));
        } catch (IOException | URISyntaxException e) {
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                    "GitHub sent issue #" + issue.getNumber() + " with an unreadable author or URL (" + e.getMessage() + ")");
        }
    }

    private <T> T call(String what, boolean write, RestCalls.IoCall<T> call) {
        try {
            return RestCalls.call(what + " in " + repo, github.apiUrl(), call);
        } catch (GitHubException e) {
            if (write && e.kind() == GitHubException.Kind.FORBIDDEN) {
                throw new GitHubException(GitHubException.Kind.FORBIDDEN, 403, what + " in " + repo
                        + ": the token may not write issues (HTTP 403); grant it '" + WRITE_PERMISSION
                        + "' (workflow permissions) or use a token with access to " + repo);
            }
            throw e;
        }
    }
}
