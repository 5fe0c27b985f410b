package io.repovitals.github;

import java.net.URI;
import java.util.Set;

/**
 * An issue as {@link RepositoryIssues} reads it, without github-api types.
 *
 * @param authorLogin  the login that opened it; {@code null} for a deleted account (ghost)
 * @param pullRequest  the issues endpoint lists pull requests too; they are never report issues
 */
public record IssueView(int number, URI htmlUrl, String title, String body, String authorLogin, boolean open,
                        boolean pullRequest, Set<String> labels) {
    public IssueView {
        body = body == null ? "" : body;
        labels = Set.copyOf(labels);
    }
}
