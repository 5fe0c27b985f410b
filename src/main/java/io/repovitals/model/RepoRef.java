package io.repovitals.model;

import java.util.regex.Pattern;

/** A repository as {@code owner/name}. */
public record RepoRef(String owner, String name) implements Comparable<RepoRef> {
    // GitHub logins: alphanumerics and single hyphens; repository names: alphanumerics, '-', '_', '.'.
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public RepoRef {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("invalid owner '" + owner + "'");
        }
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid repository name '" + name + "'");
        }
    }

    /** Parses {@code owner/name}; throws IllegalArgumentException naming the accepted form. */
    public static RepoRef parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash != trimmed.lastIndexOf('/') || slash == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + trimmed + "' is not of the form owner/name");
        }
        return new RepoRef(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    public String fullName() {
        return owner + "/" + name;
    }

    @Override
    public int compareTo(RepoRef other) {
        return String.CASE_INSENSITIVE_ORDER.compare(fullName(), other.fullName());
    }

    @Override
    public String toString() {
        return fullName();
    }
}
