#!/usr/bin/env bash
# Replaces src/test/resources/github/schema.graphql (GitHub's public GraphQL schema, which
# GraphQlQueriesTest validates every query against) with the one of the npm package
# @octokit/graphql-schema (MIT), downloaded with `npm pack` into a temporary folder.
# Usage: scripts/refresh-graphql-schema.sh [version]   (default: the newest; from anywhere)
# Afterwards: update the version in src/test/resources/github/README.md and run
#   ./mvnw -B -ntp -q test -Dtest=GraphQlQueriesTest
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(npm view @octokit/graphql-schema version)}
target=src/test/resources/github/schema.graphql
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@octokit/graphql-schema@$version" >/dev/null)
tar -xzf "$tmp"/octokit-graphql-schema-*.tgz -C "$tmp" package/schema.graphql
cp "$tmp/package/schema.graphql" "$target"
echo "$target: @octokit/graphql-schema@$version"
