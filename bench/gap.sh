#!/usr/bin/env bash
# Where briefs' CPU goes beyond floor -same's, part by part, from CPU profiles.
#
#   bench/gap.sh [N] [RUNS]   N pairs of the shared corpus (default 2000), RUNS
#                             profiles of each program (default 3), alternating
#
# floor -same (see bench/floor) reads and renders the corpus as the floor does and
# writes exactly the files briefs wrote, with no templates: briefs' CPU above it is
# what briefs' own work costs (layouts, page graph, feeds, front matter, and the
# garbage they make). The script builds the corpus once with briefs, packs that
# output for floor -same, then profiles `briefs build --cpuprofile` and `floor -same
# -cpuprofile` in turn, each after a sync (and, as root, with the kernel's caches
# dropped and the inputs read back in, as bench/compare.sh does), each into a new
# folder. Every sample is put in the first part whose functions are on its stack:
#
#   gc         the garbage collector's own work: background marking, assists, sweeping
#   write      making the output's folders and files (internal/output, floor's writers)
#   markdown   goldmark and briefs' extensions (internal/markdown)
#   read       reading and parsing content files (internal/content, os.ReadFile)
#   layouts    html/template, text/template and the compiled layouts (internal/render)
#   feeds      feeds, sitemap, search index (internal/feed, sitemap, search)
#   graph      the page graph (internal/site) and the build's other bookkeeping
#   runtime    the rest: the scheduler, allocation outside the parts above, start-up
#
# and the table gives each part's median CPU seconds for both programs and the
# difference. SHARED names the folder of the shared corpus generator, as in
# bench/compare.sh; KEEP=1 keeps the work folder (printed) with its profiles (and the
# outputs in its fs.img, unmounted, when they went on a fresh file system; see out_fs
# in bench/runs.sh, OUTFS=disk for the machine's own disk).
set -euo pipefail

N=${1:-2000}
RUNS=${2:-3}
SEED=${SEED:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
. "$HERE/runs.sh"
find_shared "$ROOT"
[ -d "$SHARED/gencorpus" ] || { echo "gap.sh: no shared corpus generator in $SHARED/gencorpus (set SHARED)" >&2; exit 1; }

W=$(mktemp -d "${TMPDIR:-/tmp}/briefs-gap.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "work folder: $W" >&2
  trap 'out_fs_end "$W"' EXIT
else
  trap 'out_fs_end "$W"; rm -rf "$W"' EXIT
fi
mkdir -p "$W/bin" "$W/prof"
out_fs "$W" $(((2 * RUNS + 1) * N * 7 + 50000)) # briefs and floor -same: 6.6 files and folders a pair each
(cd "$ROOT" && go build -o "$W/bin/briefs" ./cmd/briefs && go build -o "$W/bin/floor" ./bench/floor)
(cd "$SHARED/gencorpus" && go build -o "$W/bin/sharedgen" .)
"$W/bin/sharedgen" -n "$N" -seed "$SEED" -out "$W/site" >&2
cp "$HERE/shared/site.toml" "$W/site/"
"$W/bin/briefs" build --quiet -s "$W/site" -o "$OUT/first"
"$W/bin/floor" -pack "$OUT/first" -out "$W/briefs.pack" >/dev/null

# settle: as in bench/compare.sh, every run starts from the same caches.
settle() { settle_with "$W/site" "$W/briefs.pack" "$W/bin"; }

for r in $(seq 1 "$RUNS"); do
  settle
  "$W/bin/briefs" build --quiet -s "$W/site" -o "$OUT/briefs.$r" --cpuprofile "$W/prof/briefs.$r"
  settle
  "$W/bin/floor" -same "$W/briefs.pack" -in "$W/site/content" -out "$OUT/same.$r" -cpuprofile "$W/prof/floor-same.$r" >/dev/null
done

# parts PROFILE prints "part seconds" for each part of one profile, from its stacks.
parts() {
  go tool pprof -traces "$1" 2>/dev/null | awk '
    function part(stack) {
      if (stack ~ /runtime\.gcBgMarkWorker|runtime\.gcAssistAlloc|runtime\.bgsweep|runtime\.bgscavenge|runtime\.markrootSpans/) return "gc"
      if (stack ~ /internal\/output\.|main\.writeSame|main\.makeDir/) return "write"
      if (stack ~ /yuin\/goldmark|internal\/markdown\./) return "markdown"
      if (stack ~ /internal\/content\.|os\.ReadFile/) return "read"
      if (stack ~ /internal\/render\.|html\/template|text\/template/) return "layouts"
      if (stack ~ /internal\/(feed|sitemap|search)\./) return "feeds"
      if (stack ~ /internal\/(site|build)\./) return "graph"
      return "runtime"
    }
    function flush() { if (val != "") t[part(stack)] += val; val = ""; stack = "" }
    function seconds(s) {
      if (s ~ /ms$/) return substr(s, 1, length(s) - 2) / 1000
      if (s ~ /us$/) return substr(s, 1, length(s) - 2) / 1e6
      if (s ~ /s$/) return substr(s, 1, length(s) - 1) + 0
      return 0
    }
    /^-+\+-+$/ { flush(); next }
    /^ +[0-9.]+(ms|us|s) / { flush(); val = seconds($1); stack = $2; next }
    val != "" { stack = stack " " $1 }
    END { flush(); for (p in t) printf "%s %.3f\n", p, t[p] }'
}

for tool in briefs floor-same; do
  for r in $(seq 1 "$RUNS"); do
    parts "$W/prof/$tool.$r" | sed "s/^/$tool $r /"
  done
done >"$W/parts"

echo "briefs $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?'), shared corpus N=$N seed $SEED, $(nproc) CPUs, $RUNS profiles each, alternating"
echo "$OUTFS_NOTE"
awk -v runs="$RUNS" '
  function median(tool, p,    n, i, j, v, x) {
    n = 0
    for (i = 1; i <= runs; i++) v[++n] = s[tool, i, p] + 0
    for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  { s[$1, $2, $3] = $4; s[$1, $2, "total"] += $4 }
  END {
    split("gc write markdown read layouts feeds graph runtime total", order, " ")
    printf "| %-9s | %12s | %12s | %12s |\n", "CPU s", "briefs", "floor-same", "difference"
    printf "| %-9s | %12s | %12s | %12s |\n", "---", "---:", "---:", "---:"
    for (i = 1; i <= 9; i++) {
      p = order[i]; b = median("briefs", p); f = median("floor-same", p)
      printf "| %-9s | %12.2f | %12.2f | %+12.2f |\n", p, b, f, b - f
    }
  }' "$W/parts"
