package io.repovitals.pipeline;

import io.repovitals.analyze.AnalysisJson;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.Settings;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.WaitingPr;
import io.repovitals.render.charts.ChartSpecs;
import io.repovitals.render.charts.Charts;
import io.repovitals.runtime.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The render step of run and report with the run's settings, and the files it leaves in output-dir. */
final class RunOutputs {
    private RunOutputs() {}

    static ReportRendering.Rendered render(RunContext context, OrgAnalysis analysis, Map<String, List<Snapshot>> histories,
                                           Map<String, List<WaitingPr>> waiting,
                                           Optional<ReportRendering.ChartHost> host) {
        return render(context, analysis, histories, waiting, host, Map.of());
    }

    /** @param notes per repository, a line about this run's collection for its weekly report (ReportRendering) */
    static ReportRendering.Rendered render(RunContext context, OrgAnalysis analysis, Map<String, List<Snapshot>> histories,
                                           Map<String, List<WaitingPr>> waiting,
                                           Optional<ReportRendering.ChartHost> host, Map<String, String> notes) {
        Settings settings = context.settings();
        try (Log.Group ignored = context.log().group("Rendering the reports")) {
            ReportRendering rendering = new ReportRendering(Analysing.reports(settings),
                    new Charts(Analysing.settings(settings), ChartSpecs.DEFAULT_DAYS), settings.output().charts(), context.log());
            return rendering.render(analysis, histories, waiting, host, notes);
        }
    }

    /**
     * Where the history branch can be read on the GitHub server: when the history remote is a repository
     * of {@code GITHUB_SERVER_URL} (the default). A local path or another host gets local chart files only.
     */
    static Optional<ReportRendering.ChartHost> chartHost(Settings settings) {
        String server = settings.environment().serverUrl().toString().replaceAll("/+$", "");
        return settings.history().historyRemote()
                .filter(remote -> remote.startsWith(server + "/"))
                .map(remote -> remote.substring(server.length() + 1).replaceAll("\\.git$", "").replaceAll("/+$", ""))
                .filter(path -> path.chars().filter(c -> c == '/').count() == 1)
                .map(path -> new ReportRendering.ChartHost(server, RepoRef.parse(path), settings.history().historyBranch()));
    }

    /**
     * snapshots/, report.md, report.html, charts/ and analysis.json under output-dir.
     *
     * @throws OutputDirException when output-dir cannot be written (full, read-only, not a folder), naming it
     */
    static RunFiles write(RunContext context, List<Snapshot> ownDays, OrgAnalysis analysis,
                          ReportRendering.Rendered rendered) {
        Path outputDir = context.settings().output().outputDir();
        RunFiles files;
        try {
            files = RunFiles.write(outputDir, ownDays, rendered.localReport());
            RunFiles.writeExtras(outputDir, rendered.html(), rendered.localFiles());
            RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        } catch (UncheckedIOException e) {
            throw new OutputDirException(outputDir, e.getCause());
        }
        context.log().info("wrote " + ownDays.size() + " snapshots, analysis.json, report.md, report.html and "
                + rendered.localFiles().size() + " charts under " + outputDir);
        return files;
    }

    /** output-dir could not be written: one line naming it and why (a full disk, a read-only folder). */
    static final class OutputDirException extends UncheckedIOException {
        OutputDirException(Path outputDir, IOException cause) {
            super("cannot write the run's files to output-dir " + outputDir + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            if (e instanceof AccessDeniedException denied) {
                return "permission denied on " + denied.getFile() + " (a read-only folder?)";
            }
            if (e instanceof FileSystemException fs && fs.getReason() != null) {
                return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
