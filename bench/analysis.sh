#!/usr/bin/env bash
# Times the analysis of 20 repositories x 3 years of daily snapshots generated in memory (issue 5).
# Usage: bench/analysis.sh [repos] [days] [runs]     defaults: 20 1095 5
#        bench/analysis.sh quality [seeds] [part]    defaults: 30 seeds, both parts (part: forecasts or anomalies)
#                                                    (issue 15: forecasts and anomalies on histories from known processes)
# Not a unit test: timings on a shared machine vary, so it prints figures and judges nothing.
# The JVM flags default to the container's (Dockerfile ENTRYPOINT, minus its CDS archive);
# override with BENCH_JAVA_OPTS, e.g. BENCH_JAVA_OPTS="" for the JDK defaults (C2, G1).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
opts="${BENCH_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
main=io.repovitals.analyze.AnalysisBenchmark
if [ "${1:-}" = quality ]; then
    shift
    main=io.repovitals.analyze.AnalysisQualityBench
fi
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2) ${opts:-(default flags)} -Xmx1g"
# shellcheck disable=SC2086
exec java $opts -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    "$main" "$@"
