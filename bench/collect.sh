#!/usr/bin/env bash
# Collection benchmark (issue 3): RepositoryCollector against an in-process fake GitHub on 127.0.0.1
# (50 ms per request) serving a generated repository of about 100, 1,000 and 10,000 PRs per 90 days,
# for a weekly run and a first run with a 90-day backfill, each three ways: commits from the API (no
# clone, git-fetch-max-mb 0), from a clone in the workspace, and fetched over git smart HTTP from an
# in-process server (issue 13; the model's commits written as a git repository). Prints requests, the
# lower bound, their ratio, wall seconds, git MB and seconds fetched and peak heap, then the requests
# per collection. Not a unit test: it judges nothing.
# Usage: bench/collect.sh [sizes...]   (from anywhere; JAVA_OPTS passes JVM options, e.g. JAVA_OPTS=-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.repovitals.bench.CollectionBenchmark "$@"
