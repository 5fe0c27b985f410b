package io.repovitals.bench;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fake the container check runs the action against: git smart HTTP and the API behind the token,
 * a repository whose default branch is the model's commits, and GITHUB_OUTPUT read as the runner reads it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionFakeTest {
    private static final String TOKEN = "ghs_fakeTokenForTheTest0123456789abcd";
    private static final Instant AS_OF = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void should_serve_the_models_commits_over_git_and_take_a_push_only_with_the_token() throws Exception {
        RepoModel model = new RepoModel(20, AS_OF, 3);
        try (ActionFake fake = new ActionFake(model, 0, TOKEN, dir.resolve("remote"))) {
            String url = fake.serverUrl() + "/bench/vitals.git";
            var withToken = new UsernamePasswordCredentialsProvider("x-access-token", TOKEN);

            try (Git clone = Git.cloneRepository().setURI(url).setDirectory(dir.resolve("clone").toFile())
                    .setCredentialsProvider(withToken).call()) {
                int commits = 0;
                for (RevCommit ignored : clone.log().call()) {
                    commits++;
                }
                assertThat(commits).isEqualTo(model.commits.size());
                RevCommit newest = clone.log().setMaxCount(1).call().iterator().next();
                RepoModel.Commit modelNewest = model.commits.get(0);
                assertThat((long) newest.getCommitTime()).isEqualTo(modelNewest.committed().getEpochSecond());
                assertThat(newest.getAuthorIdent().getEmailAddress()).isEqualTo(modelNewest.user() == null
                        ? modelNewest.email() : (1000 + model.commits.size()) + "+" + modelNewest.user().login()
                        + "@users.noreply.github.com");

                Files.writeString(dir.resolve("clone/history.json"), "{}");
                clone.checkout().setOrphan(true).setName("repo-vitals-data").call();
                clone.add().addFilepattern("history.json").call();
                PersonIdent who = new PersonIdent("repo-vitals", "repo-vitals@example.com");
                clone.commit().setMessage("history").setAuthor(who).setCommitter(who).setSign(false).call();
                RefSpec branch = new RefSpec("refs/heads/repo-vitals-data:refs/heads/repo-vitals-data");

                var wrongToken = new UsernamePasswordCredentialsProvider("x-access-token", "ghs_wrong");
                assertThatThrownBy(() -> clone.push().setRefSpecs(branch).setCredentialsProvider(wrongToken).call())
                        .isInstanceOf(TransportException.class);
                assertThat(fake.repository().exactRef("refs/heads/repo-vitals-data")).isNull();

                clone.push().setRefSpecs(branch).setCredentialsProvider(withToken).call();
            }
            assertThat(fake.repository().exactRef("refs/heads/repo-vitals-data")).isNotNull();
            assertThat(fake.pushes()).isEqualTo(1);
        }
    }

    @Test
    void should_refuse_an_api_request_without_the_token_and_open_an_issue_with_it() throws Exception {
        try (ActionFake fake = new ActionFake(new RepoModel(20, AS_OF, 3), 0, TOKEN, dir.resolve("remote"))) {
            HttpClient http = HttpClient.newHttpClient();
            URI issues = URI.create(fake.apiUrl() + "/repos/bench/vitals/issues");
            String body = "{\"title\":\"Repository health\",\"body\":\"report\",\"labels\":[\"health-report\"]}";

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(issues)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(issues).header("Authorization", "token " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(issues + "?labels=health-report&state=open"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(fake.issues()).hasSize(1);
            assertThat(fake.issues().get(0).path("html_url").asText()).isEqualTo(fake.serverUrl() + "/bench/vitals/issues/100");
            assertThat(listed.body()).contains("\"number\":100");
        }
    }

    @Test
    void should_read_step_outputs_as_lines_and_heredocs() {
        Map<String, String> outputs = ContainerActionCheck.outputs(
                "health-score=61.5\nanomalies<<ghadelimiter_1\n[{\"metric\":\"a\"},\n{\"metric\":\"b\"}]\nghadelimiter_1\nissue-url=\n");

        assertThat(outputs).containsExactly(Map.entry("health-score", "61.5"),
                Map.entry("anomalies", "[{\"metric\":\"a\"},\n{\"metric\":\"b\"}]"), Map.entry("issue-url", ""));
    }
}
