package io.repovitals.render;

import io.repovitals.model.HumanFormat;
import io.repovitals.render.PrVelocity.Usual;
import io.repovitals.render.ReportModel.PrRow;

import java.util.ArrayList;
import java.util.List;

/** The PR comment's view: this PR's figures next to the repository's usual p50/p90, with a word for each. */
final class PrComments {
    static final String NO_HISTORY = "no history yet";

    private PrComments() {}

    static ReportModel.PrComment of(PrVelocity pr) {
        List<PrRow> rows = new ArrayList<>();
        rows.add(firstReview(pr));
        String mergeLabel = pr.merged() ? "time to merge" : "time to merge so far";
        rows.add(new PrRow(mergeLabel, md(HumanFormat.hours(pr.hoursToMerge())), md(HumanFormat.hours(pr.merge().p50())),
                md(HumanFormat.hours(pr.merge().p90())), duration(pr.hoursToMerge(), pr.merge(), !pr.merged())));
        int lines = pr.additions() + pr.deletions();
        rows.add(new PrRow("size", md(HumanFormat.count(lines) + " lines, " + HumanFormat.count(pr.changedFiles())
                + (pr.changedFiles() == 1 ? " file" : " files")), lines(pr.size().p50()), lines(pr.size().p90()),
                size(lines, pr.size())));
        rows.add(new PrRow("reviews", md(HumanFormat.count(pr.reviews())), md(HumanFormat.number(pr.reviewsPerPr().p50())),
                md(HumanFormat.number(pr.reviewsPerPr().p90())), reviews(pr.reviews(), pr.reviewsPerPr())));
        return new ReportModel.PrComment(pr.repository(), md("#" + pr.number()), pr.title(),
                pr.author() == null ? HumanFormat.MISSING : pr.author(), pr.draft(), pr.merged(),
                ReportViews.date(pr.asOf()), rows, pr.possibleReviewers());
    }

    private static PrRow firstReview(PrVelocity pr) {
        Usual usual = pr.firstReview();
        Md p50 = md(HumanFormat.hours(usual.p50()));
        Md p90 = md(HumanFormat.hours(usual.p90()));
        if (pr.hoursToFirstReview() != null) {
            return new PrRow("time to first review", md(HumanFormat.hours(pr.hoursToFirstReview())), p50, p90,
                    duration(pr.hoursToFirstReview(), usual, false));
        }
        if (pr.hoursWaitingForFirstReview() != null) {
            return new PrRow("waiting for a first review", md(HumanFormat.hours(pr.hoursWaitingForFirstReview())), p50, p90,
                    duration(pr.hoursWaitingForFirstReview(), usual, true));
        }
        return new PrRow("first review", md(HumanFormat.MISSING), p50, p90,
                pr.draft() ? "draft: not waiting for review yet" : "no review requested yet");
    }

    /**
     * Shorter is better. A wait still running is never "faster": it can only be within the usual
     * range so far, or already past it.
     */
    static String duration(double hours, Usual usual, boolean running) {
        if (usual.p50() == null) {
            return NO_HISTORY;
        }
        if (hours <= usual.p50()) {
            return running ? "within the usual time so far" : "faster than usual";
        }
        if (usual.p90() != null && hours <= usual.p90()) {
            return running ? "longer than the median, within the usual range" : "within the usual range";
        }
        return "slower than usual";
    }

    static String size(int lines, Usual usual) {
        if (usual.p50() == null) {
            return NO_HISTORY;
        }
        if (lines <= usual.p50()) {
            return "smaller than usual";
        }
        return usual.p90() == null || lines > usual.p90() ? "larger than usual" : "within the usual range";
    }

    static String reviews(int reviews, Usual usual) {
        if (usual.p50() == null) {
            return NO_HISTORY;
        }
        long usualCount = Math.round(usual.p50());
        return reviews < usualCount ? "fewer than usual" : reviews > usualCount ? "more than usual" : "as usual";
    }

    private static Md lines(Double value) {
        return md(value == null ? HumanFormat.MISSING : HumanFormat.count(value) + " lines");
    }

    private static Md md(String markup) {
        return new Md(markup);
    }
}
