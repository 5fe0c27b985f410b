#!/usr/bin/env bash
# The container action as users get it: builds the image from the Dockerfile, then runs its
# entrypoint the way GitHub's runner runs a container action, against an in-process fake GitHub
# (src/test/java/io/repovitals/bench/ContainerActionCheck.java says what is checked).
#
# With a working Docker engine: docker build + docker run. Without one (these machines): podman
# builds the image (--isolation chroot) and the entrypoint runs in the image's file system under
# chroot, inside a network namespace of its own whose only peer is the fake. No registry is
# reachable here, so the one base image the Dockerfile names, debian:bookworm-slim, is made
# locally with mmdebstrap (with this machine's CA certificates, so that apt and Maven inside the
# build trust the same servers the host does).
#
# TARGET=native checks the Dockerfile's native target instead (the GraalVM executable; its build
# stage runs scripts/native-build.sh on eclipse-temurin:25.0.3_9-jdk). Where that image cannot be
# pulled, a stand-in is made from this machine's Temurin 25 of the same build (NATIVE_JAVA_HOME),
# at the path the official image has it (/opt/java/openjdk), on the local Debian base.
#
# Usage: scripts/container-check.sh [--runs N] [--latency MS] [--prs N]   (needs root or sudo)
# Env: IMAGE (default localhost/repo-vitals:check, or :native), TARGET (jvm, the default, or native),
#      KEEP_WORK=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${TARGET:-jvm}"
case "$target" in jvm | native) ;; *) echo "error: TARGET=$target is not a target of the Dockerfile: use jvm or native" >&2; exit 1 ;; esac
if [ "$target" = native ]; then image="${IMAGE:-localhost/repo-vitals:native}"; else image="${IMAGE:-localhost/repo-vitals:check}"; fi
base="docker.io/library/debian:bookworm-slim"
sudo_if_needed=""
if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
work="$(mktemp -d /tmp/container-check.XXXXXX)"
build_log="$work/build.log"
cleanup() { [ "${KEEP_WORK:-0}" = 1 ] || $sudo_if_needed rm -rf "$work"; }
trap cleanup EXIT

seconds_since() { echo "$(( $(date +%s) - $1 ))"; }

if docker info >/dev/null 2>&1; then
  engine=docker
  build=(docker build --target "$target" -t "$image" .)
else
  engine=chroot
  missing=()
  for tool in podman mmdebstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]} from Debian's packages"
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq podman buildah mmdebstrap uidmap >/dev/null
  fi
  if ! $sudo_if_needed podman image exists "$base"; then
    echo "== making $base locally (mmdebstrap bookworm, minbase)"
    started=$(date +%s)
    # What the slim image leaves out (documentation, manuals, locales) is left out here too.
    $sudo_if_needed mmdebstrap --quiet --variant=minbase --include=ca-certificates \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --customize-hook='if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"; fi' \
      --customize-hook='chroot "$1" update-ca-certificates >/dev/null' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
      bookworm "$work/bookworm.tar"
    $sudo_if_needed podman import --quiet --change 'CMD ["bash"]' "$work/bookworm.tar" "$base" >/dev/null
    rm -f "$work/bookworm.tar"
    echo "   made in $(seconds_since "$started") s"
  fi
  temurin="docker.io/library/eclipse-temurin:25.0.3_9-jdk"
  if [ "$target" = native ] && ! $sudo_if_needed podman image exists "$temurin"; then
    jdk="${NATIVE_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
    if ! "$jdk/bin/java" -version 2>&1 | grep -q 'Temurin-25.0.3+9'; then
      echo "error: $temurin cannot be pulled here and NATIVE_JAVA_HOME=$jdk is not Temurin 25.0.3+9 to stand in for it" >&2
      exit 1
    fi
    echo "== making a stand-in for $temurin from $jdk"
    mkdir -p "$work/temurin"
    cp -a "$jdk" "$work/temurin/openjdk"
    # The official image's trust store is the JDK's own; the host's adds what its network needs.
    if [ -s /etc/ssl/certs/java/cacerts ]; then cp /etc/ssl/certs/java/cacerts "$work/temurin/openjdk/lib/security/cacerts"; fi
    printf '%s\n' 'FROM debian:bookworm-slim' 'COPY openjdk /opt/java/openjdk' \
      'ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
      > "$work/temurin/Containerfile"
    $sudo_if_needed podman build --isolation chroot --pull=never -q -t "$temurin" -f "$work/temurin/Containerfile" "$work/temurin" >/dev/null
    rm -rf "$work/temurin"
  fi
  build=($sudo_if_needed podman build --isolation chroot --pull=never --target "$target" -t "$image" .)
fi

echo "== building $image from the Dockerfile ($engine)"
started=$(date +%s)
if ! "${build[@]}" >"$build_log" 2>&1; then
  echo "error: the image does not build from the Dockerfile; what the build said:" >&2
  grep -E '^(error|Error|ERROR)|error:|not found|No such file' "$build_log" | grep -v '^\[' | sort -u | tail -20 >&2 || true
  echo "--- last lines of the build log:" >&2
  tail -25 "$build_log" >&2
  exit 1
fi
echo "   built in $(seconds_since "$started") s"
if [ "$engine" = chroot ]; then
  echo "   image size: $($sudo_if_needed podman image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}')" \
       "(base $($sudo_if_needed podman image inspect --format '{{.Size}}' "$base" | awk '{printf "%.0f MB", $1/1e6}'))"
fi

echo "== running the entrypoint as GitHub's runner does, against the fake GitHub"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/check.classpath
java_cmd=(java -cp "target/test-classes:target/classes:$(cat target/check.classpath)"
  io.repovitals.bench.ContainerActionCheck --image "$image" --engine "$engine" --work "$work/check" "$@")
if [ "$engine" = chroot ]; then
  # A network namespace of its own: loopback only, so the fake is all the run can reach.
  $sudo_if_needed unshare --net sh -c 'ip link set lo up && exec "$@"' check "${java_cmd[@]}"
else
  "${java_cmd[@]}"
fi
