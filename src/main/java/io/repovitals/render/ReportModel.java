package io.repovitals.render;

import java.util.List;

/**
 * What the templates see: public records only (FreeMarker reads record components), with user text
 * as {@code String} (escaped by the Markdown output format) and figures we formatted as {@link Md}.
 */
public final class ReportModel {
    private ReportModel() {}

    /** report.md.ftl: one repository's weekly report. */
    /**
     * @param digest     2 to 5 bullets under the headline (what changed, what needs a maintainer), or the one
     *                   line of a quiet week
     * @param trendDays  the window the trend column's slope covers
     * @param trendLegend what the trend column compares, in a sentence
     */
    public record Weekly(String repository, Md week, Md asOf, Headline headline, List<Md> digest,
                         List<ComponentRow> components, Md trendDays, String trendLegend,
                         List<MetricRow> keyMetrics, List<MetricRow> allMetrics,
                         List<String> anomalies, List<Md> moreAnomalies, List<String> forecasts,
                         List<ContributorRow> contributors, boolean waitingKnown, List<WaitingRow> waiting,
                         List<ChartRow> charts, Footer footer) {
        public Weekly {
            digest = List.copyOf(digest);
            moreAnomalies = List.copyOf(moreAnomalies);
            components = List.copyOf(components);
            keyMetrics = List.copyOf(keyMetrics);
            allMetrics = List.copyOf(allMetrics);
            anomalies = List.copyOf(anomalies);
            forecasts = List.copyOf(forecasts);
            contributors = List.copyOf(contributors);
            waiting = List.copyOf(waiting);
            charts = List.copyOf(charts);
        }
    }

    /**
     * @param rated  whether there is a score at all
     * @param change score change since last week's snapshot, "–" without one
     */
    public record Headline(boolean rated, Md score, String grade, Md change, String explanation,
                           List<DoraRow> dora, String doraSource) {
        public Headline {
            dora = List.copyOf(dora);
        }
    }

    public record DoraRow(String key, String band, String explanation) {}

    public record ComponentRow(String name, boolean conclusive, Md score, Md weight, String explanation) {}

    /** @param arrow ↑ ↓ → from the analysis's trend, with "better" or "worse" by the metric's direction; "–" without one */
    public record MetricRow(String label, Md name, Md thisWeek, Md lastWeek, String arrow, String sparkline) {}

    public record ContributorRow(String login, Md commits, Md prsOpened, Md prsMerged, Md reviews, Md comments,
                                 Md linesAdded, Md linesDeleted) {}

    /** @param block the image ({@code ![alt](url)}) or the fenced Mermaid block, built from a {@link ChartView} */
    public record ChartRow(String title, Md block) {}

    /** @param title the title, shortened to a readable width as a link whose title attribute holds it whole */
    public record WaitingRow(Md number, Md title, String author, Md waiting, Md readyAt) {}

    /** @param lastWeekAsOf when the snapshot used as "last week" was taken, or why there is none */
    public record Footer(Md asOf, Md lastWeekAsOf, Md snapshots, Md requests, Md graphqlCost,
                         boolean partial, List<MissingRow> missing) {
        public Footer {
            missing = List.copyOf(missing);
        }
    }

    public record MissingRow(Md metric, String reason) {}

    /** summary.md.ftl: the job summary of one or several repositories. */
    public record Summary(boolean several, List<RankRow> ranking, List<SummaryRepo> repositories) {
        public Summary {
            ranking = List.copyOf(ranking);
            repositories = List.copyOf(repositories);
        }
    }

    /**
     * @param anomalies    every anomaly, most severe first
     * @param beyondDigest the anomalies the digest leaves out
     */
    public record SummaryRepo(String repository, Md week, Headline headline, List<Md> digest, Md trendDays,
                              List<MetricRow> keyMetrics, List<String> anomalies, List<String> beyondDigest,
                              Footer footer) {
        public SummaryRepo {
            digest = List.copyOf(digest);
            beyondDigest = List.copyOf(beyondDigest);
            keyMetrics = List.copyOf(keyMetrics);
            anomalies = List.copyOf(anomalies);
        }
    }

    /** @param rank "1", or "–" for a repository without a score */
    public record RankRow(Md rank, String repository, Md score, String grade, String arrow, Md change,
                          Md anomalies) {}

    /** pr-comment.md.ftl. */
    public record PrComment(String repository, Md number, String title, String author, boolean draft,
                            boolean merged, Md asOf, List<PrRow> rows, List<String> reviewers) {
        public PrComment {
            rows = List.copyOf(rows);
            reviewers = List.copyOf(reviewers);
        }
    }

    /** @param verdict "faster than usual" and the like, "no history yet" without one */
    public record PrRow(String label, Md value, Md p50, Md p90, String verdict) {}

    /** org-report.md.ftl. */
    /** @param digest per repository in ranking order, its most pressing digest bullets */
    public record Organisation(Md asOf, Md repositoryCount, List<OrgDigest> digest, List<RankRow> ranking,
                               List<OrgMetricRow> metrics, List<OrgAnomaly> anomalies, List<DoraDistribution> dora) {
        public Organisation {
            digest = List.copyOf(digest);
            ranking = List.copyOf(ranking);
            metrics = List.copyOf(metrics);
            anomalies = List.copyOf(anomalies);
            dora = List.copyOf(dora);
        }
    }

    /** @param total the sum for counts, "–" where a sum means nothing (hours, ratios) */
    public record OrgMetricRow(String label, Md name, Md repositories, Md total, Md median) {}

    public record OrgAnomaly(String repository, String sentence) {}

    /** @param headline "56.2 / 100, grade C, +16.6 since last week" */
    public record OrgDigest(String repository, Md headline, List<Md> bullets) {
        public OrgDigest {
            bullets = List.copyOf(bullets);
        }
    }

    public record DoraDistribution(String key, Md elite, Md high, Md medium, Md low, Md unrated) {}
}
