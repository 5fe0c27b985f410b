package io.repovitals.config;

/** Input {@code charts}. */
public enum ChartFormat {
    PNG("png"), SVG("svg"), MERMAID("mermaid"), NONE("none");

    private final String inputValue;

    ChartFormat(String inputValue) {
        this.inputValue = inputValue;
    }

    public String inputValue() {
        return inputValue;
    }
}
