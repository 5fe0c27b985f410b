#!/usr/bin/env bash
# Benchmark of export (issue 7): 3 years of daily snapshots of 20 repositories written to each
# file format; prints records, seconds (export step only) and file sizes.
# Usage: bench/export.sh   (from anywhere; JAVA_OPTS passes JVM options, e.g. JAVA_OPTS=-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -DskipTests test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.repovitals.export.ExportBench
