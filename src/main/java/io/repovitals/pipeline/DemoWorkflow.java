package io.repovitals.pipeline;

import io.repovitals.analyze.AnalysisJson;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.ChartFormat;
import io.repovitals.model.Snapshot;
import io.repovitals.publish.RunFiles;
import io.repovitals.render.Reports;
import io.repovitals.render.charts.Charts;
import io.repovitals.runtime.Log;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code demo}: the sample history (made now, {@link SampleHistory}) through analysis, charts and render, offline and without settings. */
public final class DemoWorkflow {
    private DemoWorkflow() {}

    /** @return report.md in {@code outputDir} */
    public static Path demo(Path outputDir, Log log) {
        Map<String, List<Snapshot>> histories = SampleHistory.histories();
        OrgAnalysis analysis = new Analyzer().analyzeAll(histories);
        ReportRendering rendering = new ReportRendering(new Reports(Optional.empty()), new Charts(), ChartFormat.PNG, log);
        ReportRendering.Rendered rendered = rendering.render(analysis, histories, Map.of(), Optional.empty());
        List<Snapshot> latest = histories.values().stream().map(days -> days.get(days.size() - 1)).toList();
        RunFiles files = RunFiles.write(outputDir, latest, rendered.localReport());
        RunFiles.writeExtras(outputDir, rendered.html(), rendered.localFiles());
        RunFiles.writeAnalysis(outputDir, AnalysisJson.write(analysis));
        log.info("rendered " + histories.size() + " sample repositories (" + histories.values().stream()
                .mapToInt(List::size).sum() + " daily snapshots) into " + outputDir);
        return files.report();
    }
}
