package io.repovitals.github;

import java.util.List;

/** One entry of a GraphQL response's {@code errors}: e.g. type NOT_FOUND at path [repository]. */
public record GraphQlError(String type, String message, List<String> path) {
    public GraphQlError {
        path = List.copyOf(path);
    }

    /** True when the error's path starts with the given field names. */
    public boolean isUnder(String... fields) {
        if (path.size() < fields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            if (!path.get(i).equals(fields[i])) {
                return false;
            }
        }
        return true;
    }
}
