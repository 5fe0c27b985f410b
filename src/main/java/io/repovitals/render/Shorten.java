package io.repovitals.render;

/**
 * User text cut to a readable width for a table cell or a digest line: at a word boundary where one is
 * near, with an ellipsis. Wherever a cut text is shown, the full text goes with it (a link's title).
 */
final class Shorten {
    /** A PR title in the waiting table: about half a line of a GitHub issue at its usual width. */
    static final int TABLE_TITLE = 60;
    /** A PR title in a digest bullet, after the sentence around it. */
    static final int DIGEST_TITLE = 60;
    private static final String ELLIPSIS = "…";

    private Shorten() {}

    /** The text itself when it has at most {@code width} code points; else a prefix and "…" within {@code width}. */
    static String text(String raw, int width) {
        String text = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        int end = text.offsetByCodePoints(0, width - 1);
        int space = text.lastIndexOf(' ', end);
        // Cut at the last space when it keeps at least two thirds of the width; a long word is cut inside.
        if (space > 0 && text.codePointCount(0, space) >= width * 2 / 3) {
            end = space;
        }
        return text.substring(0, end).strip() + ELLIPSIS;
    }
}
