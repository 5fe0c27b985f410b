package io.repovitals.pipeline;

import io.repovitals.config.ConfigException;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.github.FaultPolicy;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.model.Secret;
import io.repovitals.model.Ticker;
import io.repovitals.runtime.Log;
import io.repovitals.store.GitBranchStore;
import io.repovitals.store.HistoryRemote;
import io.repovitals.store.HistoryStore;
import io.repovitals.store.Retry;

import java.time.Clock;

/**
 * What every command's workflow is given: the resolved settings, the log, and the program's one
 * clock (dates) and ticker (durations), both made by Main. It also opens the run's two connections,
 * the GitHub API and the history remote, so each is configured in one place.
 */
public record RunContext(Settings settings, Log log, Clock clock, Ticker ticker) {
    /** The API clients, with the run's request budget and rate-limit patience; needs a token. */
    GitHubClients clients() {
        Secret token = settings.token().orElseThrow(() -> new ConfigException(Inputs.TOKEN.name(), null,
                "a GitHub token: set the token input, --token or GITHUB_TOKEN"));
        RequestBudget budget = settings.collection().rateLimitBudget().isPresent()
                ? RequestBudget.of(settings.collection().rateLimitBudget().getAsInt()) : RequestBudget.unlimited();
        return GitHubClients.create(settings.environment().apiUrl(), settings.environment().graphqlUrl(), token,
                budget, FaultPolicy.defaults(settings.collection().maxResetWait(), clock));
    }

    /** The history branch on the history remote. */
    HistoryStore store() {
        String remote = settings.history().historyRemote().orElseThrow(() -> new ConfigException(Inputs.HISTORY_REMOTE.name(), "",
                "a git remote for the history (set history-remote, or run inside Actions where GITHUB_REPOSITORY gives it)"));
        return new GitBranchStore(HistoryRemote.of(remote, settings.token()), settings.history().historyBranch(), log, clock,
                Retry.defaults());
    }
}
