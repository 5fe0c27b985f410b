package io.repovitals.render;

import io.repovitals.model.HumanFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shortens a rendered Markdown report to a character budget (GitHub rejects issue and comment
 * bodies over 65,536 characters): long tables keep their header and first rows and get a line saying
 * how many rows were cut, with a link to the full report. It never rejects and never breaks a table;
 * only when the tables' headers alone do not fit is the text cut, at a line outside any table.
 */
public final class ReportShortener {
    /** GitHub's limit for an issue or comment body. */
    public static final int GITHUB_BODY_LIMIT = 65_536;
    /** The limit less room for the publisher's hidden marker ({@code <!-- repo-vitals:report:owner/repo:yyyy-Www -->}). */
    public static final int DEFAULT_BUDGET = GITHUB_BODY_LIMIT - 512;

    private static final Pattern DELIMITER = Pattern.compile("\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*");

    private ReportShortener() {}

    public static String shorten(String markdown, int budget, String fullReportUrl) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1 character, was " + budget);
        }
        if (markdown.length() <= budget) {
            return markdown;
        }
        List<String> lines = List.of(markdown.split("\n", -1));
        List<Table> tables = tables(lines);
        int maxRows = tables.stream().mapToInt(Table::rows).max().orElse(0);
        // The length only grows with the rows kept per table, so search for the most that fit.
        int low = 0;
        int high = maxRows;
        String best = null;
        while (low <= high) {
            int keep = (low + high) >>> 1;
            String candidate = build(lines, tables, keep, fullReportUrl);
            if (candidate.length() <= budget) {
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        return best != null ? best : cut(build(lines, tables, 0, fullReportUrl), budget, fullReportUrl);
    }

    /** A table: header line index, delimiter on the next line, then {@code rows} body lines. */
    private record Table(int header, int rows) {
        int firstRow() {
            return header + 2;
        }
    }

    private static List<Table> tables(List<String> lines) {
        List<Table> tables = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced && line.startsWith("|") && i + 1 < lines.size() && DELIMITER.matcher(lines.get(i + 1)).matches()) {
                int end = i + 2;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                tables.add(new Table(i, end - i - 2));
                i = end - 1;
            }
        }
        return tables;
    }

    private static String build(List<String> lines, List<Table> tables, int keep, String url) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (Table table : tables) {
            if (table.rows() <= keep) {
                continue;
            }
            int lastKept = table.firstRow() + keep;
            appendLines(out, lines, next, lastKept);
            int after = table.firstRow() + table.rows();
            out.append('\n').append(note(table.rows() - keep, url)).append('\n');
            if (after < lines.size() && !lines.get(after).isBlank()) {
                out.append('\n');
            }
            next = after;
        }
        appendLines(out, lines, next, lines.size());
        out.setLength(out.length() - 1); // the split dropped no final newline; appendLines added one too many
        return out.toString();
    }

    private static void appendLines(StringBuilder out, List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines.get(i)).append('\n');
        }
    }

    static String note(int cutRows, String url) {
        String rows = HumanFormat.count(cutRows) + (cutRows == 1 ? " more row" : " more rows");
        return "_… " + rows + ": " + seeFull(url) + "_";
    }

    private static String seeFull(String url) {
        String safe = Links.destination(url);
        return safe == null ? "see the full report (report.md among the run's files)." : "see the [full report](" + safe + ").";
    }

    /** Last resort: whole lines up to the budget, never stopping inside a table or a code block. */
    private static String cut(String text, int budget, String url) {
        String tail = "\n\n_… report cut to fit: " + seeFull(url) + "_\n";
        if (tail.length() >= budget) {
            return tail.strip().substring(0, Math.min(budget, tail.strip().length()));
        }
        List<String> lines = List.of(text.split("\n", -1));
        int limit = budget - tail.length();
        int length = 0;
        int safeEnd = 0; // lines [0, safeEnd) end outside any table or fence
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            length += line.length() + 1;
            if (length > limit) {
                break;
            }
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            boolean inTable = line.startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).startsWith("|");
            if (!fenced && !inTable) {
                safeEnd = i + 1;
            }
        }
        return String.join("\n", lines.subList(0, safeEnd)) + tail;
    }
}
