package io.repovitals.render;

import java.time.Instant;
import java.util.Objects;

/**
 * An open, non-draft pull request still waiting for its first qualifying review, for the weekly
 * report's "waiting longest" table. Filled by the pipeline from the run's collected pull requests;
 * absent when the report is rendered from history alone.
 *
 * @param readyAt      when it became ready for review (createdAt unless it started as a draft)
 * @param waitingHours asOf - readyAt, in hours
 * @param url          the pull request's page, for the report's link (a checked http(s) address); null when unknown
 */
public record WaitingPr(String repository, int number, String title, String author, Instant readyAt,
                        double waitingHours, String url) {
    public WaitingPr {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(readyAt, "readyAt");
        url = url == null ? null : Links.destination(url);
    }

    /** Without a page to link: the table shows the whole title. */
    public WaitingPr(String repository, int number, String title, String author, Instant readyAt, double waitingHours) {
        this(repository, number, title, author, readyAt, waitingHours, null);
    }

    /** {@code <server>/<owner>/<name>/pull/<number>}, as GitHub and GitHub Enterprise Server address a pull request. */
    public static String pageUrl(String serverUrl, String repository, int number) {
        return serverUrl.replaceAll("/+$", "") + "/" + repository + "/pull/" + number;
    }
}
