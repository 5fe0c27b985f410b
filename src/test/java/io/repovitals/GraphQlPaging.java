package io.repovitals;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's documented rule for {@code first} and {@code last} (between 1 and 100), checked on a
 * query as GitHub would see it: literals, and variables as sent or else their default. Used by the
 * fake GitHub ({@link GitHubGraphQlRules}) and by GraphQlQueriesTest.
 */
public final class GraphQlPaging {
    public static final int MIN = 1;
    public static final int MAX = 100;

    private GraphQlPaging() {}

    /** One {@code first}/{@code last} outside 1..100, with the path of response keys to its field. */
    public record OutOfRange(List<String> path, String field, String argument, long value, int line, int column) {
        /** EXCESSIVE_PAGINATION above 100 (GitHub's message), INVALID_PAGINATION below 1. */
        public String type() {
            return value > MAX ? "EXCESSIVE_PAGINATION" : "INVALID_PAGINATION";
        }

        public String message() {
            return value > MAX
                    ? "Requesting " + value + " records on the `" + field + "` connection exceeds the `" + argument
                            + "` limit of " + MAX + " records."
                    : "`" + argument + "` on the `" + field + "` connection must be between " + MIN + " and " + MAX
                            + ", not " + value + ".";
        }
    }

    /** Every out-of-range {@code first}/{@code last} in the document (operations and fragments). */
    public static List<OutOfRange> outOfRange(Document document, Map<String, ?> variables) {
        Map<String, Value<?>> defaults = new HashMap<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (variable.getDefaultValue() != null) {
                    defaults.put(variable.getName(), variable.getDefaultValue());
                }
            }
        }
        List<OutOfRange> found = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                String root = operation.getName() == null ? "query" : "query " + operation.getName();
                walk(operation.getSelectionSet(), List.of(root), variables, defaults, found);
            } else if (definition instanceof FragmentDefinition fragment) {
                walk(fragment.getSelectionSet(), List.of("fragment " + fragment.getName()), variables, defaults, found);
            }
        }
        return found;
    }

    /**
     * The value an argument has when GitHub runs the query: a literal, the variable as sent, or the
     * variable's default; empty when it is absent (null or not sent without a default).
     */
    public static Optional<Long> valueOf(Value<?> value, Map<String, ?> variables, Map<String, Value<?>> defaults) {
        if (value instanceof IntValue literal) {
            return Optional.of(literal.getValue().longValue());
        }
        if (value instanceof VariableReference reference) {
            if (variables.containsKey(reference.getName())) {
                return variables.get(reference.getName()) instanceof Number number
                        ? Optional.of(number.longValue()) : Optional.empty();
            }
            Value<?> fallback = defaults.get(reference.getName());
            return fallback instanceof IntValue literal ? Optional.of(literal.getValue().longValue()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static void walk(SelectionSet selections, List<String> path, Map<String, ?> variables,
                             Map<String, Value<?>> defaults, List<OutOfRange> found) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                List<String> here = new ArrayList<>(path);
                here.add(field.getResultKey());
                for (Argument argument : field.getArguments()) {
                    if (argument.getName().equals("first") || argument.getName().equals("last")) {
                        Optional<Long> value = valueOf(argument.getValue(), variables, defaults);
                        if (value.isPresent() && (value.get() < MIN || value.get() > MAX)) {
                            found.add(new OutOfRange(List.copyOf(here), field.getName(), argument.getName(), value.get(),
                                    argument.getSourceLocation().getLine(), argument.getSourceLocation().getColumn()));
                        }
                    }
                }
                walk(field.getSelectionSet(), here, variables, defaults, found);
            } else if (selection instanceof InlineFragment inline) {
                walk(inline.getSelectionSet(), path, variables, defaults, found);
            }
            // A fragment spread is checked where the fragment is defined.
        }
    }
}
