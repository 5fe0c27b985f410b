package io.repovitals.render;

import java.util.regex.Pattern;

/**
 * Escapes text that came from users (titles, logins, branch names) for GitHub Markdown: it stays
 * literal, cannot break a table, open HTML, or @-mention anyone.
 */
public final class MdEscape {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|~>])");

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
                .replace("@", "@&#8203;");
    }
}
