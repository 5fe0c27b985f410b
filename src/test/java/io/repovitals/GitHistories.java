package io.repovitals;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** A git repository of octo-org/widgets with a rename, a binary file, a merge and commits older than the window. */
public final class GitHistories {
    public static final String ALICE = "123+alice@users.noreply.github.com";
    public static final String KARL = "12345+KarlH@users.noreply.github.com";

    private GitHistories() {}

    /**
     * A clone of octo-org/widgets (origin set to GitHub) in {@code directory}, branch main:
     * <pre>
     * j0 (07-01) - o0 (10-01, a.txt) - o1 (11-01, logo.png binary) - r1 (11-13T00, rename a.txt -> docs/a.txt)
     *   - b1 (11-15, logo.png changed) - m1 (11-16, merge) - k1 (11-17, KarlH: docs/a.txt two -> TWO) - late (11-20T00)
     * feature: from r1, f1 (11-14, bob@example.com: c.txt new, 3 lines), merged by m1.
     * </pre>
     * Authors: alice and KarlH through no-reply addresses, bob unlinked.
     */
    public static void build(Path directory) throws Exception {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://github.com/octo-org/widgets.git");
            git.getRepository().getConfig().save();
            commit(git, directory, "Start", "Alice", ALICE, "2026-07-01T00:00:00Z", "README", "widgets\n");
            commit(git, directory, "Older than the range", "Alice", ALICE, "2026-10-01T00:00:00Z", "a.txt", "one\ntwo\nthree\n");
            commit(git, directory, "Add the logo", "Alice", ALICE, "2026-11-01T00:00:00Z", "logo.png", binary(1));
            git.rm().addFilepattern("a.txt").call();
            commit(git, directory, "Move a to docs", "Alice", ALICE, "2026-11-13T00:00:00Z", "docs/a.txt", "one\ntwo\nthree\n");
            git.branchCreate().setName("feature").call();
            git.checkout().setName("feature").call();
            commit(git, directory, "Add c", "Bob", "bob@example.com", "2026-11-14T00:00:00Z", "c.txt", "1\n2\n3\n");
            git.checkout().setName("main").call();
            commit(git, directory, "New logo", "Alice", ALICE, "2026-11-15T00:00:00Z", "logo.png", binary(7));
            git.merge().include(git.getRepository().resolve("feature")).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false).call();
            PersonIdent merger = ident("Alice", ALICE, "2026-11-16T00:00:00Z");
            git.commit().setMessage("Merge branch 'feature'").setAuthor(merger).setCommitter(merger).call();
            commit(git, directory, "Shout two", "Karl H", KARL, "2026-11-17T00:00:00Z", "docs/a.txt", "one\nTWO\nthree\n");
            commit(git, directory, "At asOf", "Bob", "bob@example.com", "2026-11-20T00:00:00Z", "d.txt", "late\n");
        }
    }

    /** 256 characters with NUL among them: git and GitHub take the file as binary (no lines). */
    private static String binary(int seed) {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            bytes.append((char) ((i * seed) % 256 == 10 ? 0 : (i * seed) % 128));
        }
        return bytes.toString();
    }

    private static void commit(Git git, Path directory, String message, String name, String email, String at,
                               String file, String content) throws Exception {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(".").call();
        PersonIdent ident = ident(name, email, at);
        git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
    }

    private static PersonIdent ident(String name, String email, String at) {
        return new PersonIdent(name, email, Instant.parse(at), ZoneOffset.UTC);
    }
}
