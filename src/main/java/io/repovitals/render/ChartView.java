package io.repovitals.render;

import java.util.Objects;

/**
 * One chart of the weekly report: an image ({@code ![alt](url)}) or a Mermaid block, exactly one of the two.
 *
 * @param imageUrl where the PNG/SVG is published (the history branch or an artifact); null for Mermaid
 * @param mermaid  the Mermaid source, without the fence; null for an image
 */
public record ChartView(String title, String altText, String imageUrl, String mermaid) {
    public ChartView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(altText, "altText");
        if ((imageUrl == null) == (mermaid == null)) {
            throw new IllegalArgumentException("chart '" + title + "': give exactly one of imageUrl and mermaid");
        }
    }

    public static ChartView image(String title, String altText, String imageUrl) {
        return new ChartView(title, altText, imageUrl, null);
    }

    public static ChartView mermaid(String title, String altText, String mermaid) {
        return new ChartView(title, altText, null, mermaid);
    }
}
