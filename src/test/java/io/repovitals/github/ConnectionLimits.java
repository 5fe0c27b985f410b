package io.repovitals.github;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.repovitals.GraphQlPaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's connections read against GitHub's schema (a field whose type is a {@code *Connection}):
 * those without {@code first}/{@code last}, those bounded by a variable without default, and the
 * worst-case node count as GitHub documents it: each connection's first/last times those of the
 * connections above it, added up ({@code @include} taken as true; a variable without default as 100).
 */
record ConnectionLimits(List<String> withoutBounds, List<String> variablesWithoutDefault, long worstCaseNodes) {
    static ConnectionLimits of(GraphQLSchema schema, Document document) {
        Walk walk = new Walk(schema, document);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (variable.getDefaultValue() instanceof IntValue value) {
                    walk.defaults.put(variable.getName(), value.getValue().longValue());
                }
            }
            walk.selections(operation.getSelectionSet(), schema.getQueryType(), "", 1);
        }
        return new ConnectionLimits(List.copyOf(walk.withoutBounds), List.copyOf(walk.variablesWithoutDefault), walk.nodes);
    }

    private static final class Walk {
        final GraphQLSchema schema;
        final Map<String, FragmentDefinition> fragments = new HashMap<>();
        final Map<String, Long> defaults = new HashMap<>();
        final List<String> withoutBounds = new ArrayList<>();
        final List<String> variablesWithoutDefault = new ArrayList<>();
        long nodes;

        Walk(GraphQLSchema schema, Document document) {
            this.schema = schema;
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        }

        void selections(SelectionSet set, GraphQLType type, String path, long multiplier) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    field(field, type, path, multiplier);
                } else if (selection instanceof InlineFragment inline) {
                    GraphQLType on = inline.getTypeCondition() == null ? type : schema.getType(inline.getTypeCondition().getName());
                    selections(inline.getSelectionSet(), on, path, multiplier);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), path, multiplier);
                }
            }
        }

        void field(Field field, GraphQLType parent, String path, long multiplier) {
            if (field.getName().startsWith("__")) {
                return;
            }
            GraphQLFieldDefinition definition = ((GraphQLFieldsContainer) parent).getFieldDefinition(field.getName());
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
            String here = path.isEmpty() ? field.getName() : path + "." + field.getName();
            long inner = multiplier;
            if (type.getName().endsWith("Connection")) {
                Argument bound = field.getArguments().stream()
                        .filter(a -> a.getName().equals("first") || a.getName().equals("last")).findFirst().orElse(null);
                long size = 0;
                if (bound == null) {
                    withoutBounds.add(here);
                } else if (bound.getValue() instanceof IntValue literal) {
                    size = literal.getValue().longValue();
                } else if (bound.getValue() instanceof VariableReference variable) {
                    if (defaults.containsKey(variable.getName())) {
                        size = defaults.get(variable.getName());
                    } else {
                        variablesWithoutDefault.add(here + ": $" + variable.getName());
                        size = GraphQlPaging.MAX;
                    }
                }
                inner = multiplier * size;
                nodes += inner;
            }
            selections(field.getSelectionSet(), type, here, inner);
        }
    }
}
