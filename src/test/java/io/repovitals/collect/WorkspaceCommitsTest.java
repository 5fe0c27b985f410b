package io.repovitals.collect;

import io.repovitals.TestClients;
import io.repovitals.GitHubFake;
import io.repovitals.OutcomeValues;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.CommitMetrics;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * commits.* and code.* from a clone in the workspace, with zero requests. The repository is built
 * here, commit by commit, with known committed dates; the expected values follow from it by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkspaceCommitsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    private static final String ALICE = "123+alice@users.noreply.github.com";
    private static final String BOT = "49699333+dependabot[bot]@users.noreply.github.com";

    @TempDir
    Path workspace;
    private RevCommit hotfix;

    /**
     * main:    r0 (11-01) - k1 (11-13T00, window start) - k2 (11-15, hotfix) - m1 (11-16, merge) - k3 (11-17, bot) - k4 (11-20, asOf)
     * feature:                \- f1 (11-14, bob) ----------------------------/
     * scratch: from k3, s1 (11-18): never on main.
     */
    @BeforeEach
    void buildClone() throws Exception {
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://github.com/octo-org/widgets.git");
            git.getRepository().getConfig().save();
            commit(git, "a.txt", "one\ntwo\nthree\n", "Initial commit", "Alice", ALICE, "2026-11-01T00:00:00Z");
            write("b.txt", "x\ny\n");
            commit(git, "a.txt", "one\nTWO\nthree\n", "Shout two, add b", "Alice", ALICE, "2026-11-13T00:00:00Z");
            git.branchCreate().setName("feature").call();
            git.checkout().setName("feature").call();
            commit(git, "c.txt", "1\n2\n3\n4\n", "Add c", "Bob", "bob@example.com", "2026-11-14T00:00:00Z");
            git.checkout().setName("main").call();
            hotfix = commit(git, "a.txt", "one\nTWO\nthree\nfour\n", "Hotfix the parser", "Alice", ALICE, "2026-11-15T00:00:00Z");
            git.merge().include(git.getRepository().resolve("feature")).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false).call();
            PersonIdent merger = ident("Alice", ALICE, "2026-11-16T00:00:00Z");
            git.commit().setMessage("Merge branch 'feature'").setAuthor(merger).setCommitter(merger).call();
            commit(git, "b.txt", "x\ny\nz\n", "Bump b", "dependabot[bot]", BOT, "2026-11-17T00:00:00Z");
            git.branchCreate().setName("scratch").call();
            git.checkout().setName("scratch").call();
            commit(git, "e.txt", "scratch\n", "Scratch work", "Bob", "bob@example.com", "2026-11-18T00:00:00Z");
            git.checkout().setName("main").call();
            commit(git, "d.txt", "late\n", "Hotfix at asOf", "Bob", "bob@example.com", "2026-11-20T00:00:00Z");
        }
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(workspace.resolve(file), content);
    }

    private RevCommit commit(Git git, String file, String content, String message, String name, String email, String at)
            throws Exception {
        write(file, content);
        git.add().addFilepattern(".").call();
        PersonIdent ident = ident(name, email, at);
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
    }

    private static PersonIdent ident(String name, String email, String at) {
        return new PersonIdent(name, email, Instant.parse(at), ZoneOffset.UTC);
    }

    /** Clients pointing nowhere: any request would fail, and the counter proves none was sent. */
    private static GitHubClients offline() {
        return TestClients.create(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9/graphql"),
                Secret.of(GitHubFake.TOKEN));
    }

    @Test
    void should_compute_commit_and_code_metrics_from_the_clone_with_zero_requests() {
        GitHubClients clients = offline();

        Commits commits = new CommitsCollector(Optional.of(workspace))
                .fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));
        Map<String, Object> values = OutcomeValues.of(new CommitMetrics().compute(
                new Datasets().with(Commits.class, commits), WINDOW, List.of()));

        // Non-merge commits of main in [11-13, 11-20): k1 (exactly at the window start), f1 (merged from feature),
        // k2, k3 (a bot). m1 is a merge, k4 was committed exactly at asOf, r0 before, s1 is only on scratch.
        assertThat(values.get("commits.count")).isEqualTo(4.0);
        // alice (linked through her no-reply address) and bob@example.com; dependabot[bot] is a bot.
        assertThat(values.get("commits.authors")).isEqualTo(2.0);
        assertThat(values.get("commits.per_author")).isEqualTo(1.5);
        assertThat(values.get("commits.hotfix")).isEqualTo(1.0); // k2; k4's "Hotfix at asOf" is out
        assertThat(values.get("commits.reverts")).isEqualTo(0.0);
        // k1: a.txt one line changed (+1 -1), b.txt new (+2); f1: c.txt new (+4); k2: +1; k3: +1.
        assertThat(values.get("code.lines_added")).isEqualTo(9.0);
        assertThat(values.get("code.lines_deleted")).isEqualTo(1.0);
        // a.txt, b.txt, c.txt (d.txt at asOf and e.txt on scratch are not counted).
        assertThat(values.get("code.files_changed")).isEqualTo(3.0);

        assertThat(clients.requests().total()).isZero();
        assertThat(commits.source()).isEqualTo("workspace clone");
        assertThat(commits.items()).filteredOn(commit -> commit.sha().equals(hotfix.getName())).singleElement()
                .satisfies(commit -> {
                    assertThat(commit.login()).isEqualTo("alice");
                    assertThat(commit.paths()).contains(List.of("a.txt"));
                });
    }

    @Test
    void should_take_a_login_from_a_no_reply_address_in_the_case_the_address_has() throws Exception {
        try (Git git = Git.open(workspace.toFile())) {
            commit(git, "k.txt", "k\n", "Karl's change", "Karl H", "12345+KarlH@users.noreply.github.com", "2026-11-18T00:00:00Z");
            commit(git, "z.txt", "z\n", "Zoe's change", "Zoe", "ZoeQ@Users.NoReply.GitHub.com", "2026-11-18T01:00:00Z");
        }

        Commits commits = WorkspaceCommits.read(workspace, REPO, "main", WINDOW.start(), AS_OF);

        assertThat(commits.loginsSpelledByGitHub()).isFalse();
        assertThat(commits.items()).filteredOn(commit -> commit.headline().equals("Karl's change")).singleElement()
                .satisfies(commit -> {
                    assertThat(commit.login()).isEqualTo("KarlH");
                    assertThat(commit.email()).isEqualTo("12345+karlh@users.noreply.github.com");
                    assertThat(commit.authorKey()).isEqualTo("karlh");
                });
        // The older no-reply form without an id, and a domain in any case.
        assertThat(commits.items()).filteredOn(commit -> commit.headline().equals("Zoe's change")).singleElement()
                .extracting(Commits.Commit::login).isEqualTo("ZoeQ");
    }

    @Test
    void should_refuse_a_shallow_clone_that_stops_inside_the_range() throws IOException {
        // As a fetch-depth: 1 checkout leaves it: the history is cut at k2, after since.
        Files.writeString(workspace.resolve(".git/shallow"), hotfix.getName() + "\n");

        assertThatThrownBy(() -> WorkspaceCommits.read(workspace, REPO, "main", WINDOW.start(), AS_OF))
                .hasMessageStartingWith("the workspace clone is shallow before 2026-11-13T00:00:00Z");
    }

    @Test
    void should_refuse_a_clone_of_another_repository_or_a_missing_branch() {
        assertThatThrownBy(() -> WorkspaceCommits.read(workspace, RepoRef.parse("octo-org/gadgets"), "main", WINDOW.start(), AS_OF))
                .hasMessage("the workspace is not a clone of octo-org/gadgets");
        assertThatThrownBy(() -> WorkspaceCommits.read(workspace, REPO, "trunk", WINDOW.start(), AS_OF))
                .hasMessage("the workspace clone has no branch trunk");
    }

    @Test
    void should_recognise_clone_urls_of_the_repository() {
        assertThat(WorkspaceCommits.isCloneOf("https://github.com/Octo-Org/Widgets", REPO)).isTrue();
        assertThat(WorkspaceCommits.isCloneOf("git@github.com:octo-org/widgets.git", REPO)).isTrue();
        assertThat(WorkspaceCommits.isCloneOf("https://github.com/octo-org/widgets-fork.git", REPO)).isFalse();
    }
}
