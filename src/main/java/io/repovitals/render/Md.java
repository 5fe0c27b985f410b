package io.repovitals.render;

import io.repovitals.model.HumanFormat;

import java.util.Objects;

/**
 * Markdown that our code generated from numbers and dates (never from user text), handed to a
 * template as markup so it is not escaped a second time.
 */
public record Md(String markup) {
    public static final Md MISSING = new Md(HumanFormat.MISSING);

    public Md {
        Objects.requireNonNull(markup, "markup");
    }

    @Override
    public String toString() {
        return markup;
    }
}
