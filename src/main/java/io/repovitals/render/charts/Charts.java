package io.repovitals.render.charts;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.AnalysisSettings;
import io.repovitals.model.Snapshot;

import java.util.List;

/**
 * What the pipeline calls: which charts a repository gets, and each drawn as PNG, SVG or mermaid.
 * Stateless and thread-safe; one instance serves every repository of a run.
 */
public final class Charts {
    private final ChartSpecs specs;

    /** @param days how many days back the charts reach ({@link ChartSpecs#DEFAULT_DAYS} by default) */
    public Charts(AnalysisSettings settings, int days) {
        this.specs = new ChartSpecs(settings, days);
    }

    public Charts() {
        this(AnalysisSettings.DEFAULTS, ChartSpecs.DEFAULT_DAYS);
    }

    /** @param history one repository's snapshots; {@code analysis} is the analysis of that same history */
    public List<ChartSpec> specs(List<Snapshot> history, Analysis analysis) {
        return specs.specs(history, analysis);
    }

    public byte[] png(ChartSpec spec) {
        return ChartRenderer.png(spec);
    }

    public byte[] svg(ChartSpec spec) {
        return ChartRenderer.svg(spec);
    }

    public String mermaid(ChartSpec spec) {
        return MermaidCharts.block(spec);
    }
}
