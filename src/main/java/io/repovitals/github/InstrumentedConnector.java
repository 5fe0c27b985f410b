package io.repovitals.github;

import io.repovitals.model.Version;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wraps github-api's connector: counts every REST request and sends our User-Agent. */
final class InstrumentedConnector implements GitHubConnector {
    private final GitHubConnector delegate;
    private final RequestCounter counter;

    InstrumentedConnector(GitHubConnector delegate, RequestCounter counter) {
        this.delegate = delegate;
        this.counter = counter;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        counter.countRest();
        return delegate.send(new WithUserAgent(request));
    }

    private record WithUserAgent(GitHubConnectorRequest request) implements GitHubConnectorRequest {
        @Override
        public String method() {
            return request.method();
        }

        @Override
        public Map<String, List<String>> allHeaders() {
            Map<String, List<String>> headers = new LinkedHashMap<>(request.allHeaders());
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("User-Agent"));
            headers.put("User-Agent", List.of(Version.userAgent()));
            return headers;
        }

        @Override
        public String header(String name) {
            return name.equalsIgnoreCase("User-Agent") ? Version.userAgent() : request.header(name);
        }

        @Override
        public String contentType() {
            return request.contentType();
        }

        @Override
        public InputStream body() {
            return request.body();
        }

        @Override
        public URL url() {
            return request.url();
        }

        @Override
        public boolean hasBody() {
            return request.hasBody();
        }
    }
}
