package io.repovitals.config;

/** Where a report is published (input {@code publish}); {@code none} is an empty set. */
public enum PublishTarget {
    SUMMARY("summary"), ISSUE("issue"), PR_COMMENT("pr-comment");

    private final String inputValue;

    PublishTarget(String inputValue) {
        this.inputValue = inputValue;
    }

    public String inputValue() {
        return inputValue;
    }
}
