package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Makes a WireMock GitHub enforce what GitHub's GraphQL endpoint enforces before any stub answers:
 * a {@code first}/{@code last} outside 1..100 gets HTTP 200 with only {@code errors} (type
 * INVALID_PAGINATION, or EXCESSIVE_PAGINATION above 100), as GitHub answers; the stubs never see it.
 */
public final class GitHubGraphQlRules implements StubRequestFilterV2 {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return "github-graphql-rules";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!RequestMethod.POST.equals(request.getMethod()) || !URI.create(request.getUrl()).getPath().endsWith("/graphql")) {
            return RequestFilterAction.continueWith(request);
        }
        List<GraphQlPaging.OutOfRange> outOfRange;
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            Document document = Parser.parse(body.path("query").asText(""));
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = body.path("variables").isObject()
                    ? JSON.convertValue(body.path("variables"), Map.class) : Map.of();
            outOfRange = GraphQlPaging.outOfRange(document, variables);
        } catch (IOException | InvalidSyntaxException e) {
            return RequestFilterAction.continueWith(request); // not a query this rule reads: the stubs decide
        }
        if (outOfRange.isEmpty()) {
            return RequestFilterAction.continueWith(request);
        }
        return RequestFilterAction.stopWith(errors(outOfRange));
    }

    private static ResponseDefinition errors(List<GraphQlPaging.OutOfRange> outOfRange) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        for (GraphQlPaging.OutOfRange each : outOfRange) {
            ObjectNode error = errors.addObject();
            error.put("type", each.type());
            ArrayNode path = error.putArray("path");
            each.path().forEach(path::add);
            error.putArray("locations").addObject().put("line", each.line()).put("column", each.column());
            error.put("message", each.message());
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(root.toString()).build();
    }
}
