#!/usr/bin/env bash
# Collection benchmark (issue 3): RepositoryCollector against an in-process fake GitHub on 127.0.0.1
# (50 ms per request) serving a generated repository of about 100, 1,000 and 10,000 PRs per 90 days,
# for a weekly run and a first run with a 90-day backfill. Prints requests, the lower bound, their
# ratio, wall seconds and peak heap, then the same per collection. Not a unit test: it judges nothing.
# Usage: bench/collect.sh [sizes...]   (from anywhere; JAVA_OPTS passes JVM options, e.g. JAVA_OPTS=-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.repovitals.bench.CollectionBenchmark "$@"
