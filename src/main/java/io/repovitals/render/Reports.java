package io.repovitals.render;

import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.model.Snapshot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facade the pipeline renders with (issue 6): the weekly report, the job summary, the PR comment,
 * the organisation report, report.html, and shortening to GitHub's body limit. Templates are
 * {@code report.md.ftl}, {@code summary.md.ftl}, {@code pr-comment.md.ftl}, {@code org-report.md.ftl}
 * (with {@code _macros.ftl}); a {@code templates} folder overrides any of them by file name.
 */
public final class Reports {
    private final Templates templates;
    private final ReportViews views;

    /** @param overrides Settings.templates(): a folder whose files replace built-in templates of the same name */
    public Reports(Optional<Path> overrides) {
        this(overrides, AnalysisSettings.DEFAULTS);
    }

    /** @param analysisSettings the run's analysis settings, so last week's score is computed the same way as this week's */
    public Reports(Optional<Path> overrides, AnalysisSettings analysisSettings) {
        this(overrides, analysisSettings, MarkdownOutputFormat.INSTANCE);
    }

    /** @param format how templates escape user text (a test renders with the older, maximal escaping too) */
    Reports(Optional<Path> overrides, AnalysisSettings analysisSettings, MarkdownOutputFormat format) {
        this.templates = new Templates(overrides, format);
        this.views = new ReportViews(analysisSettings);
    }

    /** report.md of one repository. */
    public String weekly(RepositoryReport input) {
        return templates.render("report.md.ftl", "report", views.weekly(input));
    }

    /** The job summary: one repository in short, or several as a ranking plus each one's headline. */
    public String summary(List<RepositoryReport> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one repository");
        }
        OrgAnalysis org = OrgAnalysis.of(inputs.stream().map(RepositoryReport::analysis).toList());
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        inputs.forEach(input -> histories.put(input.analysis().repository(), input.history()));
        // Repositories in ranking order, so the headlines follow the table.
        List<ReportModel.SummaryRepo> repositories = org.repositories().stream()
                .map(analysis -> inputs.stream().filter(i -> i.analysis() == analysis).findFirst().orElseThrow())
                .map(views::summaryRepo).toList();
        return templates.render("summary.md.ftl", "summary",
                new ReportModel.Summary(inputs.size() > 1, RankRows.of(org, histories, views), repositories));
    }

    /** The sticky PR comment's body (the publisher adds its marker). */
    public String prComment(PrVelocity pr) {
        return templates.render("pr-comment.md.ftl", "pr", PrComments.of(pr));
    }

    /** The organisation report. {@code histories}: repository name to its snapshots in date order. */
    public String organisation(OrgAnalysis org, Map<String, List<Snapshot>> histories) {
        return templates.render("org-report.md.ftl", "org", OrgViews.of(org, histories, views));
    }

    /** report.html from rendered Markdown; {@code images} maps image URLs in the Markdown to their bytes. */
    public String html(String markdown, String title, Map<String, EmbeddedImage> images) {
        return HtmlReport.render(markdown, title, images);
    }

    /** Fits {@code markdown} into {@code budget} characters, linking {@code fullReportUrl} where rows were cut. */
    public String shorten(String markdown, int budget, String fullReportUrl) {
        return ReportShortener.shorten(markdown, budget, fullReportUrl);
    }

    /** With {@link ReportShortener#DEFAULT_BUDGET}: GitHub's 65,536 less room for the marker. */
    public String shorten(String markdown, String fullReportUrl) {
        return ReportShortener.shorten(markdown, ReportShortener.DEFAULT_BUDGET, fullReportUrl);
    }

    /** The weekly report of every analysed repository, from stored history only (no waiting PRs, no charts). */
    public static List<RepositoryReport> fromHistories(OrgAnalysis org, Map<String, List<Snapshot>> histories) {
        return org.repositories().stream()
                .filter(analysis -> !histories.getOrDefault(analysis.repository(), List.of()).isEmpty())
                .map(analysis -> new RepositoryReport(analysis, histories.get(analysis.repository()), null, List.of(), null))
                .toList();
    }
}
