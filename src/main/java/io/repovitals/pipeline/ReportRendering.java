package io.repovitals.pipeline;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ChartFormat;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.ChartView;
import io.repovitals.render.EmbeddedImage;
import io.repovitals.render.MdEscape;
import io.repovitals.render.RepositoryReport;
import io.repovitals.render.Reports;
import io.repovitals.render.WaitingPr;
import io.repovitals.render.charts.ChartSpec;
import io.repovitals.render.charts.Charts;
import io.repovitals.runtime.Log;
import io.repovitals.store.Chart;
import io.repovitals.store.ChartLinks;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The render step of a run: charts drawn once per repository, then every report twice over the same
 * data: with local file links (report.md / report.html in output-dir) and with links into the history
 * branch on the GitHub server (the issue, the job summary), which work in private repositories too.
 */
final class ReportRendering {
    /** Waiting pull requests listed in a weekly report. */
    static final int WAITING_PRS_SHOWN = 10;
    /** The day's full weekly report is kept beside its charts, as {@code report.md}. */
    private static final String FULL_REPORT = "report";

    /**
     * Where the history branch can be read on the GitHub server; absent for a local-path remote.
     *
     * @param serverUrl {@code $GITHUB_SERVER_URL}
     */
    record ChartHost(String serverUrl, RepoRef repository, String branch) {
        String url(String path) {
            return ChartLinks.rawUrl(serverUrl, repository, branch, path);
        }
    }

    /**
     * @param localReport   report.md: the organisation report (several repositories) and every weekly report
     * @param html          report.html: localReport with the charts embedded
     * @param summary       the job summary, linking charts on the server where it can
     * @param weeklyForIssue per repository, its weekly report as the issue shows it (server links; not shortened)
     * @param fullReportUrl per repository, where its full weekly report is kept in the history branch (absent without a host)
     * @param stored        files for the history branch: chart images and the full weekly reports
     * @param localFiles    files for output-dir, by path relative to it (the chart images)
     */
    record Rendered(String localReport, String html, String summary, Map<String, String> weeklyForIssue,
                    Map<String, String> fullReportUrl, List<Chart> stored, Map<String, byte[]> localFiles) {}

    private final Reports reports;
    private final Charts charts;
    private final ChartFormat format;
    private final Log log;

    ReportRendering(Reports reports, Charts charts, ChartFormat format, Log log) {
        this.reports = reports;
        this.charts = charts;
        this.format = format;
        this.log = log;
    }

    Rendered render(OrgAnalysis analysis, Map<String, List<Snapshot>> histories,
                    Map<String, List<WaitingPr>> waiting, Optional<ChartHost> host) {
        return render(analysis, histories, waiting, host, Map.of());
    }

