package io.repovitals.collect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets fetched for one repository, by type, and for each one that could not be fetched
 * the reason (e.g. "needs a token with push access (HTTP 403)"), which its metrics then carry.
 */
public final class Datasets {
    private final Map<Class<? extends Dataset>, Dataset> present = new LinkedHashMap<>();
    private final Map<Class<? extends Dataset>, String> absent = new LinkedHashMap<>();

    public <D extends Dataset> Datasets with(Class<D> type, D dataset) {
        present.put(type, type.cast(dataset));
        absent.remove(type);
        return this;
    }

    public Datasets without(Class<? extends Dataset> type, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an absent dataset needs a reason: " + type.getSimpleName());
        }
        present.remove(type);
        absent.put(type, reason);
        return this;
    }

    public <D extends Dataset> Optional<D> get(Class<D> type) {
        return Optional.ofNullable(type.cast(present.get(type)));
    }

    /** Why the dataset is absent; "not collected" when nobody asked for it. */
    public String absentReason(Class<? extends Dataset> type) {
        return absent.getOrDefault(type, "not collected");
    }
}
