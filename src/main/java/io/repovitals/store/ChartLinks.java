package io.repovitals.store;

import io.repovitals.model.RepoRef;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Links to charts in the history branch. A {@code blob/...?raw=true} URL on the GitHub server (not
 * raw.githubusercontent.com) is used because the server sends a signed-in reader on to the file in a
 * private repository too.
 */
public final class ChartLinks {
    private ChartLinks() {}

    /** {@code <serverUrl>/<owner>/<repo>/blob/<branch>/<chart path>?raw=true} */
    public static String rawUrl(String serverUrl, RepoRef historyRepo, String branch, Chart chart) {
        return rawUrl(serverUrl, historyRepo, branch, chart.path());
    }

    /**
     * {@code <serverUrl>/<owner>/<repo>/blob/<branch>/<path>?raw=true}, each segment of the branch and
     * the path percent-encoded (a branch such as {@code data/charts} keeps its slash).
     *
     * @param serverUrl {@code $GITHUB_SERVER_URL}, e.g. {@code https://github.com}; a trailing slash is dropped
     */
    public static String rawUrl(String serverUrl, RepoRef historyRepo, String branch, String path) {
        String server = serverUrl == null ? "" : serverUrl.strip();
        if (!server.startsWith("https://") && !server.startsWith("http://")) {
            throw new IllegalArgumentException("server URL '" + server + "' must start with https:// or http://");
        }
        while (server.endsWith("/")) {
            server = server.substring(0, server.length() - 1);
        }
        return server + "/" + encodeSegments(historyRepo.fullName(), "repository")
                + "/blob/" + encodeSegments(branch, "branch") + "/" + encodeSegments(path, "path") + "?raw=true";
    }

    private static String encodeSegments(String text, String what) {
        if (text == null || text.isBlank() || text.startsWith("/") || text.endsWith("/") || text.contains("//")) {
            throw new IllegalArgumentException(what + " '" + text + "' must be non-empty '/'-separated names without empty parts");
        }
        return Arrays.stream(text.split("/")).map(ChartLinks::encode).collect(Collectors.joining("/"));
    }

    // URLEncoder is for forms: in a path a space is %20, not '+'.
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
