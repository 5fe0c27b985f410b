package io.repovitals.collect;

import io.repovitals.config.Settings;
import io.repovitals.config.Shard;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RestCalls;
import io.repovitals.model.RepoRef;
import org.kohsuke.github.GHRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which repositories this job reports on: {@code repositories} plus every non-archived repository
 * of {@code organizations}, sorted by name, then cut to this job's {@code shard}.
 */
public final class RepositorySelection {
    private RepositorySelection() {}

    public static List<RepoRef> resolve(Settings settings, GitHubClients github) {
        TreeSet<RepoRef> all = new TreeSet<>(settings.selection().repositories());
        for (String organization : settings.selection().organizations()) {
            all.addAll(organizationRepositories(organization, settings, github));
        }
        return shard(new ArrayList<>(all), settings.selection().shard());
    }

    /** Keeps the repositories whose name hashes to this shard: adding one moves no other. */
    public static List<RepoRef> shard(List<RepoRef> repositories, Shard shard) {
        if (shard.count() == 1) {
            return List.copyOf(repositories);
        }
        return repositories.stream()
                .filter(repo -> Math.floorMod(stableHash(repo.fullName().toLowerCase(Locale.ROOT)), shard.count())
                        == shard.index() - 1)
                .toList();
    }

    private static List<RepoRef> organizationRepositories(String organization, Settings settings, GitHubClients github) {
        String what = "organization " + organization;
        return RestCalls.call(what, settings.environment().apiUrl(), () -> {
            List<RepoRef> found = new ArrayList<>();
            for (GHRepository repository : github.rest().getOrganization(organization).listRepositories(100)) {
                if (!repository.isArchived()) {
                    found.add(new RepoRef(repository.getOwnerName(), repository.getName()));
                }
            }
            return found;
        });
    }

    private static int stableHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
