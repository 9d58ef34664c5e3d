#!/usr/bin/env bash
# Regenerates the README's pictures from the bundled seed story:
#   docs/images/report.png  the first screen (1280×800) of the seeds' HTML report
#   docs/images/graph.svg   the seeds' story graph, as `isnad graph` exports it, drawn by Graphviz
# Needs chromium and graphviz (`apt-get install chromium graphviz`). Run from anywhere:
#   scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# A debug build is quick enough for five articles and shares the tests' build.
cargo build --quiet -p isnad
isnad=target/debug/isnad
out=docs/images
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# `check` exits 1 when a finding reaches --fail-on; the report is written either way.
"$isnad" check seeds/ --format html --output "$work/report.html" || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --window-size=1280,800 \
    --screenshot="$out/report.png" "file://$work/report.html" 2>/dev/null

"$isnad" graph seeds/ --format dot | dot -Tsvg -o "$out/graph.svg"

ls -l "$out/report.png" "$out/graph.svg"
