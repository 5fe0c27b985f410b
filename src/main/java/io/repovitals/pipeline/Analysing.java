package io.repovitals.pipeline;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.config.Settings;
import io.repovitals.model.Snapshot;
import io.repovitals.render.Reports;
import io.repovitals.runtime.Log;

import java.util.List;
import java.util.Map;

/** The analyse step of run, report and merge: the settings it takes, the analysis, and the reports that show it. */
final class Analysing {
    private Analysing() {}

    static AnalysisSettings settings(Settings settings) {
        return AnalysisSettings.DEFAULTS
                .withWeights(settings.analysis().healthWeights())
                .withDays(settings.analysis().trendDays(), settings.analysis().forecastDays())
                .withDora(settings.analysis().doraThresholds());
    }

    /** The report templates (the built-in ones or the templates input's) with the analysis settings. */
    static Reports reports(Settings settings) {
        return new Reports(settings.output().templates(), settings(settings));
    }

    static OrgAnalysis analyse(RunContext context, Map<String, List<Snapshot>> histories) {
        Log log = context.log();
        try (Log.Group ignored = log.group("Analysing " + histories.size() + " repositories")) {
            OrgAnalysis analysis = new Analyzer(settings(context.settings())).analyzeAll(histories);
            for (Analysis one : analysis.repositories()) {
                log.info(one.repository() + ": health " + (one.health().score() == null ? "n/a"
                        : Math.round(one.health().score()) + " (" + one.health().grade() + ")") + ", "
                        + one.anomalies().size() + " anomalies");
            }
            return analysis;
        }
    }
}
