package io.repovitals.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A GraphQL document kept in {@code resources/repovitals/graphql/<name>.graphql}, loaded by
 * explicit name (no directory listing, so native images find it).
 */
public record GraphQlQuery(String name, String document) {
    public static final String RESOURCE_DIR = "/repovitals/graphql/";

    public static GraphQlQuery load(String name) {
        String path = RESOURCE_DIR + name + ".graphql";
        try (InputStream in = GraphQlQuery.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing GraphQL resource " + path);
            }
            return new GraphQlQuery(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
