package io.repovitals.pipeline;

import io.repovitals.analyze.Grade;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.collect.PullRequestOne;
import io.repovitals.config.PublishTarget;
import io.repovitals.config.PullRequestEvent;
import io.repovitals.config.Settings;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.IssuePublisher;
import io.repovitals.publish.PrCommentPublisher;
import io.repovitals.publish.PublishedIssue;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.PrVelocity;
import io.repovitals.render.Reports;
import io.repovitals.runtime.ActionsOutputs;
import io.repovitals.runtime.Log;
import io.repovitals.runtime.StepSummary;
import io.repovitals.store.HistoryStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The publish step (contract.md "Publishing", "Outputs"): job summary, weekly issues, the PR comment, step outputs. */
final class Publishing {
    private final Settings settings;
    private final Log log;

    Publishing(Settings settings, Log log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Summary, then one issue per repository. A repository whose issue cannot be published does not stop
     * the others; the first failure is raised after the outputs are written (output-dir and the history
     * were written, or failed, before).
     *
     * @param files        the run's files in output-dir; empty when it could not be written
     * @param storageBlock what the summary opens with when a storage target failed (StorageOutcome), else blank
     */
    void publish(GitHubClients github, OrgAnalysis analysis, ReportRendering.Rendered rendered, Optional<RunFiles> files,
                 Reports reports, String storageBlock) {
        if (settings.output().publish().contains(PublishTarget.SUMMARY)) {
            summary(storageBlock + rendered.summary());
        } else if (!storageBlock.isBlank()) {
            // The storage fault still reaches the page a user looks at first.
            summary(storageBlock);
        }
        Optional<String> issueUrl = Optional.empty();
        RuntimeException firstFailure = null;
        if (settings.output().publish().contains(PublishTarget.ISSUE)) {
            try (Log.Group ignored = log.group("Publishing the weekly report issues")) {
                IssuePublisher issues = new IssuePublisher(github, settings.output().closePrevious());
                for (Map.Entry<String, String> weekly : rendered.weeklyForIssue().entrySet()) {
                    RepoRef repo = RepoRef.parse(weekly.getKey());
                    String body = reports.shorten(weekly.getValue(), IssuePublisher.maxReportLength(repo),
                            rendered.fullReportUrl().get(weekly.getKey()));
                    if (body.length() < weekly.getValue().length()) {
                        log.info(repo + ": report shortened from " + weekly.getValue().length() + " to " + body.length()
                                + " characters to fit an issue; the full report is linked");
                    }
                    try {
                        PublishedIssue issue = issues.publish(repo, settings.collection().asOf(), IssuePublisher.title(repo, settings.collection().asOf()), body);
                        log.info(repo + ": " + issue.describe());
                        issueUrl = Optional.of(issue.url().toString());
                    } catch (RuntimeException e) {
                        log.error(repo + ": " + e.getMessage());
                        firstFailure = firstFailure == null ? e : firstFailure;
                    }
                }
            }
        }
        outputs(analysis, files, issueUrl);
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    /**
     * A pull_request run: the PR's review velocity against the stored history, as one sticky comment.
     * One GraphQL request for the PR and a few REST requests for the comment; the history is only read.
     */
    void pullRequestOnly(GitHubClients github, HistoryStore store, PullRequestEvent.Found event, Reports reports) {
        RepoRef repo = settings.environment().repository().map(RepoRef::parse)
                .orElseGet(() -> settings.selection().repositories().get(0));
        List<Snapshot> history = store.load(repo).snapshots();
        log.info(repo + " #" + event.number() + ": " + event.eventName() + " event, commenting on the pull request ("
                + history.size() + " stored snapshots; nothing is collected or stored on pull request events)");
        PullRequestOne.Fetched pullRequest = new PullRequestOne().fetch(github, repo, event.number());
        PrVelocity velocity = PrVelocities.of(repo, pullRequest, history, settings.collection().asOf(), settings.collection().ignoreUsers());
        String comment = reports.prComment(velocity);
        Path file = RunFiles.writeText(settings.output().outputDir(), "pr-comment.md", comment);
        log.info(new PrCommentPublisher(github).publish(repo, event.number(), comment).logLine());
        if (settings.output().publish().contains(PublishTarget.SUMMARY)) {
            summary(comment);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("report-path", file.toString());
        settings.environment().output().ifPresent(output -> ActionsOutputs.write(output, outputs));
    }

    void outputs(OrgAnalysis analysis, RunFiles files, Optional<String> issueUrl) {
        outputs(analysis, Optional.of(files), issueUrl);
    }

    /** Without the run's files (output-dir not written), report-path and snapshot-path stay unset. */
    void outputs(OrgAnalysis analysis, Optional<RunFiles> files, Optional<String> issueUrl) {
        Map<String, String> outputs = new LinkedHashMap<>();
        health(analysis).ifPresent(score -> {
            outputs.put("health-score", String.valueOf(Math.round(score)));
            outputs.put("health-grade", Grade.of(score).name());
        });
        files.ifPresent(written -> {
            outputs.put("report-path", written.report().toString());
            outputs.put("snapshot-path", written.snapshotPath().toString());
        });
        issueUrl.ifPresent(url -> outputs.put("issue-url", url));
        outputs.put("anomalies", anomalies(analysis));
        settings.environment().output().ifPresent(file -> ActionsOutputs.write(file, outputs));
    }

    /** Output {@code anomalies}: one line per anomaly, {@code owner/name: sentence}. */
    static String anomalies(OrgAnalysis analysis) {
        return analysis.repositories().stream()
                .flatMap(one -> one.anomalies().stream().map(anomaly -> one.repository() + ": " + anomaly.sentence()))
                .collect(Collectors.joining("\n"));
    }

    /** Appends to the job summary; outside Actions there is none, which is said once. */
    void summary(String markdown) {
        settings.environment().stepSummary().ifPresentOrElse(
                file -> StepSummary.append(file, markdown),
                () -> log.info("publish summary: no GITHUB_STEP_SUMMARY outside Actions, skipped"));
    }

    /** One repository's score; for several, the mean of those that have one. */
    private static Optional<Double> health(OrgAnalysis analysis) {
        List<Double> scores = new ArrayList<>(analysis.repositories().stream().map(one -> one.health().score())
                .filter(Objects::nonNull).toList());
        return scores.isEmpty() ? Optional.empty()
                : Optional.of(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }
}
