#!/usr/bin/env bash
# Times briefs against Hugo and the floor program on the generated benchmark corpus.
#
#   bench/compare.sh [N] [RUNS]     N article pairs (default 10000), RUNS runs each (default 3)
#
# Environment: SEED (default 1) picks the corpus; HUGO (default hugo) the Hugo binary;
# KEEP=1 keeps the work folder (printed) instead of deleting it.
#
# The corpus comes from package internal/testcorpus (site.toml + content/, N pairs of
# .zh.md/.en.md briefs). All three programs read the same files and write everything
# anew into an empty folder on every run (a cold build; Hugo also gets a fresh
# --cacheDir and resources folder):
#
#   briefs  per language: the home page, each section paginated 10 to a page, each brief
#           (tags, translation link, 5 related briefs), the tags page, each tag
#           paginated 10 to a page, an RSS feed of 20 items for the home page, each
#           section and each tag, and a 404 page; for the site: /index.html (language
#           choice), /404.html, sitemap.xml, robots.txt and the theme's CSS file.
#   hugo    the same pages from bench/hugo (hugo.toml and layouts written to match
#           briefs' theme), with Hugo's own RSS and sitemap templates. It writes one
#           sitemap per language plus an index, no root 404.html and no CSS file, and a
#           redirect at <list>/page/1/ for every paginated list: a few % more files.
#   floor   one HTML fragment per .md file: front matter split off, Markdown rendered by
#           goldmark with GFM, written out, on all cores (bench/floor). No templates, no
#           list pages: the least work any generator must do.
#   floor-pretty  the same with a folder per page (<page>/index.html), as pretty URLs
#           need: a reference for how much of the gap to the floor is the file
#           system's. The target stays the floor.
#
# Runs alternate (briefs, hugo, floor, floor-pretty, briefs, hugo, ...) because on a shared
# 2-core machine the speed drifts over minutes; each starts after a sync (and, as root,
# with the kernel's caches dropped and the inputs read back in: see settle), and is timed
# by /usr/bin/time (wall, user+sys CPU, peak RSS). The table shows medians and the ratios of briefs to the
# others; the target is briefs within 1.6x of the floor's wall time.
#
# Needs Go; installs Debian's hugo (0.111.3) and GNU time with apt-get when missing.
set -euo pipefail

N=${1:-10000}
RUNS=${2:-3}
SEED=${SEED:-1}
HUGO=${HUGO:-hugo}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
TOOLS=(briefs hugo floor floor-pretty)

# apt_install PACKAGE... installs Debian packages, refreshing the package lists only when
# the first attempt fails.
apt_install() {
  echo "compare.sh: installing $*" >&2
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}

[ -x /usr/bin/time ] || apt_install time
command -v "$HUGO" >/dev/null || { [ "$HUGO" = hugo ] && apt_install hugo; } || { echo "compare.sh: $HUGO not found" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefs-compare.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "work folder: $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/bin" "$WORK/out" "$WORK/log"

(cd "$ROOT" && go build -o "$WORK/bin/briefs" ./cmd/briefs &&
  go build -o "$WORK/bin/floor" ./bench/floor &&
  go build -o "$WORK/bin/gencorpus" ./internal/testcorpus/gencorpus)
"$WORK/bin/gencorpus" -n "$N" -seed "$SEED" -out "$WORK/site"
mkdir -p "$WORK/hugo"
cp -r "$HERE/hugo/hugo.toml" "$HERE/hugo/layouts" "$WORK/hugo/"

# settle puts the machine in the same state before every run. sync flushes the
# previous run's writes, or their write-back would be charged to this run. Then, when
# the script may (as root), it drops the kernel's caches and reads the inputs and
# programs back in, so that every run starts from the same cache. Outputs are kept
# until the script ends (about 1.6 GB a round at N = 10,000): ext4 without a journal,
# as on these machines, skips every inode freed in the last minute when it makes a
# file, and deleting the previous run's 50,000 files and folders cost the next run up
# to twice its time, whichever tool it was.
settle() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 >/proc/sys/vm/drop_caches
    find "$WORK/site" "$WORK/hugo" "$WORK/bin" -type f -exec cat {} + >/dev/null
    cat "$(command -v "$HUGO")" >/dev/null
  fi
}

