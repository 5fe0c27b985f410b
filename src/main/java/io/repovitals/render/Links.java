package io.repovitals.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Link and image destinations and Mermaid fences, built safely for Markdown. */
final class Links {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Links() {}

    /**
     * A destination for {@code [text](…)}: characters that could end the link or start markup are
     * percent-encoded; only http(s) or relative URLs are allowed (no {@code javascript:}). Null when refused.
     */
    static String destination(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Matcher scheme = SCHEME.matcher(url.strip());
        if (scheme.find() && !scheme.group(1).toLowerCase(Locale.ROOT).matches("https?")) {
            return null;
        }
        StringBuilder safe = new StringBuilder();
        for (char c : url.strip().toCharArray()) {
            if (c <= ' ' || "()<>\"`\\[]".indexOf(c) >= 0 || c == 127) {
                safe.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    static ReportModel.ChartRow chart(ChartView chart) {
        if (chart.imageUrl() != null) {
            String url = destination(chart.imageUrl());
            String image = url == null ? MdEscape.text(chart.altText()) + " (image address refused: not http(s) or relative)"
                    : "![" + MdEscape.text(chart.altText()) + "](" + url + ")";
            return new ReportModel.ChartRow(chart.title(), new Md(image));
        }
        // A fence longer than any run of backticks inside, so the source cannot close it.
        int longest = BACKTICKS.matcher(chart.mermaid()).results().mapToInt(m -> m.group().length()).max().orElse(0);
        String fence = "`".repeat(Math.max(3, longest + 1));
        return new ReportModel.ChartRow(chart.title(), new Md(fence + "mermaid\n" + chart.mermaid().strip() + "\n" + fence));
    }
}
