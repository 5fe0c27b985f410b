package io.repovitals.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Locale;

/**
 * Writes analysis.json (contract.md "Files in output-dir"): per repository {@code health},
 * {@code trends}, {@code forecasts}, {@code anomalies} and {@code dora} with the contract's field
 * names, under {@code repositories} keyed by {@code owner/name}, plus the organisation ranking.
 * The tree is built by hand, not by reflection on the records, so that renaming a record
 * component can never rename a field other tools read (and a native image needs no metadata).
 * Numbers that are not finite, and absent values, are written as null.
 */
public final class AnalysisJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {}

    public static String write(OrgAnalysis org) {
        try {
            return MAPPER.writeValueAsString(tree(org)) + "\n";
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; failing here is a bug, not an I/O condition.
            throw new IllegalStateException("cannot serialise analysis.json", e);
        }
    }

    public static ObjectNode tree(OrgAnalysis org) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode repositories = root.putObject("repositories");
        for (Analysis analysis : org.repositories()) {
            repositories.set(analysis.repository(), repository(analysis));
        }
        ArrayNode ranking = root.putArray("ranking");
        for (OrgAnalysis.Rank rank : org.ranking()) {
            ObjectNode node = ranking.addObject();
            node.put("rank", rank.rank());
            node.put("repository", rank.repository());
            number(node, "score", rank.score());
            node.put("grade", rank.grade() == null ? null : rank.grade().name());
        }
        return root;
    }

    static ObjectNode repository(Analysis analysis) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("asOf", analysis.asOf() == null ? null : analysis.asOf().toString());
        node.put("snapshots", analysis.snapshots());

        HealthScore health = analysis.health();
        ObjectNode healthNode = node.putObject("health");
        number(healthNode, "score", health.score());
        healthNode.put("grade", health.grade() == null ? null : health.grade().name());
        healthNode.put("explanation", health.explanation());
        ObjectNode components = healthNode.putObject("components");
        for (ComponentScore component : health.components()) {
            ObjectNode c = components.putObject(component.name());
            number(c, "score", component.score());
            // The weight it really had, so that score = sum of weight x score over the components.
            number(c, "weight", health.effectiveWeight(component));
            c.put("explanation", component.explanation());
            c.put("metric", component.metric());
            c.put("basis", component.basis().name().toLowerCase(Locale.ROOT));
        }

        ObjectNode trends = node.putObject("trends");
        analysis.trends().forEach((metric, trend) -> {
            ObjectNode t = trends.putObject(metric);
            number(t, "slopePerWeek", trend.slopePerWeek());
            number(t, "pValue", trend.pValue());
            t.put("direction", trend.direction().id());
            number(t, "changePct", trend.changePct());
        });

        ObjectNode forecasts = node.putObject("forecasts");
        analysis.forecasts().forEach((metric, forecast) -> {
            ObjectNode f = forecasts.putObject(metric);
            f.put("days", forecast.days());
            f.put("horizonDays", forecast.days());
            number(f, "intervalLevel", Forecast.INTERVAL_LEVEL);
            number(f, "value", forecast.value());
            number(f, "lower", forecast.lower());
            number(f, "upper", forecast.upper());
            f.put("method", forecast.method().id());
            number(f, "backtestError", forecast.backtestError());
            number(f, "naiveBacktestError", forecast.naiveError());
            f.put("backtestOrigins", forecast.origins());
            f.put("beatsNaive", forecast.beatsNaive());
        });

        // Forecast metrics measured but too short for the back-test, with the report's sentence.
        ObjectNode withheld = node.putObject("forecastsWithheld");
        analysis.withheld().forEach(withheld::put);

        // Most severe first; rank 1 is the most severe, so a reader of the file can take the top few as the issue does.
        ArrayNode anomalies = node.putArray("anomalies");
        int rank = 0;
        for (Anomaly anomaly : analysis.anomalies()) {
            ObjectNode a = anomalies.addObject();
            a.put("rank", ++rank);
            a.put("metric", anomaly.metric());
            a.put("quantity", anomaly.quantity());
            a.put("date", anomaly.at().toString());
            number(a, "value", anomaly.value());
            number(a, "median", anomaly.median());
            number(a, "usualLow", anomaly.usualLow());
            number(a, "usualHigh", anomaly.usualHigh());
            number(a, "robustZ", anomaly.robustZ());
            number(a, "severity", anomaly.severity());
            a.put("rule", anomaly.rule());
            ObjectNode baseline = a.putObject("baseline");
            baseline.put("from", anomaly.at().minus(Duration.ofDays(anomaly.baselineDays())).toString());
            baseline.put("to", anomaly.at().toString());
            baseline.put("days", anomaly.baselineDays());
            baseline.put("points", anomaly.baselinePoints());
            number(a, "threshold", anomaly.threshold());
            a.put("sentence", anomaly.sentence());
        }

        // Beside "dora", not in it: "dora" holds exactly one band per key for tools that iterate it.
        node.put("doraBandsSource", analysis.dora().source());
        ObjectNode dora = node.putObject("dora");
        for (DoraAssessment.Rating rating : analysis.dora().ratings()) {
            dora.put(rating.key().id(), rating.band().id());
        }
        return node;
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value.doubleValue());
        }
    }
}
