package io.repovitals.pipeline;

import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.PublishTarget;
import io.repovitals.config.Settings;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.publish.IssuePublisher;
import io.repovitals.publish.OrgReportMarker;
import io.repovitals.publish.PublishedIssue;
import io.repovitals.render.Reports;
import io.repovitals.runtime.ActionsOutputs;
import io.repovitals.runtime.Log;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The publish step of {@code merge}: the organisation report to the job summary and as one issue per ISO week
 * (its own marker, {@link OrgReportMarker}) in the repository running the workflow, then the step outputs
 * {@code report-path}, {@code issue-url} and {@code anomalies}. There is no single repository here, so no
 * {@code health-score}, {@code health-grade} or {@code snapshot-path}.
 */
final class OrgPublishing {
    private final Settings settings;
    private final Log log;

    OrgPublishing(Settings settings, Log log) {
        this.settings = settings;
        this.log = log;
    }

    /** @param github built only when an issue is to be published: the rest needs no token */
    void publish(Supplier<GitHubClients> github, OrgAnalysis analysis, String report, Path reportPath, Reports reports) {
        if (settings.output().publish().contains(PublishTarget.SUMMARY)) {
            new Publishing(settings, log).summary(report);
        }
        if (settings.output().publish().contains(PublishTarget.PR_COMMENT)) {
            log.info("publish pr-comment: a pull request comment is about one repository, not the organisation report; skipped");
        }
        Optional<String> issueUrl = Optional.empty();
        if (settings.output().publish().contains(PublishTarget.ISSUE)) {
            issueUrl = Optional.of(issue(github, report, reports).url().toString());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("report-path", reportPath.toString());
        issueUrl.ifPresent(url -> outputs.put("issue-url", url));
        outputs.put("anomalies", Publishing.anomalies(analysis));
        settings.environment().output().ifPresent(file -> ActionsOutputs.write(file, outputs));
    }

    private PublishedIssue issue(Supplier<GitHubClients> github, String report, Reports reports) {
        RepoRef where = settings.environment().repository().map(RepoRef::parse)
                .or(() -> settings.selection().repositories().stream().findFirst())
                .orElseThrow(() -> new ConfigException(Inputs.PUBLISH.name(), "issue",
                        "a repository to open the organisation report issue in: GITHUB_REPOSITORY inside Actions,"
                                + " else the first of repositories; or publish summary or none"));
        OrgReportMarker week = OrgReportMarker.of(OrgReportMarker.scopeOf(settings.selection().organizations()), settings.collection().asOf());
        String body = reports.shorten(report, IssuePublisher.maxOrganisationReportLength(week), null);
        if (body.length() < report.length()) {
            log.info("organisation report shortened from " + report.length() + " to " + body.length()
                    + " characters to fit an issue; report.md among the run's files is complete");
        }
        try (Log.Group ignored = log.group("Publishing the organisation report issue")) {
            PublishedIssue issue = new IssuePublisher(github.get(), settings.output().closePrevious())
                    .publishOrganisation(where, week, body);
            log.info(where + ": organisation report " + week.weekLabel() + ": " + issue.describe());
            return issue;
        }
    }
}
