package io.repovitals.render;

import java.util.regex.Pattern;

/**
 * Escapes text that came from users (titles, logins, branch names) for GitHub Markdown: it stays
 * literal, cannot break a table, open HTML, @-mention anyone, or reference an issue ({@code #123},
 * {@code GH-7}), which GitHub would note in that issue's timeline every week.
 */
public final class MdEscape {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|~>])");
    /** {@code #123} and {@code GH-123} after escaping: a zero-width space goes before the digits. */
    private static final Pattern ISSUE_REFERENCE = Pattern.compile("(\\\\#|(?i:gh)\\\\-)(?=\\d)");

    private MdEscape() {}

    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String oneLine = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        String escaped = SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
        return escaped
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                // A zero-width space after @ keeps the text readable but stops GitHub's mention.
                .replace("@", "@&#8203;")
                .transform(text -> ISSUE_REFERENCE.matcher(text).replaceAll("$1&#8203;"));
    }
}