# run TOOL RUN times one cold build and appends "tool run wall cpu rss_kib files" to
# $WORK/results.
run() {
  # Every run writes a folder of its own, and none is deleted before the end: see settle.
  local tool=$1 n=$2 out="$WORK/out/$1.$2"
  rm -rf "$WORK/cache" "$WORK/hugo/resources"
  settle
  local cmd
  case $tool in
    briefs) cmd=("$WORK/bin/briefs" build -s "$WORK/site" -o "$out") ;;
    hugo) cmd=("$HUGO" --quiet -s "$WORK/hugo" --contentDir "$WORK/site/content" -d "$out" --cacheDir "$WORK/cache") ;;
    floor) cmd=("$WORK/bin/floor" -in "$WORK/site/content" -out "$out") ;;
    floor-pretty) cmd=("$WORK/bin/floor" -pretty -in "$WORK/site/content" -out "$out") ;;
  esac
  if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "${cmd[@]}" >"$WORK/log/$tool.$n" 2>&1; then
    echo "compare.sh: $tool failed (run $n):" >&2
    tail -20 "$WORK/log/$tool.$n" >&2
    exit 1
  fi
  local files
  files=$(find "$out" -type f | wc -l)
  tail -1 "$WORK/time" | awk -v t="$tool" -v n="$n" -v f="$files" \
    '{ printf "%s %d %.2f %.2f %d %d\n", t, n, $1, $2 + $3, $4, f }' >>"$WORK/results"
}

echo "briefs $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?'), $("$HUGO" version | cut -d' ' -f1-2), $(go version | cut -d' ' -f3)"
echo "N=$N pairs ($(find "$WORK/site/content" -name '*.md' | wc -l) .md files, $(du -sb "$WORK/site/content" | awk '{ printf "%.1f", $1 / 1e6 }') MB), seed $SEED, $(nproc) CPUs, $RUNS cold runs each, alternating"
for n in $(seq 1 "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    run "$tool" "$n"
  done
done

echo
echo "runs (tool, run, wall s, CPU s, peak RSS KiB, files):"
sed 's/^/  /' "$WORK/results"
echo
# The table: medians per tool, then the ratios of briefs to Hugo and to the floor.
awk '
  function median(tool, col,    n, i, j, v, t) {
    n = 0
    for (i = 1; i <= rows; i++) if (name[i] == tool) v[++n] = val[i, col]
    for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  { rows++; name[rows] = $1; for (c = 3; c <= 6; c++) val[rows, c] = $c }
  END {
    printf "| %-19s | %8s | %8s | %13s | %7s |\n", "median", "wall s", "CPU s", "peak RSS MiB", "files"
    printf "| %-19s | %8s | %8s | %13s | %7s |\n", "---", "---:", "---:", "---:", "---:"
    split("briefs hugo floor floor-pretty", tools, " ")
    for (i = 1; i <= 4; i++) {
      t = tools[i]
      for (c = 3; c <= 6; c++) m[t, c] = median(t, c)
      printf "| %-19s | %8.2f | %8.2f | %13.0f | %7d |\n", t, m[t, 3], m[t, 4], m[t, 5] / 1024, m[t, 6]
    }
    for (i = 2; i <= 4; i++) {
      t = tools[i]
      printf "| %-19s | %7.2fx | %7.2fx | %12.2fx | %7s |\n", "briefs/" t, m["briefs", 3] / m[t, 3], m["briefs", 4] / m[t, 4], m["briefs", 5] / m[t, 5], ""
    }
  }' "$WORK/results"
