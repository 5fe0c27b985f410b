/**
 * Analysis of a repository's history (issue 5; metrics.md "Analysis outputs"; contract.md
 * "analysis.json"): pure computation over snapshots, no I/O, no clock. "Now" is the latest
 * snapshot's asOf.
 *
 * <p>Entry point: {@link io.repovitals.analyze.Analyzer#analyze} for one repository and
 * {@link io.repovitals.analyze.Analyzer#analyzeAll} for several (with a ranking);
 * {@link io.repovitals.analyze.AnalysisJson#write} turns the result into analysis.json.
 *
 * <p>Health components and the metric that drives each:
 * <ul>
 *   <li>contributors (0.30): {@code contributors.active}, higher is better</li>
 *   <li>pr_throughput (0.20): {@code prs.merged}, higher is better</li>
 *   <li>review_velocity (0.20): {@code prs.time_to_first_review_hours.p50}, lower is better</li>
 *   <li>issue_freshness (0.15): {@code issues.stale}, lower is better</li>
 *   <li>fork_growth (0.15): weekly growth of {@code repo.forks}, higher is better</li>
 * </ul>
 * Each is this week's value ranked among the last 26 weekly values (ties count half), or, with
 * fewer than 4 past weeks, read off fixed reference bands; see each component's Javadoc.
 */
package io.repovitals.analyze;
