package io.repovitals.render;

import io.repovitals.model.HumanFormat;

import java.util.List;

/** Unicode block sparklines (▁▂▃▄▅▆▇█), scaled from the series' minimum to its maximum. */
public final class Sparkline {
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {}

    /** Oldest first; fewer than two values give "–" (one point is not a line). A flat series sits mid-height. */
    public static String of(List<Double> values) {
        if (values.size() < 2) {
            return HumanFormat.MISSING;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        StringBuilder line = new StringBuilder(values.size());
        for (double value : values) {
            int level = max == min ? 3 : (int) Math.round((value - min) / (max - min) * (BLOCKS.length - 1));
            line.append(BLOCKS[level]);
        }
        return line.toString();
    }
}
