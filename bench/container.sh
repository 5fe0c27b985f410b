#!/usr/bin/env bash
# Start-up of the container image (issue 12): the entrypoint's --version, with the class-data-sharing
# archive the image ships and without it, and a daily run against the fake GitHub at 50 ms per
# request (the container check's runs: the first with its 90-day backfill, then the daily run).
# Not a test: it judges nothing. Needs root or sudo, like scripts/container-check.sh, which it runs
# first (that builds the image). Usage: bench/container.sh [repeats]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-10}"
image="${IMAGE:-localhost/repo-vitals:check}"
sudo_if_needed=""
if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi

echo "## daily run against the fake GitHub, 50 ms per request (100 PRs per 90 days)"
bash scripts/container-check.sh --latency 50 --runs 2 | sed -n '/^| run/,/^container check/p'

container="$($sudo_if_needed podman create "$image")"
root="$($sudo_if_needed podman mount "$container")"
$sudo_if_needed mount -t proc proc "$root/proc"
cleanup() {
  $sudo_if_needed umount "$root/proc" || true
  $sudo_if_needed podman umount "$container" >/dev/null || true
  $sudo_if_needed podman rm "$container" >/dev/null || true
}
trap cleanup EXIT
mapfile -t entrypoint < <($sudo_if_needed podman image inspect --format '{{range .Config.Entrypoint}}{{.}}{{"\n"}}{{end}}' "$image" | sed '/^$/d')
java="${entrypoint[0]}"
flags=("${entrypoint[@]:1}")

# Median wall seconds of $repeats runs of the given command inside the image.
median() {
  local times=()
  for _ in $(seq "$repeats"); do
    local t0 t1
    t0=$(date +%s%N)
    $sudo_if_needed chroot "$root" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000}'
}

# The archive is used: -Xshare:on refuses to start when it cannot be mapped, and the class-loading
# log says where each class came from.
$sudo_if_needed chroot "$root" "$java" "${flags[@]/-Xshare:auto/-Xshare:on}" --version >/dev/null
shared="$($sudo_if_needed chroot "$root" "$java" -Xlog:class+load=info "${flags[@]}" --version | grep -c 'source: shared objects file' || true)"
loaded="$($sudo_if_needed chroot "$root" "$java" -Xlog:class+load=info "${flags[@]}" --version | grep -c 'source: ' || true)"
without=()
for flag in "${flags[@]}"; do
  case "$flag" in -XX:SharedArchiveFile=*|-Xshare:*) ;; *) without+=("$flag") ;; esac
done

echo
echo "## entrypoint --version inside the image, median of $repeats (chroot, $(nproc) cores)"
echo "| variant | seconds | classes from the CDS archive |"
echo "|---|---:|---:|"
echo "| entrypoint as shipped (app CDS archive) | $(median "$java" "${flags[@]}" --version) | $shared of $loaded |"
echo "| without the app archive (JDK's base archive only) | $(median "$java" "${without[@]}" --version) | |"
echo "| no class sharing at all (-Xshare:off) | $(median "$java" -Xshare:off "${without[@]}" --version) | |"

echo
echo "## the offline demo inside the image (2 repositories, 400 snapshots, 16 charts), median of $repeats"
echo "| variant | seconds |"
echo "|---|---:|"
echo "| entrypoint as shipped (app CDS archive) | $(median "$java" "${flags[@]}" demo --output-dir /tmp/bench-demo) |"
echo "| without the app archive | $(median "$java" "${without[@]}" demo --output-dir /tmp/bench-demo) |"
$sudo_if_needed rm -rf "$root/tmp/bench-demo"
