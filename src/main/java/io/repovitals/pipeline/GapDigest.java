package io.repovitals.pipeline;

import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gaps of a run's snapshots (missing metrics, partial snapshots) as annotations a person can read
 * (issue 16): one line per repository and kind of gap ("acme/svc: 6 metrics missing (no pull request was
 * merged in the window): ..."), and at most {@link #MAX_ANNOTATIONS} {@code ::warning::} annotations a run,
 * as GitHub shows only the first few of a step. When the repositories' gaps would need more, each kind of
 * gap becomes one annotation naming how many repositories have it; every repository's lines stay in its
 * "Collected" group of the log.
 */
final class GapDigest {
    static final int MAX_ANNOTATIONS = 10;
    private static final int NAMES_SHOWN = 3;

    /** One repository's gap of one kind. */
    record Gap(RepoRef repo, String kind, String line) {}

    private final List<Gap> gaps = new ArrayList<>();

    /**
     * The repository's gaps, one per kind: a partial snapshot; the metrics missing because nothing of their kind
     * happened in the window (their reasons say "no ..." or "... in the window"), as one gap; every other
     * reason its own kind (the repository's own name in it generalised, so that the same gap in two
     * repositories is one kind). Each gap's line names the metrics, with their reasons when they differ.
     */
    static List<Gap> of(RepoRef repo, Map<String, String> missing, String partialReason) {
        List<Gap> found = new ArrayList<>();
        if (partialReason != null) {
            found.add(new Gap(repo, "partial snapshot: " + general(repo, partialReason),
                    repo + ": partial snapshot: " + partialReason));
        }
        Map<String, Map<String, String>> byKind = new TreeMap<>();
        missing.forEach((metric, reason) -> byKind.computeIfAbsent(kind(reason), key -> new TreeMap<>()).put(metric, reason));
        byKind.forEach((kind, metrics) -> {
            String line;
            if (metrics.size() == 1) {
                Map.Entry<String, String> only = metrics.entrySet().iterator().next();
                line = repo + ": " + only.getKey() + " missing: " + only.getValue();
            } else if (kind.equals(NO_ACTIVITY)) {
                List<String> named = new ArrayList<>();
                metrics.forEach((metric, reason) -> named.add(metric + " (" + reason + ")"));
                line = repo + ": " + metrics.size() + " metrics missing (" + kind + "): " + String.join("; ", named);
            } else {
                line = repo + ": " + metrics.size() + " metrics missing (" + metrics.values().iterator().next() + "): "
                        + String.join(", ", metrics.keySet());
            }
            found.add(new Gap(repo, kind.equals(NO_ACTIVITY) ? kind : general(repo, kind), line));
        });
        return found;
    }

    static final String NO_ACTIVITY = "nothing of their kind happened in the window";

    private static String kind(String reason) {
        return reason.startsWith("no ") || reason.endsWith(" in the window") ? NO_ACTIVITY : reason;
    }

    private static String general(RepoRef repo, String reason) {
        return reason.replace(repo.fullName(), "the repository");
    }

    synchronized void add(List<Gap> repositoryGaps) {
        gaps.addAll(repositoryGaps);
    }

    /** Writes the annotations (and, when they are grouped, the full list in a log group). */
    synchronized void annotate(Log log) {
        if (gaps.size() <= MAX_ANNOTATIONS) {
            gaps.forEach(gap -> log.warning(gap.line()));
            return;
        }
        Map<String, List<RepoRef>> byKind = new LinkedHashMap<>();
        for (Gap gap : gaps) {
            byKind.computeIfAbsent(gap.kind(), key -> new ArrayList<>()).add(gap.repo());
        }
        List<Map.Entry<String, List<RepoRef>>> kinds = new ArrayList<>(byKind.entrySet());
        // The gaps of most repositories first: the rarest ones are folded into the last annotation.
        kinds.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        int shown = kinds.size() <= MAX_ANNOTATIONS ? kinds.size() : MAX_ANNOTATIONS - 1;
        for (Map.Entry<String, List<RepoRef>> kind : kinds.subList(0, shown)) {
            log.warning(repositories(kind.getValue()) + ": " + kind.getKey()
                    + " (each repository's gaps are in its \"Collected\" group of the log)");
        }
        if (shown < kinds.size()) {
            int repositories = (int) kinds.subList(shown, kinds.size()).stream().flatMap(kind -> kind.getValue().stream())
                    .distinct().count();
            log.warning((kinds.size() - shown) + " more kinds of gap in " + repositories
                    + " repositories: see their \"Collected\" groups of the log");
        }
    }

    private static String repositories(List<RepoRef> repos) {
        List<String> names = repos.stream().limit(NAMES_SHOWN).map(RepoRef::fullName).toList();
        String listed = String.join(", ", names) + (repos.size() > NAMES_SHOWN ? " and " + (repos.size() - NAMES_SHOWN) + " more" : "");
        return repos.size() + (repos.size() == 1 ? " repository (" : " repositories (") + listed + ")";
    }
}
