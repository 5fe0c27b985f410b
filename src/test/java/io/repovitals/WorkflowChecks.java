package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules a GitHub Actions workflow file of this project must follow, each returning the broken
 * places as readable lines (empty when the file is fine), so a test shows every problem at once
 * and the rules themselves can be tested on a bad workflow.
 */
final class WorkflowChecks {
    /** GitHub's permission scopes for the workflow token; a misspelt one is silently ignored by GitHub. */
    static final Set<String> PERMISSION_SCOPES = Set.of("actions", "attestations", "checks", "contents",
            "deployments", "discussions", "id-token", "issues", "models", "packages", "pages", "pull-requests",
            "repository-projects", "security-events", "statuses");
    private static final Set<String> PERMISSION_LEVELS = Set.of("read", "write", "none");
    private static final Pattern STEP_OUTPUT =
            Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");

    private WorkflowChecks() {}

    /** Triggers, jobs, and in each job either a reusable workflow or steps that each use or run something. */
    static List<String> shape(JsonNode workflow) {
        List<String> problems = new ArrayList<>();
        if (!workflow.isObject()) {
            return List.of("is not a YAML mapping");
        }
        JsonNode on = workflow.path("on");
        if (on.isMissingNode() || on.isNull() || (on.isContainerNode() && on.isEmpty())) {
            problems.add("has no triggers ('on')");
        }
        JsonNode jobs = workflow.path("jobs");
        if (!jobs.isObject() || jobs.isEmpty()) {
            problems.add("has no jobs");
            return problems;
        }
        jobs.properties().forEach(job -> {
            String where = "job '" + job.getKey() + "'";
            JsonNode body = job.getValue();
            if (body.has("uses")) {
                return; // a reusable workflow call has no runner and no steps of its own
            }
            if (!body.has("runs-on")) {
                problems.add(where + " has no runs-on");
            }
            JsonNode steps = body.path("steps");
            if (!steps.isArray() || steps.isEmpty()) {
                problems.add(where + " has no steps");
                return;
            }
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                if (step.has("uses") == step.has("run")) {
                    problems.add(where + " step " + (i + 1) + " must have exactly one of uses and run");
                }
            }
        });
        return problems;
    }

    /** Whether a step's {@code uses:} names this action: the published one or the local checkout. */
    static boolean usesThisAction(JsonNode step) {
        String uses = step.path("uses").asText("");
        return uses.startsWith("repo-vitals/repo-vitals@") || uses.equals("./");
    }

    /** Every {@code with:} key of a step that uses this action must be an input that action.yml declares. */
    static List<String> undeclaredInputs(JsonNode workflow, Set<String> declaredInputs) {
        List<String> problems = new ArrayList<>();
        forEachStep(workflow, (where, step) -> {
            if (usesThisAction(step)) {
                step.path("with").fieldNames().forEachRemaining(input -> {
                    if (!declaredInputs.contains(input)) {
                        problems.add(where + " passes '" + input + "', which action.yml does not declare");
                    }
                });
            }
        });
        return problems;
    }

    /**
     * Every {@code steps.<id>.outputs.<name>} read in a job, where {@code <id>} is a step using this
     * action, must name an output that action.yml declares: GitHub turns a misspelt one into "".
     */
    static List<String> undeclaredOutputs(JsonNode workflow, Set<String> declaredOutputs) {
        List<String> problems = new ArrayList<>();
        workflow.path("jobs").properties().forEach(job -> {
            Set<String> ourSteps = new HashSet<>();
            job.getValue().path("steps").forEach(step -> {
                if (usesThisAction(step) && step.has("id")) {
                    ourSteps.add(step.get("id").asText());
                }
            });
            Matcher read = STEP_OUTPUT.matcher(job.getValue().toString());
            while (read.find()) {
                if (ourSteps.contains(read.group(1)) && !declaredOutputs.contains(read.group(2))) {
                    problems.add("job '" + job.getKey() + "' reads output '" + read.group(2)
                            + "', which action.yml does not declare");
                }
            }
        });
        return problems;
    }

    /** Steps that use another action without pinning a version or commit ({@code owner/name@ref}). */
    static List<String> unpinnedActions(JsonNode workflow) {
        List<String> problems = new ArrayList<>();
        forEachStep(workflow, (where, step) -> {
            String uses = step.path("uses").asText("");
            boolean local = uses.startsWith("./");
            boolean image = uses.startsWith("docker://");
            if (!uses.isEmpty() && !local && !image && !uses.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add(where + " uses '" + uses + "' without @version");
            }
        });
        return problems;
    }

    /**
     * Permissions are declared at the top or on every job, never as {@code write-all}, with scope
     * names and levels GitHub knows.
     */
    static List<String> permissions(JsonNode workflow) {
        List<String> problems = new ArrayList<>();
        boolean topLevel = workflow.has("permissions");
        if (topLevel) {
            problems.addAll(permissionBlock("top level", workflow.get("permissions")));
        }
        workflow.path("jobs").properties().forEach(job -> {
            String where = "job '" + job.getKey() + "'";
            if (job.getValue().has("permissions")) {
                problems.addAll(permissionBlock(where, job.getValue().get("permissions")));
            } else if (!topLevel) {
                problems.add(where + " has no permissions and neither has the workflow");
            }
        });
        return problems;
    }

    /**
     * The permissions a job's token gets: its own block, else the workflow's. Scopes set to
     * {@code none} are left out, so {@code permissions: {}} gives an empty map.
     */
    static Map<String, Map<String, String>> effectivePermissions(JsonNode workflow) {
        Map<String, Map<String, String>> byJob = new TreeMap<>();
        workflow.path("jobs").properties().forEach(job -> {
            JsonNode block = job.getValue().has("permissions")
                    ? job.getValue().get("permissions") : workflow.path("permissions");
            Map<String, String> scopes = new TreeMap<>();
            block.properties().forEach(scope -> {
                if (!scope.getValue().asText().equals("none")) {
                    scopes.put(scope.getKey(), scope.getValue().asText());
                }
            });
            byJob.put(job.getKey(), scopes);
        });
        return byJob;
    }

    private static List<String> permissionBlock(String where, JsonNode block) {
        if (block.isTextual()) {
            // read-all is broad but cannot write; write-all hands the job every write scope.
            return block.asText().equals("read-all") ? List.of()
                    : List.of(where + " permissions '" + block.asText() + "': name the scopes instead");
        }
        if (!block.isObject()) {
            return List.of(where + " permissions must be a mapping of scope: level");
        }
        List<String> problems = new ArrayList<>();
        block.properties().forEach(scope -> {
            if (!PERMISSION_SCOPES.contains(scope.getKey())) {
                problems.add(where + " names an unknown permission scope '" + scope.getKey() + "'");
            }
            if (!PERMISSION_LEVELS.contains(scope.getValue().asText())) {
                problems.add(where + " gives '" + scope.getKey() + "' the level '" + scope.getValue().asText()
                        + "', not read, write or none");
            }
        });
        return problems;
    }

    private static void forEachStep(JsonNode workflow, StepVisitor visitor) {
        workflow.path("jobs").properties().forEach(job -> {
            JsonNode steps = job.getValue().path("steps");
            for (int i = 0; i < steps.size(); i++) {
                visitor.visit("job '" + job.getKey() + "' step " + (i + 1), steps.get(i));
            }
        });
    }

    @FunctionalInterface
    private interface StepVisitor {
        void visit(String where, JsonNode step);
    }
}
