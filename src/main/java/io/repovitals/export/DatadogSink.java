package io.repovitals.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends the latest snapshot of each repository to Datadog as gauge series
 * ({@code POST https://api.<site>/api/v2/series}): metric {@code repo_vitals.<metric>}, tags
 * {@code repo:<owner/name>} and {@code org:<owner>}, one point each. The point is stamped with the
 * time of sending, not the snapshot's asOf: Datadog drops points more than an hour old, and a
 * daily snapshot usually is. Missing metrics are not sent (absent, never 0).
 *
 * <p>The only traffic to anything but GitHub and the history remote, and only when the user set
 * {@code datadog-api-key}. The key travels in the {@code DD-API-KEY} header and appears in no
 * message this class makes.
 */
public final class DatadogSink {
    /** Series per request: far below Datadog's 5 MB payload limit (a series here is about 150 bytes). */
    static final int BATCH_SIZE = 500;
    static final String METRIC_PREFIX = "repo_vitals.";
    private static final int GAUGE = 3; // the v2 API's MetricIntakeType
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Secret apiKey;
    private final URI baseUrl;
    private final Clock clock;
    private final HttpClient http;
    private final int batchSize;

    /** @param site the Datadog site, e.g. {@code datadoghq.com} or {@code datadoghq.eu} (settings validate it) */
    public DatadogSink(Secret apiKey, String site, Clock clock) {
        this(apiKey, URI.create("https://api." + site), clock, BATCH_SIZE);
    }

    /** For tests: any base URL (a local fake), any batch size. */
    DatadogSink(Secret apiKey, URI baseUrl, Clock clock, int batchSize) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** What was sent. */
    public record Sent(int series, int requests) {}

    /**
     * Sends one gauge series per measured metric of each snapshot, in batches.
     *
     * @throws UncheckedIOException with one line naming the site and the HTTP status, never the key
     */
    public Sent send(List<Snapshot> latest) {
        long now = clock.instant().getEpochSecond();
        List<ObjectNode> series = new ArrayList<>();
        for (Snapshot snapshot : latest) {
            RepoRef repo = RepoRef.parse(snapshot.repository());
            for (Map.Entry<String, Number> metric : snapshot.metrics().entrySet()) {
                ObjectNode one = JSON.createObjectNode();
                one.put("metric", METRIC_PREFIX + metric.getKey());
                one.put("type", GAUGE);
                ObjectNode point = one.putArray("points").addObject();
                point.put("timestamp", now);
                point.put("value", metric.getValue().doubleValue());
                ArrayNode tags = one.putArray("tags");
                tags.add("repo:" + repo.fullName());
                tags.add("org:" + repo.owner());
                series.add(one);
            }
        }
        int requests = 0;
        for (int from = 0; from < series.size(); from += batchSize) {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("series").addAll(series.subList(from, Math.min(series.size(), from + batchSize)));
            post(body);
            requests++;
        }
        return new Sent(series.size(), requests);
    }

    private void post(ObjectNode body) {
        URI url = baseUrl.resolve("/api/v2/series");
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("DD-API-KEY", apiKey.reveal())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("datadog: cannot reach " + baseUrl + ": " + redact(String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("datadog: interrupted while sending to " + baseUrl, new IOException(e));
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String hint = status == 401 || status == 403
                    ? "the API key was rejected (check datadog-api-key and that datadog-site is the key's site)"
                    : redact(response.body()).replaceAll("\\s+", " ").strip();
            if (hint.length() > 200) {
                hint = hint.substring(0, 200) + "...";
            }
            throw new UncheckedIOException("datadog: POST " + url + " answered HTTP " + status + ": " + hint,
                    new IOException("HTTP " + status));
        }
    }

    private String redact(String text) {
        return text == null ? "" : text.replace(apiKey.reveal(), "***");
    }
}
