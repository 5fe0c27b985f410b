package io.repovitals;

import io.repovitals.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outcomes by metric name: the value as a Double, or "missing: reason". */
public final class OutcomeValues {
    private OutcomeValues() {}

    public static Map<String, Object> of(List<Outcome> outcomes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            values.put(outcome.def().name(), outcome instanceof Outcome.Value value ? (Object) value.value()
                    : "missing: " + ((Outcome.Missing) outcome).reason());
        }
        return values;
    }
}
