#!/usr/bin/env bash
# The native executable against the jar (issue 17). First the parity check (NativeParityCheck: the
# same --version, the same demo report.md and PNG charts, the same snapshot from collect against
# the fake GitHub), then start-up: median wall seconds of `--version` and of `demo`, and the demo's
# peak RSS, for target/repo-vitals and for the jar on the JVM with an application class-data-sharing
# archive (the container image's flags). Goal: native <= 1/4 of the JVM's start-up, demo RSS <= 1/2.
# Prints a table; judges nothing but the parity check.
# Usage: bench/native.sh [repeats]   (default 5; needs target/repo-vitals from scripts/native-build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-5}"
[ -x target/repo-vitals ] || { echo "error: target/repo-vitals is missing: run bash scripts/native-build.sh first" >&2; exit 1; }
[ -s target/repo-vitals.jar ] || { echo "error: target/repo-vitals.jar is missing: run ./mvnw package first" >&2; exit 1; }

echo "== parity: NativeParityCheck (jar and native executable, same inputs)"
./mvnw -B -ntp -q test -Dtest=NativeParityCheck -Dsurefire.failIfNoSpecifiedTests=false \
  -Drepovitals.native="$PWD/target/repo-vitals" -Drepovitals.jar="$PWD/target/repo-vitals.jar"
echo "   passed"

work="$(mktemp -d /tmp/native-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true)
# The archive is written by one training run of the demo, as the Dockerfile's jvm stage does.
java -XX:ArchiveClassesAtExit="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${jvm_flags[@]}" \
  -jar target/repo-vitals.jar demo --output-dir "$work/training" >/dev/null
jvm=(java -XX:SharedArchiveFile="$work/app.jsa" -Xshare:auto "${jvm_flags[@]}" -jar target/repo-vitals.jar)
native=(target/repo-vitals)

# Prints "median_seconds max_rss_mb" of $repeats runs of the command.
measure() {
  local i
  for ((i = 0; i < repeats; i++)); do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1
    cat "$work/time"
  done | sort -n | awk '{ t[NR] = $1; if ($2 > rss) rss = $2 } END { printf "%.3f %.0f\n", t[int((NR + 1) / 2)], rss / 1024 }'
}

read -r jvm_version _ < <(measure "${jvm[@]}" --version)
read -r native_version _ < <(measure "${native[@]}" --version)
read -r jvm_demo jvm_rss < <(measure "${jvm[@]}" demo --output-dir "$work/out")
read -r native_demo native_rss < <(measure "${native[@]}" demo --output-dir "$work/out")

echo
echo "| run ($repeats times, median) | JVM 17 + CDS | native | native / JVM |"
echo "| --- | ---: | ---: | ---: |"
awk -v a="$jvm_version" -v b="$native_version" 'BEGIN { printf "| --version, s | %.3f | %.3f | %.2f |\n", a, b, b / a }'
awk -v a="$jvm_demo" -v b="$native_demo" 'BEGIN { printf "| demo, s | %.3f | %.3f | %.2f |\n", a, b, b / a }'
awk -v a="$jvm_rss" -v b="$native_rss" 'BEGIN { printf "| demo peak RSS, MB | %.0f | %.0f | %.2f |\n", a, b, b / a }'
echo
echo "binary: $(du -h target/repo-vitals | cut -f1), shared libraries beside it: $(du -ch target/*.so | tail -1 | cut -f1)"
