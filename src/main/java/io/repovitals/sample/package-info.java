/**
 * The demo's invented repositories (issue 14): events simulated from fixed seeds, served as the
 * {@code collect} stage's datasets ({@link io.repovitals.sample.SimulatedGitHub}), so the demo's
 * history is computed by the real metric families. A source beside {@code collect}: it uses only
 * {@code collect}'s records and {@code model}; only {@code pipeline} (the demo) uses it.
 */
package io.repovitals.sample;
