package io.repovitals.runtime;

/**
 * The text of the runner's workflow commands ({@code ::name::data}) and the one question the guard
 * needs answered: would the runner take this line for a command?
 */
final class WorkflowCommands {
    private WorkflowCommands() {}

    /** {@code ::name::data}, with data escaped so that it stays on one line and reads back exactly. */
    static String command(String name, String data) {
        return "::" + name + "::" + escapeData(data);
    }

    /** The runner's data escaping; {@code %} goes first so that the other escapes are not escaped twice. */
    static String escapeData(String data) {
        return data.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /**
     * True when the runner would try to parse this line as a command: it trims leading white space
     * (.NET's definition, wider than Java's strip) and looks for {@code ::}, and the legacy form
     * {@code ##[name]} is recognised anywhere in a line.
     */
    static boolean looksLikeCommand(String line) {
        int start = 0;
        while (start < line.length() && isDotNetWhiteSpace(line.charAt(start))) {
            start++;
        }
        return line.startsWith("::", start) || line.contains("##[");
    }

    // Erring on the wide side only costs a stop-commands pair around a harmless line.
    private static boolean isDotNetWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
