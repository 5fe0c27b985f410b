package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** The paging state of one top-level list of a query: its {@code @include} flag and its cursor. */
final class ListPager {
    private final String includeVariable;
    private final String cursorVariable;
    private boolean more = true;
    private boolean inThisRequest;
    private String cursor;

    ListPager(String includeVariable, String cursorVariable) {
        this.includeVariable = includeVariable;
        this.cursorVariable = cursorVariable;
    }

    boolean more() {
        return more;
    }

    void addTo(Map<String, Object> variables) {
        inThisRequest = more;
        variables.put(includeVariable, inThisRequest);
        variables.put(cursorVariable, inThisRequest ? cursor : null);
    }

    boolean wanted() {
        return inThisRequest;
    }

    void advance(JsonNode pageInfo, boolean olderItemsMayMatter) {
        more = olderItemsMayMatter && pageInfo.path("hasNextPage").asBoolean(false);
        cursor = pageInfo.path("endCursor").textValue();
    }
}
