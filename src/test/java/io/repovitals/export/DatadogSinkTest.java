package io.repovitals.export;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Datadog is a WireMock server: the sink's base URL is handed in (package-private constructor). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatadogSinkTest {
    static final String KEY = "dd0123456789abcdef0123456789abcdef";
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC); // 1795161600 s

    @RegisterExtension
    static WireMockExtension datadog = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private static DatadogSink sink(int batchSize) {
        return new DatadogSink(Secret.of(KEY), URI.create(datadog.baseUrl()), NOW, batchSize);
    }

    private static List<Snapshot> latest() {
        List<Snapshot> all = ExportHistories.sample();
        return List.of(all.get(2), all.get(5)); // widgets and rocket on 2026-11-20
    }

    private static List<JsonNode> series(List<LoggedRequest> requests) throws Exception {
        List<JsonNode> series = new ArrayList<>();
        for (LoggedRequest request : requests) {
            new ObjectMapper().readTree(request.getBodyAsString()).path("series").forEach(series::add);
        }
        return series;
    }

    @Test
    void should_post_one_gauge_per_measured_metric_with_repo_and_org_tags_and_the_key_header() throws Exception {
        datadog.stubFor(post(urlEqualTo("/api/v2/series")).willReturn(aResponse().withStatus(202).withBody("{\"errors\":[]}")));

        DatadogSink.Sent sent = sink(DatadogSink.BATCH_SIZE).send(latest());

        // widgets has 3 measured metrics, rocket 2: 5 series, one request.
        assertThat(sent).isEqualTo(new DatadogSink.Sent(5, 1));
        datadog.verify(1, postRequestedFor(urlEqualTo("/api/v2/series"))
                .withHeader("DD-API-KEY", equalTo(KEY)).withHeader("Content-Type", equalTo("application/json")));
        List<JsonNode> series = series(datadog.findAll(postRequestedFor(urlEqualTo("/api/v2/series"))));
        assertThat(series).extracting(one -> one.path("metric").asText() + " " + one.path("tags").get(0).asText() + " "
                + one.path("tags").get(1).asText() + " " + one.path("points").get(0).path("value").asDouble())
                .containsExactly(
                        "repo_vitals.ci.failure_rate repo:octo-org/widgets org:octo-org 0.125",
                        "repo_vitals.prs.merged repo:octo-org/widgets org:octo-org 4.0",
                        "repo_vitals.prs.time_to_merge_hours.p50 repo:octo-org/widgets org:octo-org 2.0",
                        "repo_vitals.prs.merged repo:acme/rocket org:acme 2.0",
                        "repo_vitals.prs.time_to_merge_hours.p50 repo:acme/rocket org:acme 7.0");
        assertThat(series).allSatisfy(one -> {
            assertThat(one.path("type").asInt()).isEqualTo(3); // gauge
            assertThat(one.path("points")).hasSize(1);
            assertThat(one.path("points").get(0).path("timestamp").asLong()).isEqualTo(1795161600L);
        });
    }

    @Test
    void should_send_in_batches_of_the_batch_size() throws Exception {
        datadog.stubFor(post(urlEqualTo("/api/v2/series")).willReturn(aResponse().withStatus(202)));

        DatadogSink.Sent sent = sink(2).send(latest());

        // 5 series in batches of 2: 2 + 2 + 1.
        assertThat(sent).isEqualTo(new DatadogSink.Sent(5, 3));
        List<LoggedRequest> requests = datadog.findAll(postRequestedFor(urlEqualTo("/api/v2/series")));
        assertThat(requests).hasSize(3);
        assertThat(series(requests)).hasSize(5);
    }

    @Test
    void should_fail_with_one_line_naming_the_status_but_never_the_key() {
        datadog.stubFor(post(urlEqualTo("/api/v2/series")).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[\"Forbidden: key " + KEY + "\"]}")));

        assertThatThrownBy(() -> sink(DatadogSink.BATCH_SIZE).send(latest()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("API key was rejected")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("\n");
                    assertThat(String.valueOf(e.getCause())).doesNotContain(KEY);
                });
    }

    @Test
    void should_redact_the_key_if_an_error_body_echoes_it() {
        datadog.stubFor(post(urlEqualTo("/api/v2/series")).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":[\"bad payload sent with " + KEY + "\"]}")));

        assertThatThrownBy(() -> sink(DatadogSink.BATCH_SIZE).send(latest()))
                .hasMessageContaining("HTTP 400").hasMessageContaining("bad payload sent with ***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void should_send_nothing_for_missing_metrics() {
        Snapshot onlyMissing = ExportHistories.snapshot("acme/empty", "2026-11-20T00:00:00Z", Map.of(),
                Map.of("prs.merged", "no data"), List.of(), List.of());

        DatadogSink.Sent sent = sink(DatadogSink.BATCH_SIZE).send(List.of(onlyMissing));

        assertThat(sent).isEqualTo(new DatadogSink.Sent(0, 0));
        datadog.verify(0, postRequestedFor(urlEqualTo("/api/v2/series")));
    }
}
