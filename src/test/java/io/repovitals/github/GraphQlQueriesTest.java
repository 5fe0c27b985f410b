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
import io.repovitals.GraphQlPaging;
import io.repovitals.collect.RepositoryBatch;
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
import java.util.Map;
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
    /** GitHub's limit on the nodes one query may ask for (docs: "Rate limits and node limits for the GraphQL API"). */
    private static final long NODE_LIMIT = 500_000;
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

    @ParameterizedTest
    @MethodSource("queryNames")
    void should_give_every_connection_a_first_or_last_github_accepts(String name) {
        Document document = Parser.parse(GraphQlQuery.load(name).document());
        ConnectionLimits limits = ConnectionLimits.of(schema, document);
        assertThat(limits.withoutBounds()).as("connections of %s without first or last", name).isEmpty();
        assertThat(limits.variablesWithoutDefault())
                .as("first/last of %s from a variable without default (check every call site, or give it a default)", name)
                .isEmpty();
        // Defaults only: the queries send no first/last variable (variablesWithoutDefault is empty).
        assertThat(GraphQlPaging.outOfRange(document, Map.of())).as("first/last of %s outside 1..100", name).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void should_stay_within_githubs_node_limit(String name) {
        long worstCase = ConnectionLimits.of(schema, Parser.parse(GraphQlQuery.load(name).document())).worstCaseNodes();
        assertThat(worstCase).as("%s asks for at most %,d nodes; GitHub's limit is %,d", name, worstCase, NODE_LIMIT)
                .isPositive().isLessThanOrEqualTo(NODE_LIMIT);
    }

    /** Worked out by hand from the files: see each query's connections. */
    @Test
    void should_count_the_worst_case_nodes_of_the_queries_as_github_does() {
        // history 100 + 100 commits x parents 1
        assertThat(nodes("commits")).isEqualTo(200);
        // open and done: each 100 + 100 x (timelineItems 1 + reviews 40 + comments 40 + commits 40) = 12,200
        assertThat(nodes("pull-requests")).isEqualTo(24_400);
        // watchers, open issues, open PRs, branches 1 each; stargazers 100; forks 100;
        // changed issues 100 + 100 x 20 timeline items; changed PRs the same
        assertThat(nodes("repo-state")).isEqualTo(4 + 100 + 100 + 2 * (100 + 2_000));
        // open and closed: each 100 + 100 x (labels 20 + comments 50) = 7,100
        assertThat(nodes("issues")).isEqualTo(14_200);
    }

    /** The batch as sent (RepositoryBatch repeats repository 0's lines): valid, and within the node limit at its largest. */
    @Test
    void should_validate_the_expanded_batch_and_count_its_nodes() {
        Document one = Parser.parse(RepositoryBatch.query(1).document());
        Document largest = Parser.parse(RepositoryBatch.query(RepositoryBatch.SIZE).document());
        assertThat(new Validator().validateDocument(schema, largest, Locale.ENGLISH)).isEmpty();
        assertThat(ConnectionLimits.of(schema, largest).withoutBounds()).isEmpty();
        assertThat(GraphQlPaging.outOfRange(largest, Map.of())).isEmpty();
        // Per repository: watchers, branches, history 1 each; checkSuites 10; latest star, fork, updated issues,
        // latest PR, latest deployment 1 each; open issues 10 + 10 x (labels 20 + comments 50) = 710;
        // open PRs 10 + 10 x (timeline 1 + reviews 40 + comments 40 + commits 40) = 1,220. Total 1,948.
        assertThat(ConnectionLimits.of(schema, one).worstCaseNodes()).isEqualTo(1_948);
        assertThat(ConnectionLimits.of(schema, largest).worstCaseNodes()).isEqualTo(50 * 1_948L).isLessThan(NODE_LIMIT);
        assertThat(RepositoryBatch.query(3).document()).contains("r2: repository(owner: $owner2, name: $name2)")
                .contains("$owner2: String!, $name2: String!").doesNotContain("$owner3");
    }

    /** GitHub's own examples (docs: "Node limit"): 50 + 50x10 = 550 and 22,060 nodes. */
    @Test
    void should_count_githubs_documented_examples_as_github_does() {
        assertThat(ConnectionLimits.of(schema, Parser.parse("""
                query { viewer { repositories(first: 50) { edges { repository: node { name
                  issues(first: 10) { totalCount edges { node { title bodyHTML } } } } } } } }
                """)).worstCaseNodes()).isEqualTo(550);
        assertThat(ConnectionLimits.of(schema, Parser.parse("""
                query { viewer {
                  repositories(first: 50) { edges { repository: node { name
                    pullRequests(first: 20) { edges { pullRequest: node { title
                      comments(first: 10) { edges { comment: node { bodyHTML } } } } } }
                    issues(first: 20) { totalCount edges { issue: node { title bodyHTML
                      comments(first: 10) { edges { comment: node { id } } } } } } } } }
                  followers(first: 10) { edges { follower: node { login } } } } }
                """)).worstCaseNodes()).isEqualTo(22_060);
    }

    @Test
    void should_flag_a_connection_without_bounds_an_out_of_range_first_and_too_many_nodes() {
        Document document = Parser.parse("""
                query Q($n: Int) { repository(owner: "o", name: "r") {
                  watchers { totalCount }
                  issues(first: 0) { totalCount }
                  pullRequests(last: $n) { totalCount }
                  forks(first: 100) { nodes { issues(first: 100) { nodes { comments(first: 100) { totalCount } } } } } } }
                """);
        ConnectionLimits limits = ConnectionLimits.of(schema, document);
        assertThat(limits.withoutBounds()).containsExactly("repository.watchers");
        assertThat(limits.variablesWithoutDefault()).containsExactly("repository.pullRequests: $n");
        assertThat(GraphQlPaging.outOfRange(document, Map.of())).extracting(GraphQlPaging.OutOfRange::field)
                .containsExactly("issues");
        assertThat(GraphQlPaging.outOfRange(document, Map.of("n", 101))).extracting(GraphQlPaging.OutOfRange::field)
                .containsExactly("issues", "pullRequests");
        // watchers none, issues 0, pullRequests $n at worst 100, forks 100 + 100 x 100 + 100 x 100 x 100
        assertThat(limits.worstCaseNodes()).isEqualTo(100 + 1_010_100).isGreaterThan(NODE_LIMIT);
    }

    @Test
    void should_import_every_fragment_file_into_some_query() throws IOException {
        String all = String.join("\n", queryNames().map(name -> GraphQlQuery.load(name).document()).toList());
        try (Stream<Path> files = Files.list(QUERIES)) {
            List<String> fragments = files.map(file -> file.getFileName().toString())
                    .filter(file -> file.startsWith("_")).toList();
            assertThat(fragments).isNotEmpty();
            for (String fragment : fragments) {
                String definition = Files.readString(QUERIES.resolve(fragment)).lines()
                        .filter(line -> line.startsWith("fragment ")).findFirst().orElseThrow();
                assertThat(all).as("%s is checked only inside a query that imports it", fragment).contains(definition);
            }
        }
    }

    private static long nodes(String query) {
        return ConnectionLimits.of(schema, Parser.parse(GraphQlQuery.load(query).document())).worstCaseNodes();
    }

    @Test
    void should_reject_a_query_with_a_field_github_does_not_have() {
        Document document = Parser.parse("query { repository(owner: \"o\", name: \"r\") { starCount } }");
        assertThat(new Validator().validateDocument(schema, document, Locale.ENGLISH)).isNotEmpty();
    }
}
