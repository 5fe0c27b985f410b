package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.RestJson;
import io.repovitals.model.RepoRef;
import io.repovitals.model.TrafficDay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fetches {@link Traffic}: {@code GET /traffic/views} and {@code GET /traffic/clones}, two requests,
 * all 14 daily points GitHub keeps (whatever the window: the history outlives GitHub's retention).
 * Without push access GitHub answers 403; that becomes the reason {@link #NO_PUSH_ACCESS}, and the
 * clones request is not even sent.
 */
public final class TrafficCollector {
    public static final String NO_PUSH_ACCESS = "needs a token with push access (HTTP 403)";

    /**
     * {@code since} and {@code asOf} are not used: GitHub offers only the last 14 days, all of which are
     * kept; {@code TrafficRows} picks the points a snapshot's asOf has seen.
     */
    public Traffic fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        RestJson rest = github.restJson();
        try {
            JsonNode views = rest.get(RestPaths.repo(repo) + "/traffic/views").body();
            JsonNode clones = rest.get(RestPaths.repo(repo) + "/traffic/clones").body();
            return merge(views.path("views"), clones.path("clones"));
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.FORBIDDEN) {
                throw new GitHubException(GitHubException.Kind.FORBIDDEN, 403, NO_PUSH_ACCESS);
            }
            throw e;
        }
    }

    /** Days either list leaves out are zero-count days (GitHub omits days without clones). */
    static Traffic merge(JsonNode views, JsonNode clones) {
        Map<LocalDate, int[]> days = new TreeMap<>();
        for (JsonNode view : views) {
            int[] day = days.computeIfAbsent(day(view), key -> new int[4]);
            day[0] = view.path("count").asInt();
            day[1] = view.path("uniques").asInt();
        }
        for (JsonNode clone : clones) {
            int[] day = days.computeIfAbsent(day(clone), key -> new int[4]);
            day[2] = clone.path("count").asInt();
            day[3] = clone.path("uniques").asInt();
        }
        List<TrafficDay> result = new ArrayList<>();
        days.forEach((day, counts) -> result.add(new TrafficDay(day, counts[0], counts[1], counts[2], counts[3])));
        return new Traffic(result);
    }

    private static LocalDate day(JsonNode point) {
        return Instant.parse(point.path("timestamp").asText()).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
