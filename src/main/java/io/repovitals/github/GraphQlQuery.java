package io.repovitals.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL document kept in {@code resources/repovitals/graphql/<name>.graphql}, loaded by
 * explicit name (no directory listing, so native images find it). A line {@code #import _<fragment>}
 * appends that fragment file, so queries that read the same object share one field selection.
 */
public record GraphQlQuery(String name, String document) {
    public static final String RESOURCE_DIR = "/repovitals/graphql/";

    private static final Pattern IMPORT = Pattern.compile("(?m)^#import (_[a-z0-9-]+)$");

    public static GraphQlQuery load(String name) {
        String document = read(name);
        StringBuilder withFragments = new StringBuilder(document);
        Matcher imports = IMPORT.matcher(document);
        while (imports.find()) {
            withFragments.append('\n').append(read(imports.group(1)));
        }
        return new GraphQlQuery(name, withFragments.toString());
    }

    private static String read(String name) {
        String path = RESOURCE_DIR + name + ".graphql";
        try (InputStream in = GraphQlQuery.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing GraphQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
