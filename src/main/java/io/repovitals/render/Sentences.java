package io.repovitals.render;

import io.repovitals.analyze.Anomaly;
import io.repovitals.analyze.ComponentScore;
import io.repovitals.analyze.HealthScore;
import io.repovitals.analyze.Trend;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every sentence the reports say to people, in one place: the health components, the headline's
 * basis, the trend arrows and the digest's bullets. Words and units come from the metric catalog
 * ({@link MetricDef#label}, {@link MetricDef#unit}, {@link MetricDef#better}); no raw metric key and
 * no component key reaches a reader here. Sentences are plain text (the templates escape them)
 * unless they carry a link, then they are {@link Md} with the user text escaped.
 */
final class Sentences {
    private Sentences() {}

    /** "Issue freshness": the component's label, capitalised. */
    static String componentName(ComponentScore component) {
        return capitalised(component.label());
    }

    /**
     * Why a component scored so, in words: "49 stale issues, more than in any of the last 26 weeks";
     * for one left out, why in one clause: "no active contributors measured in the last 7 days".
     * Only phrasing: the comparison with the past weeks is the analysis's ({@link ComponentScore#pastWeeks}).
     */
    static String component(ComponentScore component) {
        if (!component.conclusive()) {
            return switch (component.leftOut()) {
                case NO_HISTORY -> "no history yet";
                case NO_VALUE_THIS_WEEK -> component.measure() == ComponentScore.Measure.WEEKLY_GROWTH
                        ? "it needs the " + label(component.metric()) + " count of this week and of the week before"
                        : "no " + label(component.metric()) + " measured in the last 7 days";
            };
        }
        ComponentScore.PastWeeks past = component.pastWeeks();
        String value = componentValue(component, component.value());
        if (component.basis() == ComponentScore.Basis.REFERENCE_BANDS) {
            String weeks = switch (past.count()) {
                case 0 -> "there is no past week of history yet";
                case 1 -> "there is only 1 past week of history";
                default -> "there are only " + past.count() + " past weeks of history";
            };
            return value + "; scored on fixed reference bands, as " + weeks + " (" + past.needed() + " needed)";
        }
        return value + ", " + comparison(component.metric(), past);
    }

    /** How the score came about: "the weighted mean of 5 components" or which were left out. */
    static String health(HealthScore health) {
        List<String> leftOut = health.components().stream().filter(c -> !c.conclusive()).map(Sentences::componentName).toList();
        int all = health.components().size();
        if (health.score() == null) {
            return "No health score yet: none of the " + all + " components has data.";
        }
        String mean = "The score is the weighted mean of " + (all - leftOut.size()) + " components, each 0 to 100"
                + " against this repository's own past weeks";
        return leftOut.isEmpty() ? mean + "." : mean + "; " + String.join(" and ", leftOut)
                + (leftOut.size() == 1 ? " is" : " are") + " left out for lack of data and the other weights scaled up.";
    }

    /** The trend column: the arrow, with "better" or "worse" when the metric has a good direction. */
    static String arrow(Trend trend) {
        if (trend == null) {
            return HumanFormat.MISSING;
        }
        return switch (trend.direction()) {
            case FLAT -> "→";
            case RISING -> judged("↑", trend.metric(), true);
            case FALLING -> judged("↓", trend.metric(), false);
        };
    }

    /** Below the metric table: what the trend column compares. */
    static String trendLegend(int trendDays) {
        return "Trend: the slope of the last " + trendDays + " days of daily values, ↑ or ↓ only where it is"
                + " significant (a p-value below 0.05), otherwise →; better or worse by each metric's good direction"
                + " (docs/metrics.md).";
    }

    // ---- the digest ----

    /** "**Worse than usual:** CI failure rate: 34.2 %; usually 7.1 % to 9.1 %" */
    static Md anomaly(Anomaly anomaly) {
        String judgement = better(anomaly.metric()).judge(anomaly.value() > anomaly.median());
        String lead = judgement == null ? "Unusual" : capitalised(judgement) + " than usual";
        return new Md("**" + lead + ":** " + MdEscape.text(anomaly.sentence()) + ".");
    }

    /**
     * The component that moved the score most: "Health rose 16.6 points since last week, most from
     * contributors (98 of 100, was 40): 15 active contributors."
     */
    static Md scoreMove(double change, ComponentScore now, Double before) {
        String verb = change > 0 ? "rose" : "fell";
        String was = before == null ? "left out last week" : "was " + HumanFormat.plain(before);
        String detail = now.conclusive()
                ? HumanFormat.plain(now.score()) + " of 100, " + was + "): " + componentValue(now, now.value())
                : "left out this week, " + was + "): " + component(now);
        return new Md(MdEscape.text("Health " + verb + " " + HumanFormat.plain(Math.abs(change)) + " points since last week, most of it from "
                + componentName(now) + " (" + detail) + ".");
    }

    /** "Median first review: rising over the last 90 days, worse; 6.4 h this week, 5.6 h a week before." */
    static Md change(Trend trend, Number thisWeek, Number lastWeek, int trendDays) {
        boolean rising = trend.direction() == Trend.Direction.RISING;
        String judgement = better(trend.metric()).judge(rising);
        MetricDef.Unit unit = MetricCatalog.unit(trend.metric());
        StringBuilder text = new StringBuilder(capitalised(label(trend.metric()))).append(": ")
                .append(rising ? "rising" : "falling").append(" over the last ").append(trendDays).append(" days");
        if (judgement != null) {
            text.append(", ").append(judgement);
        }
        text.append("; ").append(HumanFormat.value(unit, thisWeek)).append(" this week");
        if (lastWeek != null) {
            text.append(", ").append(HumanFormat.value(unit, lastWeek)).append(" a week before");
        }
        return new Md(MdEscape.text(text.toString()) + ".");
    }

    /** "[#518](url "full title") has waited 4 d 15 h for a first review: Fix the upload retry…" */
    static Md waiting(WaitingPr pr, int more) {
        String number = "#" + pr.number();
        String link = pr.url() == null ? number : "[" + number + "](" + pr.url() + ")";
        String others = more <= 0 ? "" : more == 1 ? "; 1 more waits" : "; " + more + " more wait";
        return new Md("**Waiting for review:** " + link + " has waited " + HumanFormat.hours(pr.waitingHours())
                + " for a first review: " + MdEscape.text(Shorten.text(pr.title(), Shorten.DIGEST_TITLE)) + others + ".");
    }

    /** Without the list of waiting PRs (a report from history): the count of the day's snapshot. */
    static Md waitingCount(long count) {
        return new Md("**Waiting for review:** " + HumanFormat.count(count) + (count == 1 ? " open pull request awaits"
                : " open pull requests await") + " a first review.");
    }

    static Md quiet() {
        return new Md("A quiet week: nothing unusual, no significant change, and no pull request waiting for a first review.");
    }

    // ---- the pieces ----

    /** "49 stale issues", "median first review 6.4 h", "7 new forks". */
    private static String componentValue(ComponentScore component, double value) {
        if (component.measure() == ComponentScore.Measure.WEEKLY_GROWTH) {
            return HumanFormat.plain(value) + (Math.abs(value) == 1 ? " new fork" : " new forks") + " this week";
        }
        MetricDef.Unit unit = MetricCatalog.unit(component.metric());
        if (unit == MetricDef.Unit.COUNT) {
            return HumanFormat.count(value) + " " + label(component.metric());
        }
        return label(component.metric()) + " " + HumanFormat.value(unit, value);
    }

    /**
     * This week against the past weeks it was ranked among, exactly, the better side first: "more than
     * in 20, as many as in 3 and fewer than in 3 of the last 26 weeks"; "fewer than in any of the last
     * 12 weeks"; "as long as in each of the last 4 weeks"; "more than in the week before".
     */
    static String comparison(String metric, ComponentScore.PastWeeks past) {
        boolean lowerIsBetter = better(metric) == MetricDef.Better.LOWER;
        MetricDef.Unit unit = MetricCatalog.unit(metric);
        boolean duration = switch (unit) {
            case HOURS, MINUTES, DAYS -> true;
            default -> false;
        };
        String more = duration ? "longer" : "more";
        String fewer = duration ? "shorter" : "fewer";
        String same = duration ? "as long as" : unit == MetricDef.Unit.COUNT ? "as many as" : "the same as";
        String betterWord = lowerIsBetter ? fewer : more;
        String worseWord = lowerIsBetter ? more : fewer;
        int beaten = lowerIsBetter ? past.above() : past.below();
        int worse = lowerIsBetter ? past.below() : past.above();
        int ties = past.same();
        int n = past.count();
        if (n == 0) {
            return "with no past week to compare";
        }
        if (n == 1) {
            String than = beaten == 1 ? betterWord + " than" : worse == 1 ? worseWord + " than" : same;
            return than + " in the week before";
        }
        String weeks = "the last " + n + " weeks";
        if (ties == n) {
            return same + " in each of " + weeks;
        }
        if (beaten == n) {
            return betterWord + " than in any of " + weeks;
        }
        if (worse == n) {
            return worseWord + " than in any of " + weeks;
        }
        List<String> parts = new ArrayList<>();
        if (beaten > 0) {
            parts.add(betterWord + " than in " + beaten);
        }
        if (ties > 0) {
            parts.add(same + " in " + ties);
        }
        if (worse > 0) {
            parts.add(worseWord + " than in " + worse);
        }
        String joined = parts.size() == 3 ? parts.get(0) + ", " + parts.get(1) + " and " + parts.get(2)
                : String.join(" and ", parts);
        return joined + " of " + weeks;
    }

    private static String judged(String arrow, String metric, boolean rising) {
        String judgement = better(metric).judge(rising);
        return judgement == null ? arrow : arrow + " " + judgement;
    }

    static MetricDef.Better better(String metric) {
        return MetricCatalog.byName(metric).map(MetricDef::better).orElse(MetricDef.Better.NEUTRAL);
    }

    private static String label(String metric) {
        return MetricCatalog.label(metric);
    }

    static String capitalised(String text) {
        if (text.isEmpty() || text.matches("p[0-9].*")) {
            return text;
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
