package io.repovitals.pipeline;

import io.repovitals.model.Snapshot;

import java.util.List;
import java.util.Map;

/** {@code collect}: one snapshot per selected repository, in name order, without history. */
public final class CollectWorkflow {
    private final RunContext context;

    public CollectWorkflow(RunContext context) {
        this.context = context;
    }

    public List<Snapshot> collect() {
        Collection collection = new Collection(context, context.clients());
        return collection.all(collection.repositories(), Map.of(), false).stream()
                .map(Collection.Collected::ownDay).toList();
    }
}
