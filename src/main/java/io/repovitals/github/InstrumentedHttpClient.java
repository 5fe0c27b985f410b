package io.repovitals.github;


import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HTTP client both GitHub clients send through: before each request it checks the
 * {@link RequestBudget} and the known rate limits, it counts every request (REST or GraphQL, each
 * retry included) and sets our User-Agent; after it, it notes the rate-limit headers and retries
 * 5xx answers, dropped connections (except for REST POSTs, which create things) and statistics
 * endpoints' {@code 202 Accepted} a bounded number of times with backoff. Done at this level because github-api's own request objects must reach
 * its connector unwrapped (it finds its root object through them); a java.net.http request can be
 * sent again as it is.
 */
final class InstrumentedHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final URI graphqlUrl;
    private final RequestCounter counter;
    private final RequestBudget budget;
    private final RateLimits limits;
    private final FaultPolicy policy;

    InstrumentedHttpClient(HttpClient delegate, URI graphqlUrl, RequestCounter counter, RequestBudget budget,
                           FaultPolicy policy) {
        this.delegate = delegate;
        this.graphqlUrl = graphqlUrl;
        this.counter = counter;
        this.budget = budget;
        this.policy = policy;
        this.limits = new RateLimits(policy);
    }

    RateLimits limits() {
        return limits;
    }

    private String resource(HttpRequest request) {
        return request.uri().equals(graphqlUrl) ? RateLimits.GRAPHQL : RateLimits.CORE;
    }

    private HttpRequest instrument(HttpRequest request) {
        limits.beforeRequest(resource(request));
        budget.spend();
        if (request.uri().equals(graphqlUrl)) {
            counter.countGraphQl();
        } else {
            counter.countRest();
        }
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("User-Agent"))
                .header("User-Agent", io.repovitals.model.Version.userAgent())
                .build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        int failures = 0;
        int accepted = 0;
        while (true) {
            HttpResponse<T> response;
            try {
                response = delegate.send(instrument(request), handler);
            } catch (IOException e) {
                // A dropped connection or an empty answer; a refused connection or unknown host will not heal.
                if (++failures >= policy.maxAttempts() || !isTransient(e) || !isRepeatable(request)) {
                    throw e;
                }
                policy.sleep(policy.backoff(failures));
                continue;
            }
            limits.observe(resource(request), response.headers());
            int status = response.statusCode();
            if (status >= 500 && isRepeatable(request) && ++failures < policy.maxAttempts()) {
                discard(response);
                policy.sleep(policy.backoff(failures));
                continue;
            }
            if (status == 202 && isStatistics(request) && ++accepted < policy.acceptedPolls()) {
                // GitHub is computing the statistics and asks to come back.
                discard(response);
                policy.sleep(policy.backoff(accepted));
                continue;
            }
            if (status != 403 && status != 429) {
                limits.succeeded();
            }
            return response;
        }
    }

    /**
     * Whether sending the request twice is harmless. A REST POST creates something (an issue, a comment):
     * GitHub may have done it before the 5xx or the dropped connection, and a retry would do it again.
     * Our GraphQL POSTs are queries only, and GET / PATCH / PUT / DELETE say the same thing twice.
     */
    private boolean isRepeatable(HttpRequest request) {
        return !request.method().equals("POST") || request.uri().equals(graphqlUrl);
    }

    private static boolean isTransient(IOException e) {
        return !(e instanceof java.net.ConnectException) && !(e instanceof java.net.UnknownHostException)
                && !(e instanceof java.net.http.HttpConnectTimeoutException);
    }

    private static boolean isStatistics(HttpRequest request) {
        return request.method().equals("GET") && request.uri().getPath().contains("/stats/");
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing to keep from a body we throw away
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(instrument(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(instrument(request), handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
