#!/usr/bin/env bash
# Regenerates the README's two pictures from the offline demo, as a browser shows the rendered report:
#   docs/demo-first-screen.png  the first screen of the demo's report.html (1280x800)
#   docs/demo-report.png        the acme/rocket weekly report alone, from its heading down (1000x1760)
# Needs the jar (./mvnw -B -q -DskipTests package) and a headless Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/repo-vitals.jar
[ -f "$jar" ] || { echo "error: $jar is missing; build it with ./mvnw -B -q -DskipTests package" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "error: no headless Chromium found (Debian: apt-get install chromium)" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -jar "$jar" demo --output-dir "$out/demo" >/dev/null

# The weekly report of one repository: the page's head (its style) and that repository's section only.
python3 - "$out/demo/report.html" "$out/rocket.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
start = page.index("<h2>repo-vitals: acme/rocket")
end = page.find("<h2>", start + 4)
head = page[:page.index("<main")]
main_open = page[page.index("<main"):page.index(">", page.index("<main")) + 1]
open(sys.argv[2], "w", encoding="utf-8").write(head + main_open + page[start:end if end > 0 else None] + "</main></body></html>")
PY

shot() { # url width height file
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$2,$3" --screenshot="$4" "$1" >/dev/null 2>&1
  [ -s "$4" ] || { echo "error: $browser wrote no $4" >&2; exit 1; }
  echo "wrote $4"
}
shot "file://$out/demo/report.html" 1280 800 docs/demo-first-screen.png
shot "file://$out/rocket.html" 1000 1760 docs/demo-report.png
