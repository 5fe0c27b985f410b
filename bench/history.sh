#!/usr/bin/env bash
# Benchmark of the history branch (issues 4 and 19): writes 3 years of daily snapshots of 1 and of 20
# repositories into a bare repository, then times a fresh run fetching and loading them, and the
# whole history step (fetch, load, save, push) of a weekly run and of a run filling a 30-day gap.
# Usage: bench/history.sh   (from anywhere; JAVA_OPTS passes JVM options, e.g. JAVA_OPTS=-Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.repovitals.store.HistoryBench
