package io.repovitals.render;

import java.util.regex.Pattern;

/**
 * Escapes text that came from users (titles, logins, branch names) for GitHub Markdown: it stays
 * literal, cannot break a table, open HTML, @-mention anyone, or reference an issue ({@code #123},
 * {@code GH-7}), which GitHub would note in that issue's timeline every week.
 *
 * <p>Only what GitHub would read as markup is escaped, so the raw Markdown (what someone editing the
 * issue or reading it through the API sees) stays readable: "54.9", "pr_throughput" and "(D)" are left
 * alone; {@code * [ ] ` | ~ $ \} always, {@code _} unless inside a word, block markers
 * ({@code # - + = > 1.}) only where they would start a block, {@code &} only where it would start an
 * entity. GoldenGfmTest renders every golden file with a GFM renderer both ways and finds the same HTML.
 */
public final class MdEscape {
    /** Markup wherever it stands: emphasis, code, links, tables, strikethrough, GitHub's math, escapes. */
    private static final String ALWAYS = "\\`*[]|~$";
    /** What {@code &} would start: a named or numeric character reference. */
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
    /** A list or setext marker at the start of a line: "- x", "+ x", "= x", "12. x", "3) x". */
    private static final Pattern LEADING_MARKER = Pattern.compile("^([-+=])|^(\\d{1,9})([.)])");
    /** {@code GH-123}: a zero-width space goes before the digits. */
    private static final Pattern GH_REFERENCE = Pattern.compile("(?i)(gh-)(?=\\d)");
    private static final Pattern EVERYTHING = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|~>])");
    private static final Pattern ESCAPED_ISSUE_REFERENCE = Pattern.compile("(\\\\#|(?i:gh)\\\\-)(?=\\d)");
    private static final String ZERO_WIDTH_SPACE = "&#8203;";

    private MdEscape() {}

    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String line = oneLine(raw).strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (ALWAYS.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '_') {
                out.append(insideWord(line, i) ? "_" : "\\_");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append(ENTITY.matcher(line).region(i, line.length()).lookingAt() ? "&amp;" : "&");
            } else if (c == '@') {
                // A zero-width space after @ keeps the text readable but stops GitHub's mention.
                out.append('@').append(ZERO_WIDTH_SPACE);
            } else if (c == '#') {
                out.append(hash(line, i));
            } else {
                out.append(c);
            }
        }
        String escaped = GH_REFERENCE.matcher(out).replaceAll("$1" + ZERO_WIDTH_SPACE);
        return LEADING_MARKER.matcher(escaped).replaceFirst(m -> m.group(1) != null
                ? "\\\\" + m.group(1) : m.group(2) + "\\\\" + m.group(3));
    }

    /**
     * The escaping used before: every ASCII punctuation character that Markdown ever gives a meaning.
     * Kept so that a test can show {@link #text} renders the same with a GFM renderer; no report uses it.
     */
    static String everything(String raw) {
        if (raw == null) {
            return "";
        }
        String escaped = EVERYTHING.matcher(oneLine(raw)).replaceAll("\\\\$1");
        return escaped
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace("@", "@" + ZERO_WIDTH_SPACE)
                .transform(text -> ESCAPED_ISSUE_REFERENCE.matcher(text).replaceAll("$1" + ZERO_WIDTH_SPACE));
    }

    /**
     * Text for a link's title attribute, {@code [text](url "title")}: escaped as {@link #text} (GitHub
     * decodes escapes and entities there too), plus the closing quote.
     */
    static String linkTitle(String raw) {
        return text(raw).replace("\"", "\\\"");
    }

    static String oneLine(String raw) {
        return raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A {@code _} between two letters or digits can neither open nor close emphasis. */
    private static boolean insideWord(String text, int at) {
        return at > 0 && at < text.length() - 1 && Character.isLetterOrDigit(text.charAt(at - 1))
                && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    /**
     * {@code #123} would reference an issue: a zero-width space splits it. A {@code #} that would open
     * a heading (at the start) or close one (only {@code #} and spaces after it) is escaped.
     */
    private static String hash(String text, int at) {
        if (at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return at == 0 ? "\\#" + ZERO_WIDTH_SPACE : "#" + ZERO_WIDTH_SPACE;
        }
        boolean closing = text.substring(at).chars().allMatch(ch -> ch == '#' || ch == ' ');
        return at == 0 || closing ? "\\#" : "#";
    }
}
