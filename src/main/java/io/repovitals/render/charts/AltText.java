package io.repovitals.render.charts;

import io.repovitals.model.HumanFormat;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentence a screen reader gives instead of the picture: where each line starts and ends, and the forecast. */
final class AltText {
    private AltText() {}

    static String of(String title, String unit, List<ChartSpec.Series> series, List<ChartSpec.Band> bands) {
        List<String> sentences = new ArrayList<>();
        for (ChartSpec.Series line : series) {
            sentences.add(describe(line, unit));
        }
        for (ChartSpec.Band band : bands) {
            ChartSpec.BandPoint end = band.end();
            long days = ChronoUnit.DAYS.between(band.points().get(0).day(), end.day());
            sentences.add(String.format(Locale.ROOT, "%s forecast %s to %s in %d days.", band.series(),
                    number(end.lower()) + unit, number(end.upper()) + unit, days));
        }
        return title + ": " + String.join(" ", sentences);
    }

    private static String describe(ChartSpec.Series line, String unit) {
        ChartSpec.Point first = line.first();
        ChartSpec.Point last = line.last();
        if (line.points().size() == 1) {
            return line.name() + " was " + number(last.value()) + unit + " on " + last.day() + ".";
        }
        long days = ChronoUnit.DAYS.between(first.day(), last.day());
        String from = number(first.value());
        String to = number(last.value());
        if (from.equals(to)) {
            return String.format(Locale.ROOT, "%s stayed at %s over %d days.", line.name(), to + unit, days);
        }
        String verb = last.value() > first.value() ? "rose" : "fell";
        return String.format(Locale.ROOT, "%s %s from %s to %s over %d days.", line.name(), verb, from + unit, to + unit, days);
    }

    private static String number(double value) {
        return HumanFormat.plain(value);
    }
}
