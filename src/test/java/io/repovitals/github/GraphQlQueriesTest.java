package io.repovitals.github;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.repovitals.GitHubFake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every .graphql document the program sends is valid against GitHub's public schema
 * (src/test/resources/github/schema.graphql, from the npm package @octokit/graphql-schema; see the
 * README.md beside it).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphQlQueriesTest {
    private static final Path QUERIES = Path.of("src/main/resources/repovitals/graphql");
    private static GraphQLSchema schema;

    @BeforeAll
    static void loadGitHubSchema() throws IOException {
        String sdl = GitHubFake.resource("github/schema.graphql");
        Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        TypeDefinitionRegistry types = new SchemaParser().buildRegistry(withoutDuplicateFields(document));
        schema = new SchemaGenerator().makeExecutableSchema(types, RuntimeWiring.MOCKED_WIRING);
    }

    /**
     * GitHub's published schema declares two fields of EnterpriseOwnerInfo twice (identically);
     * graphql-java rightly refuses that, so keep the first declaration of each field.
     */
    private static Document withoutDuplicateFields(Document document) {
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) {
                definitions.add(type.transform(builder -> builder.fieldDefinitions(unique(type.getFieldDefinitions()))));
            } else {
                definitions.add(definition);
            }
        }
        return document.transform(builder -> builder.definitions(definitions));
    }

    private static List<FieldDefinition> unique(List<FieldDefinition> fields) {
        Set<String> seen = new HashSet<>();
        return fields.stream().filter(field -> seen.add(field.getName())).toList();
    }

    static Stream<String> queryNames() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.map(file -> file.getFileName().toString())
                    // _fragment files are validated inside the queries that #import them.
                    .filter(name -> name.endsWith(".graphql") && !name.startsWith("_"))
                    .map(name -> name.substring(0, name.length() - ".graphql".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void should_find_the_queries_the_code_loads() throws IOException {
        assertThat(queryNames()).contains("repo-state");
    }

    @Test
    void should_append_an_imported_fragment_once_to_each_query_that_imports_it() {
        for (String name : List.of("pull-requests", "pull-request-one")) {
            String document = GraphQlQuery.load(name).document();
            assertThat(document.split("fragment PullRequestFields on PullRequest", -1)).as(name).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void should_validate_against_the_github_schema(String name) {
        GraphQlQuery query = GraphQlQuery.load(name);
        Document document = Parser.parse(query.document());
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        assertThat(errors).as("validation errors of %s", name).isEmpty();
    }

    @Test
    void should_reject_a_query_with_a_field_github_does_not_have() {
        Document document = Parser.parse("query { repository(owner: \"o\", name: \"r\") { starCount } }");
        assertThat(new Validator().validateDocument(schema, document, Locale.ENGLISH)).isNotEmpty();
    }
}
