#!/usr/bin/env bash
# Regenerates the sample history bundled for `repo-vitals demo` (src/main/resources/repovitals/demo/)
# from fixed seeds: 200 daily snapshots of acme/rocket and acme/launchpad (SampleHistoryGenerator).
# SampleHistoryGeneratorTest fails when the bundled files differ from what this writes.
# Usage: scripts/generate-demo-history.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/repovitals/demo
./mvnw -B -q ${MVN_OFFLINE:-} -DskipTests test-compile
./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/demo.classpath
rm -rf "$out"
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/demo.classpath)" \
    io.repovitals.demo.SampleHistoryGenerator "$out"
