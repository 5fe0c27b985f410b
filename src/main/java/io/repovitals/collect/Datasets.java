package io.repovitals.collect;

import io.repovitals.github.GitHubException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The datasets fetched for one repository, by type, and for each one that could not be fetched
 * the reason (e.g. "needs a token with push access (HTTP 403)"), which its metrics then carry.
 */
public final class Datasets {
    private final Map<Class<? extends Dataset>, Dataset> present = new LinkedHashMap<>();
    private final Map<Class<? extends Dataset>, String> absent = new LinkedHashMap<>();
    private String partialReason;

    /**
     * Runs one collector: its dataset, or, when GitHub fails it, the dataset absent with the
     * failure's one-line reason. A transient failure (rate limit, request budget, 5xx after the
     * retries, dropped connection) also makes the snapshot partial. A rejected token still ends the run.
     */
    public <D extends Dataset> Datasets fetch(Class<D> type, Supplier<? extends D> collector) {
        try {
            return with(type, collector.get());
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.BAD_CREDENTIALS) {
                throw e;
            }
            if (e.isTransient() && partialReason == null) {
                partialReason = e.getMessage();
            }
            return without(type, e.getMessage());
        }
    }

    /** Why the snapshot is partial ({@code collection.partial}): the first transient failure, if any. */
    public Optional<String> partialReason() {
        return Optional.ofNullable(partialReason);
    }

    /** Marks the snapshot partial for a reason found outside {@link #fetch} (e.g. a dataset cut short). */
    public Datasets markPartial(String reason) {
        if (partialReason == null) {
            partialReason = reason;
        }
        return this;
    }

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

    /** True once the dataset is present or absent with a reason (fetched, successfully or not). */
    public boolean attempted(Class<? extends Dataset> type) {
        return present.containsKey(type) || absent.containsKey(type);
    }

    /** Why the dataset is absent; "not collected" when nobody asked for it. */
    public String absentReason(Class<? extends Dataset> type) {
        return absent.getOrDefault(type, "not collected");
    }
}
