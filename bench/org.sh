#!/usr/bin/env bash
# Organisation benchmark (issue 16): `repo-vitals collect --organizations acme` (target/repo-vitals.jar, in its
# own JVM, in Actions mode) against an in-process fake organisation of 200 and 1,000 repositories (70 % quiet,
# 25 % light, 5 % busy; some archived, forks and empty) at 50 ms a request. Prints requests (GraphQL, REST),
# requests per repository, GraphQL cost, wall seconds, annotations, log lines and peak RSS. BEFORE_JAR=path
# also runs another build's jar (e.g. of the commit before) and compares the active repositories' snapshots.
# Not a unit test: it judges nothing.
# Usage: bench/org.sh [sizes...]   (from anywhere; JAVA_OPTS passes JVM options to the benchmark's own JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
jars=()
if [[ -n "${BEFORE_JAR:-}" ]]; then jars+=(--jar "$BEFORE_JAR"); fi
jars+=(--jar target/repo-vitals.jar)
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.repovitals.bench.OrgBenchmark "${jars[@]}" "$@"
