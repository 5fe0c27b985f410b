package io.repovitals.config;

import io.repovitals.model.RepoRef;
import org.eclipse.jgit.lib.Repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parsers of names GitHub defines the rules for: repositories, organisations, logins, labels, environments, branches and where deployments come from.
 * Each turns a raw, non-blank string into its typed value or throws a {@link ConfigException}
 * naming the input and what it accepts; the accepted forms here and in
 * {@code schema/repo-vitals.schema.json} are kept equal by ConfigSchemaTest.
 */
final class GitHubNameValues {
    // GitHub logins; bots appear as "name[bot]" in the API, so ignore-users accepts that suffix.
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");

    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}(\\[bot])?");

    private static final String WORKFLOW_PREFIX = "workflow:";

    // GitHub refuses label names over 50 characters, environment names over 255.
    private static final int MAX_LABEL = 50;

    private static final int MAX_ENVIRONMENT = 255;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static List<RepoRef> repositories(String text) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<RepoRef> repositories = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            RepoRef repo;
            try {
                repo = RepoRef.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Inputs.REPOSITORIES.name(), entry,
                        "a comma- or newline-separated list of owner/name, e.g. octocat/hello-world");
            }
            if (seen.add(repo.fullName())) {
                repositories.add(repo);
            }
        }
        return repositories;
    }

    static List<String> organizations(String text) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> logins = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            if (!LOGIN.matcher(entry).matches()) {
                throw new ConfigException(Inputs.ORGANIZATIONS.name(), entry,
                        "a comma- or newline-separated list of organisation logins, e.g. octo-org");
            }
            if (seen.add(entry)) {
                logins.add(entry);
            }
        }
        return logins;
    }

    /** Logins compare case-insensitively on GitHub, so they are kept lower-cased; "@x" means x. */
    static Set<String> ignoreUsers(String text) {
        Set<String> users = new LinkedHashSet<>();
        for (String entry : ListSyntax.split(text)) {
            String login = (entry.startsWith("@") ? entry.substring(1) : entry).toLowerCase(Locale.ROOT);
            if (!USER.matcher(login).matches()) {
                throw new ConfigException(Inputs.IGNORE_USERS.name(), entry,
                        "a comma- or newline-separated list of logins, e.g. octocat, @octocat or renovate[bot]");
            }
            users.add(login);
        }
        return users;
    }

    /** Label names as given, de-duplicated ignoring case (GitHub labels are case-insensitive). */
    static List<String> incidentLabels(String text) {
        String accepted = "a comma- or newline-separated list of label names of at most " + MAX_LABEL
                + " characters, e.g. incident, sev1";
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> labels = new ArrayList<>();
        for (String entry : ListSyntax.split(text)) {
            if (entry.length() > MAX_LABEL || CONTROL.matcher(entry).find()) {
                throw new ConfigException(Inputs.INCIDENT_LABELS.name(), entry, accepted);
            }
            if (seen.add(entry)) {
                labels.add(entry);
            }
        }
        if (labels.isEmpty()) {
            throw new ConfigException(Inputs.INCIDENT_LABELS.name(), text, accepted);
        }
        return labels;
    }

    static String doraEnvironment(String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > MAX_ENVIRONMENT || CONTROL.matcher(name).find()) {
            throw new ConfigException(Inputs.DORA_ENVIRONMENT.name(), text,
                    "a deployment environment name of 1 to " + MAX_ENVIRONMENT + " characters on one line, e.g. production");
        }
        return name;
    }

    static DoraSource doraSource(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("deployments")) {
            return new DoraSource.Deployments();
        }
        if (trimmed.equals("releases")) {
            return new DoraSource.Releases();
        }
        if (trimmed.startsWith(WORKFLOW_PREFIX) && !trimmed.substring(WORKFLOW_PREFIX.length()).isBlank()) {
            return new DoraSource.Workflow(trimmed.substring(WORKFLOW_PREFIX.length()).strip());
        }
        throw new ConfigException(Inputs.DORA_SOURCE.name(), text,
                "deployments, releases or workflow:<file>, e.g. workflow:deploy.yml");
    }

    static String historyBranch(String text) {
        String branch = text.strip();
        // The same rule JGit applies when the branch is pushed, so a bad name fails before any work.
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw new ConfigException(Inputs.HISTORY_BRANCH.name(), text,
                    "a valid git branch name, e.g. repo-vitals-data (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\')");
        }
        return branch;
    }

    private GitHubNameValues() {}
}
