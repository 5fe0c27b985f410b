package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repovitals.RestSamples;

/**
 * Issue, label, comment and user bodies for hub4j/github-api, each a copy of a recorded one from
 * src/test/resources/github/rest-samples with only the named fields edited.
 */
public final class IssueSamples {
    public static final String REPO_PATH = "/repos/hub4j/github-api";
    public static final String BOT = "github-actions[bot]";

    private IssueSamples() {}

    /** issues-list.json's #560 (a plain issue) as {@code number}, opened by {@code login}. */
    public static ObjectNode issue(int number, String title, String body, String login, boolean open, String... labels) {
        ObjectNode issue = RestSamples.sample("issues-list.json").get(0).deepCopy();
        String api = "https://api.github.com" + REPO_PATH + "/issues/" + number;
        issue.put("number", number);
        issue.put("id", 700_000_000L + number);
        issue.put("url", api);
        issue.put("comments_url", api + "/comments");
        issue.put("html_url", htmlUrl(number));
        issue.put("title", title);
        issue.put("body", body);
        issue.put("state", open ? "open" : "closed");
        if (open) {
            issue.putNull("closed_at");
        }
        ((ObjectNode) issue.path("user")).put("login", login);
        ((ObjectNode) issue.path("user")).put("type", login.endsWith("[bot]") ? "Bot" : "User");
        ArrayNode list = issue.putArray("labels");
        for (String label : labels) {
            list.add(label(label));
        }
        return issue;
    }

    /** The same issue as a pull request (issues-list.json's #559 carries this key). */
    public static ObjectNode asPullRequest(ObjectNode issue) {
        issue.set("pull_request", RestSamples.sample("issues-list.json").get(1).path("pull_request").deepCopy());
        return issue;
    }

    public static String htmlUrl(int number) {
        return "https://github.com/hub4j/github-api/issues/" + number;
    }

    /** issues-list.json's "dependencies" label renamed. */
    public static ObjectNode label(String name) {
        ObjectNode label = RestSamples.sample("issues-list.json").get(1).path("labels").get(0).deepCopy();
        label.put("name", name);
        label.put("url", "https://api.github.com" + REPO_PATH + "/labels/" + name);
        return label;
    }

    /** issue-comments.json's first comment with another body, by {@code login}. */
    public static ObjectNode comment(int issue, String body, String login) {
        ObjectNode comment = RestSamples.sample("issue-comments.json").get(0).deepCopy();
        comment.put("body", body);
        comment.put("issue_url", "https://api.github.com" + REPO_PATH + "/issues/" + issue);
        ((ObjectNode) comment.path("user")).put("login", login);
        return comment;
    }

    /** {@code GET /user} for a personal token: the user object of issues-list.json renamed. */
    public static JsonNode user(String login) {
        ObjectNode user = RestSamples.sample("issues-list.json").get(0).path("user").deepCopy();
        user.put("login", login);
        return user;
    }
}
