package io.repovitals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.github.FaultPolicy;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.model.Secret;

import java.net.URI;
import java.time.Duration;

/** GitHub clients on a WireMock server, with fake time so that retries and rate-limit waits take no time. */
public final class TestClients {
    private TestClients() {}

    /** 4 attempts from 1 s backoff, no jitter, waits for a reset up to 5 minutes, 5 statistics polls. */
    public static FaultPolicy policy(FakeTime time) {
        return new FaultPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofMinutes(5), 5,
                time, time, () -> 0.0);
    }

    /** Real time: waits as the program would (for tests whose server never asks to wait). */
    public static GitHubClients create(URI apiUrl, URI graphqlUrl, Secret token) {
        return GitHubClients.create(apiUrl, graphqlUrl, token, RequestBudget.unlimited(),
                FaultPolicy.defaults(FaultPolicy.DEFAULT_MAX_RESET_WAIT, java.time.Clock.systemUTC()));
    }

    public static GitHubClients create(WireMockExtension server, FakeTime time) {
        return create(server, RequestBudget.unlimited(), policy(time));
    }

    public static GitHubClients create(WireMockExtension server, RequestBudget budget, FaultPolicy policy) {
        return GitHubClients.create(URI.create(server.baseUrl()), URI.create(server.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN), budget, policy);
    }
}