    /**
     * @param notes per repository, a line about this run's collection (e.g. the skipped days it filled in),
     *              appended to that repository's weekly report wherever it appears, and to the job summary
     */
    Rendered render(OrgAnalysis analysis, Map<String, List<Snapshot>> histories,
                    Map<String, List<WaitingPr>> waiting, Optional<ChartHost> host, Map<String, String> notes) {
        List<RepositoryReport> local = new ArrayList<>();
        List<RepositoryReport> remote = new ArrayList<>();
        List<Chart> stored = new ArrayList<>();
        Map<String, byte[]> localFiles = new LinkedHashMap<>();
        Map<String, EmbeddedImage> embedded = new LinkedHashMap<>();
        Map<String, String> fullReportUrls = new LinkedHashMap<>();
        for (Analysis one : analysis.repositories()) {
            List<Snapshot> history = histories.getOrDefault(one.repository(), List.of());
            if (history.isEmpty()) {
                continue;
            }
            RepoRef repo = RepoRef.parse(one.repository());
            LocalDate day = history.get(history.size() - 1).asOf().atZone(ZoneOffset.UTC).toLocalDate();
            List<ChartView> localViews = new ArrayList<>();
            List<ChartView> remoteViews = new ArrayList<>();
            for (ChartSpec spec : specs(history, one)) {
                if (format == ChartFormat.MERMAID) {
                    ChartView view = ChartView.mermaid(spec.title(), spec.altText(), unfenced(charts.mermaid(spec)));
                    localViews.add(view);
                    remoteViews.add(view);
                    continue;
                }
                drawn(repo, day, spec).ifPresent(chart -> {
                    String localPath = "charts/" + repo.owner() + "/" + repo.name() + "/" + spec.id() + "."
                            + chart.format().extension();
                    localFiles.put(localPath, chart.bytes());
                    embedded.put(localPath, new EmbeddedImage(chart.bytes(),
                            chart.format() == Chart.Format.SVG ? "image/svg+xml" : "image/png"));
                    localViews.add(ChartView.image(spec.title(), spec.altText(), localPath));
                    host.ifPresent(server -> {
                        stored.add(chart);
                        remoteViews.add(ChartView.image(spec.title(), spec.altText(), server.url(chart.path())));
                    });
                });
            }
            List<WaitingPr> waitingPrs = waiting.get(one.repository());
            String fullUrl = host.map(server -> server.url(
                    new Chart(repo, day, FULL_REPORT, Chart.Format.MARKDOWN, new byte[0]).path())).orElse(null);
            local.add(new RepositoryReport(one, history, waitingPrs, localViews, null));
            RepositoryReport forIssue = new RepositoryReport(one, history, waitingPrs, remoteViews, fullUrl);
            remote.add(forIssue);
            if (fullUrl != null) {
                fullReportUrls.put(one.repository(), fullUrl);
            }
        }
        String localReport = joined(analysis, histories, local, notes);
        Map<String, String> weeklyForIssue = new LinkedHashMap<>();
        for (RepositoryReport one : remote) {
            String weekly = withNote(reports.weekly(one), notes.get(one.analysis().repository()));
            weeklyForIssue.put(one.analysis().repository(), weekly);
            if (one.fullReportUrl() != null) {
                RepoRef repo = RepoRef.parse(one.analysis().repository());
                LocalDate day = one.latest().asOf().atZone(ZoneOffset.UTC).toLocalDate();
                // The stored copy is the full report the issue links to: every anomaly, not the issue's few.
                String full = withNote(reports.weekly(new RepositoryReport(one.analysis(), one.history(), one.waitingPrs(),
                        one.charts(), null)), notes.get(one.analysis().repository()));
                stored.add(new Chart(repo, day, FULL_REPORT, Chart.Format.MARKDOWN, full.getBytes(StandardCharsets.UTF_8)));
            }
        }
        String summary = reports.summary(host.isPresent() ? remote : withoutImages(remote));
        for (RepositoryReport one : remote) {
            String note = notes.get(one.analysis().repository());
            if (note != null && remote.size() > 1) {
                summary = withNote(summary, MdEscape.text(one.analysis().repository()) + ": " + note);
            } else if (note != null) {
                summary = withNote(summary, note);
            }
        }
        String html = reports.html(localReport, "repo-vitals report", embedded);
        return new Rendered(localReport, html, summary, weeklyForIssue, fullReportUrls, stored, localFiles);
    }

    /** One repository: its weekly report; several: the organisation report, then each weekly report. */
    private String joined(OrgAnalysis analysis, Map<String, List<Snapshot>> histories, List<RepositoryReport> local,
                          Map<String, String> notes) {
        StringBuilder report = new StringBuilder();
        if (local.size() > 1) {
            report.append(reports.organisation(analysis, histories)).append("\n");
        }
        for (RepositoryReport one : local) {
            report.append(withNote(reports.weekly(one), notes.get(one.analysis().repository()))).append("\n");
        }
        return report.toString();
    }

    /** The note as a paragraph of its own after the report (kept out of the templates: it is about this run). */
    private static String withNote(String report, String note) {
        if (note == null || note.isBlank()) {
            return report;
        }
        return report.stripTrailing() + "\n\n_" + note + "_\n";
    }

    private List<ChartSpec> specs(List<Snapshot> history, Analysis analysis) {
        if (format == ChartFormat.NONE) {
            return List.of();
        }
        try {
            return charts.specs(history, analysis);
        } catch (RuntimeException e) {
            log.warning(analysis.repository() + ": charts left out: " + e.getMessage());
            return List.of();
        }
    }

    /** The chart as a PNG or SVG file; empty when it cannot be drawn here. */
    private Optional<Chart> drawn(RepoRef repo, LocalDate day, ChartSpec spec) {
        try {
            return Optional.of(format == ChartFormat.SVG
                    ? new Chart(repo, day, spec.id(), Chart.Format.SVG, charts.svg(spec))
                    : new Chart(repo, day, spec.id(), Chart.Format.PNG, charts.png(spec)));
        } catch (RuntimeException e) {
            // A runner without fonts cannot draw; the report goes out without that chart and the log says why.
            log.warning(repo + ": chart '" + spec.id() + "' left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<RepositoryReport> withoutImages(List<RepositoryReport> reports) {
        return reports.stream().map(one -> new RepositoryReport(one.analysis(), one.history(), one.waitingPrs(),
                one.charts().stream().filter(view -> view.mermaid() != null).toList(), one.fullReportUrl())).toList();
    }

    /** charts.mermaid gives a fenced block; the template fences it itself. */
    static String unfenced(String block) {
        String text = block.strip();
        if (text.startsWith("```mermaid")) {
            text = text.substring("```mermaid".length());
        }
        if (text.endsWith("```")) {
            text = text.substring(0, text.length() - 3);
        }
        return text.strip();
    }
}
