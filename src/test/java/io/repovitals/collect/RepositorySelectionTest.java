package io.repovitals.collect;

import io.repovitals.config.Shard;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepositorySelectionTest {
    private static List<RepoRef> repositories(int count) {
        List<RepoRef> repos = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            repos.add(new RepoRef("octo-org", "repo-" + i));
        }
        return repos;
    }

    private static Map<RepoRef, Integer> shardOf(List<RepoRef> repos, int shards) {
        Map<RepoRef, Integer> owner = new HashMap<>();
        for (int i = 1; i <= shards; i++) {
            for (RepoRef repo : RepositorySelection.shard(repos, new Shard(i, shards))) {
                assertThat(owner.put(repo, i)).as("%s in two shards", repo).isNull();
            }
        }
        return owner;
    }

    @Test
    void should_give_every_repository_to_exactly_one_of_four_shards() {
        List<RepoRef> repos = repositories(40);
        Map<RepoRef, Integer> owner = shardOf(repos, 4);
        assertThat(owner.keySet()).containsExactlyInAnyOrderElementsOf(repos);
        // A hash spreads 40 names over 4 shards; none is left empty.
        assertThat(owner.values()).contains(1, 2, 3, 4);
    }

    @Test
    void should_move_no_repository_when_one_is_added() {
        Map<RepoRef, Integer> before = shardOf(repositories(40), 4);
        Map<RepoRef, Integer> after = shardOf(repositories(41), 4);
        // The 41st lands in exactly one shard (shardOf rejects a second) and nothing drops out.
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(repositories(41));
        before.forEach((repo, shard) -> assertThat(after.get(repo)).as(repo.toString()).isEqualTo(shard));
    }

    @Test
    void should_keep_everything_in_a_single_shard() {
        assertThat(RepositorySelection.shard(repositories(3), Shard.ALL)).hasSize(3);
    }
}
