#!/usr/bin/env bash
# Regenerates docs/metrics.md, the metric catalog, from the metric definitions in the code
# (MetricDef and each family's DEFS in src/main/java/io/repovitals/metrics) with CatalogDocument.
# MetricCatalogTest fails when the committed file differs from what this writes.
# Usage: scripts/generate-metrics-doc.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${MVN_OFFLINE:-} -DskipTests test-compile
./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/metrics-doc.classpath
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/metrics-doc.classpath)" \
    io.repovitals.metrics.CatalogDocument docs/metrics.md
