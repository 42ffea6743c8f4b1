#!/usr/bin/env bash
# Times briefs against Hugo and the floor program, on one or more corpora.
#
#   bench/compare.sh [N] [RUNS] [CORPUS...]   N article pairs (default 10000), RUNS runs
#                                             each (default 3); a table per CORPUS
#
# A CORPUS is one of (default: own shared, so both tables):
#
#   own     the project's corpus, made by package internal/testcorpus: site.toml +
#           content/, every figure a {{< num >}} shortcode (about 94 a page); Hugo's
#           side is bench/hugo (hugo.toml and layouts written to match briefs' theme:
#           the same pages, feeds, pagination and related briefs, and a num shortcode).
#   shared  the shared corpus, made by ../shared/bench/gencorpus (SHARED names that
#           folder; default: the shared/bench beside this checkout, or /work/shared/bench):
#           plain Markdown, no shortcodes, the common case. briefs' side is
#           bench/shared/site.toml. Hugo runs twice per round: "hugo" with that folder's
#           hugo/ (its own layouts: full lists, no pagination or related pages, so fewer
#           and lighter pages than briefs), and "hugo-same" with bench/hugo, the layouts
#           written to make briefs' pages (pagination, related briefs, feeds), which the
#           shared corpus's front matter (title, date, tags, source, editor, summary,
#           translationKey) fills as the own corpus's does.
#   DIR     a site folder already made: DIR/content/ and, for briefs, DIR/site.toml
#           (else bench/shared/site.toml); for Hugo, DIR/hugo/ with hugo.toml and
#           layouts/ (else HUGOSITE, a folder with both). N is then only a label.
#
# Environment: SEED (default 1) picks the generated corpora; HUGO (default hugo) the
# Hugo binary; KEEP=1 keeps the work folder (printed) instead of deleting it (with
# the outputs in its fs.img, unmounted, when they went on a fresh file system);
# TEMPLATES=1 adds the briefs-templates row; OUTFS=disk writes the outputs on the machine's
# own disk instead of a fresh file system (below).
#
# All programs read the same files and write everything anew into an empty folder on
# every run (a cold build; Hugo also gets a fresh --cacheDir and resources folder):
#
#   briefs  per language: the home page, each section paginated 10 to a page, each brief
#           (tags, translation link, 5 related briefs), the tags page, each tag
#           paginated 10 to a page, an RSS feed of 20 items for the home page, each
#           section and each tag, and a 404 page; for the site: /index.html (language
#           choice), /404.html, sitemap.xml, robots.txt and the theme's CSS file.
#   hugo    on "own", the same pages, with Hugo's own RSS and sitemap templates. It
#           writes one sitemap per language plus an index, no root 404.html and no CSS
#           file, and a redirect at <list>/page/1/ for every paginated list: a few % more
#           files. On "shared", what the shared layouts make: every page, each list
#           whole on one page (fewer files than briefs), feeds and sitemaps.
#   hugo-same  on "shared" only: Hugo with bench/hugo, the pages briefs makes (as "hugo"
#           on "own"), the comparison issue 19's targets name.
#   floor   one HTML fragment per .md file: front matter split off, Markdown rendered by
#           goldmark with GFM, written out, on all cores (bench/floor). No templates, no
#           list pages: the least work any generator must do.
#   floor-pretty  the same with a folder per page (<page>/index.html), as pretty URLs
#           need: a reference for how much of the gap to the floor is the file
#           system's. The target stays the floor.
#   floor-same  the floor's reading and rendering (written nowhere) while it writes
#           exactly the files briefs wrote in its first run (same paths, same bytes,
#           a folder per page, every list page and feed), from a pack of that folder
#           made between the runs and read through mmap (floor -same): what any
#           program that writes briefs' output must spend, with no templates and no
#           page graph. briefs/floor-same is what briefs' own work costs; floor-same/
#           floor how much the output alone puts above the floor.
#   briefs-templates  with TEMPLATES=1 only: briefs with BRIEFS_TEMPLATES_ONLY=1,
#           every page through html/template, none through the compiled layouts.
#
# The outputs go on a file system of their own (as root; OUTFS=disk for the machine's
# disk): a fresh ext4 with a journal in a loop-mounted image, made when the script
# starts. These machines' own disk is ext4 with no journal, where each new file or folder
# costs more the more inodes were freed in the minutes before, by any program (see
# out_fs in bench/runs.sh): that noise, up to fivefold, fell on each tool by how many
# files and folders it makes, briefs three times the floor's.
#
# Runs alternate (briefs, hugo, floor, floor-pretty, floor-same, briefs, hugo, ...) because on a shared
# 2-core machine the speed drifts over minutes; each starts after a sync (and, as root,
# with the kernel's caches dropped and the inputs read back in: see settle), and is timed
# by /usr/bin/time (wall, user+sys CPU, peak RSS). Each table shows medians and the
# ratios of briefs to the others; the targets are briefs within 1.6x of the floor's wall
# time, and at most 0.2x Hugo's wall time and 0.15x its memory with Hugo making the same
# pages (hugo on "own", hugo-same on "shared"; the shared layouts' row is shown beside it).
#
# Needs Go; installs Debian's hugo (0.111.3) and GNU time with apt-get when missing.
set -euo pipefail

N=${1:-10000}
RUNS=${2:-3}
shift $(($# < 2 ? $# : 2))
CORPORA=("$@")
[ ${#CORPORA[@]} -gt 0 ] || CORPORA=(own shared)
SEED=${SEED:-1}
HUGO=${HUGO:-hugo}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
. "$HERE/runs.sh"
find_shared "$ROOT"

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
if [ "${KEEP:-0}" = 1 ]; then
  echo "work folder: $WORK" >&2
  trap 'out_fs_end "$WORK"' EXIT
else
  trap 'out_fs_end "$WORK"; rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK/bin"
# Every run's output is kept until its corpus's table is printed (see settle), and with
# KEEP=1 to the end: up to about 60 files and folders a pair a round for all the tools
# together. A site folder's pairs are counted from its .md files (N is only its label).
pairs=0
for corpus in "${CORPORA[@]}"; do
  case $corpus in
    own | shared) [[ $N =~ ^[0-9]+$ ]] || { echo "compare.sh: N must be a number of pairs, not $N" >&2; exit 2; }
      pairs=$((pairs + N)) ;;
    *) pairs=$((pairs + $(find "$corpus/content" -name '*.md' 2>/dev/null | wc -l) / 2 + 1)) ;;
  esac
done
out_fs "$WORK" $((pairs * RUNS * 60 + 50000))

(cd "$ROOT" && go build -o "$WORK/bin/briefs" ./cmd/briefs &&
  go build -o "$WORK/bin/floor" ./bench/floor &&
  go build -o "$WORK/bin/gencorpus" ./internal/testcorpus/gencorpus)

# prepare CORPUS fills $C/site (content/ and site.toml, for briefs) and $C/hugo
# (hugo.toml and layouts/), $C being the corpus's work folder.
prepare() {
  local corpus=$1 hugo
  case $corpus in
    own)
      "$WORK/bin/gencorpus" -n "$N" -seed "$SEED" -out "$C/site" >&2
      hugo=$HERE/hugo ;;
    shared)
      [ -d "$SHARED/gencorpus" ] || { echo "compare.sh: no shared corpus generator in $SHARED/gencorpus (set SHARED)" >&2; exit 1; }
      (cd "$SHARED/gencorpus" && go build -o "$WORK/bin/sharedgen" .)
      "$WORK/bin/sharedgen" -n "$N" -seed "$SEED" -out "$C/site" >&2
      cp "$HERE/shared/site.toml" "$C/site/"
      hugo=$SHARED/hugo ;;
    *)
      [ -d "$corpus/content" ] || { echo "compare.sh: $corpus: no content/ folder" >&2; exit 1; }
      mkdir -p "$C/site"
      cp -r "$corpus/content" "$C/site/" # a copy, not a link: the floor does not follow links
      if [ -f "$corpus/site.toml" ]; then cp "$corpus/site.toml" "$C/site/"; else cp "$HERE/shared/site.toml" "$C/site/"; fi
      hugo=${HUGOSITE:-$corpus/hugo} ;;
  esac
  [ -f "$hugo/hugo.toml" ] && [ -d "$hugo/layouts" ] || { echo "compare.sh: $hugo: no hugo.toml and layouts/ (set HUGOSITE)" >&2; exit 1; }
  mkdir -p "$C/hugo" "$C/log" "$OUT/$(basename "$C")"
  cp -r "$hugo/hugo.toml" "$hugo/layouts" "$C/hugo/"
  TOOLS=(briefs hugo floor floor-pretty floor-same) # the programs timed on this corpus, in turn
  if [ "$corpus" = shared ]; then
    mkdir -p "$C/hugo-same"
    cp -r "$HERE/hugo/hugo.toml" "$HERE/hugo/layouts" "$C/hugo-same/"
    TOOLS=(briefs hugo hugo-same floor floor-pretty floor-same)
  fi
  [ "${TEMPLATES:-0}" != 1 ] || TOOLS+=(briefs-templates)
}

# settle puts the machine in the same state before every run (settle_with, in
# bench/runs.sh), with this corpus's inputs and the programs read back in. Outputs are kept
# until the script ends (about 1.6 GB a round at N = 10,000): ext4 without a journal,
# as on these machines, skips every inode freed in the last minute when it makes a
# file, and deleting the previous run's 50,000 files and folders cost the next run up
# to twice its time, whichever tool it was.
settle() {
  settle_with "$C/site" "$C/hugo" "$C"/hugo-same "$C"/briefs.pack "$WORK/bin" "$(command -v "$HUGO")"
}

# run TOOL RUN times one cold build and appends "tool run wall cpu rss_kib files" to
# $C/results.
run() {
  # Every run writes a folder of its own, and none is deleted before the end: see settle.
  local tool=$1 n=$2 out="$OUT/$(basename "$C")/$1.$2"
  rm -rf "$C/cache" "$C/hugo/resources" "$C/hugo-same/resources"
  settle
  local cmd
  case $tool in
    briefs) cmd=("$WORK/bin/briefs" build -s "$C/site" -o "$out") ;;
    hugo | hugo-same) cmd=("$HUGO" --quiet -s "$C/$tool" --contentDir "$C/site/content" -d "$out" --cacheDir "$C/cache") ;;
    floor) cmd=("$WORK/bin/floor" -in "$C/site/content" -out "$out") ;;
    floor-pretty) cmd=("$WORK/bin/floor" -pretty -in "$C/site/content" -out "$out") ;;
    floor-same) cmd=("$WORK/bin/floor" -same "$C/briefs.pack" -in "$C/site/content" -out "$out") ;;
    briefs-templates) cmd=(env BRIEFS_TEMPLATES_ONLY=1 "$WORK/bin/briefs" build -s "$C/site" -o "$out") ;;
  esac
  if ! /usr/bin/time -f '%e %U %S %M' -o "$C/time" "${cmd[@]}" >"$C/log/$tool.$n" 2>&1; then
    echo "compare.sh: $tool failed (run $n):" >&2
    tail -20 "$C/log/$tool.$n" >&2
    exit 1
  fi
  # floor-same writes again what briefs wrote first: a pack of that folder, made
  # outside the timing, once per corpus.
  if [ "$tool" = briefs ] && [ ! -f "$C/briefs.pack" ]; then
    "$WORK/bin/floor" -pack "$out" -out "$C/briefs.pack" >/dev/null
  fi
  local files
  files=$(find "$out" -type f | wc -l)
  tail -1 "$C/time" | awk -v t="$tool" -v n="$n" -v f="$files" \
    '{ printf "%s %d %.2f %.2f %d %d\n", t, n, $1, $2 + $3, $4, f }' >>"$C/results"
}

# table prints the medians per tool of $C/results, then the ratios of briefs to Hugo
# and to the floor, and of floor-same to the floor.
table() {
  awk '
    function median(tool, col,    n, i, j, v, t) {
      n = 0
      for (i = 1; i <= rows; i++) if (name[i] == tool) v[++n] = val[i, col]
      for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { rows++; name[rows] = $1; for (c = 3; c <= 6; c++) val[rows, c] = $c }
    END {
      printf "| %-23s | %8s | %8s | %13s | %7s |\n", "median", "wall s", "CPU s", "peak RSS MiB", "files"
      printf "| %-23s | %8s | %8s | %13s | %7s |\n", "---", "---:", "---:", "---:", "---:"
      nt = split(list, tools, " ")
      for (i = 1; i <= nt; i++) {
        t = tools[i]
        for (c = 3; c <= 6; c++) m[t, c] = median(t, c)
        printf "| %-23s | %8.2f | %8.2f | %13.0f | %7d |\n", t, m[t, 3], m[t, 4], m[t, 5] / 1024, m[t, 6]
      }
      for (i = 2; i <= nt; i++) {
        t = tools[i]
        printf "| %-23s | %7.2fx | %7.2fx | %12.2fx | %7s |\n", "briefs/" t, m["briefs", 3] / m[t, 3], m["briefs", 4] / m[t, 4], m["briefs", 5] / m[t, 5], ""
      }
      if (m["floor-same", 3] > 0 && m["floor", 3] > 0)
        printf "| %-23s | %7.2fx | %7.2fx | %12.2fx | %7s |\n", "floor-same/floor", m["floor-same", 3] / m["floor", 3], m["floor-same", 4] / m["floor", 4], m["floor-same", 5] / m["floor", 5], ""
    }' list="${TOOLS[*]}" "$C/results"
}

echo "briefs $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?'), $("$HUGO" version | cut -d' ' -f1-2), $(go version | cut -d' ' -f3), $(nproc) CPUs, $RUNS cold runs each, alternating"
echo "$OUTFS_NOTE"
i=0
for corpus in "${CORPORA[@]}"; do
  i=$((i + 1))
  C=$WORK/corpus$i
  mkdir -p "$C"
  prepare "$corpus"
  for n in $(seq 1 "$RUNS"); do
    for tool in "${TOOLS[@]}"; do
      run "$tool" "$n"
    done
  done
  echo
  echo "corpus $corpus: N=$N pairs ($(find "$C/site/content" -name '*.md' | wc -l) .md files, $(du -sb "$C/site/content" | awk '{ printf "%.1f", $1 / 1e6 }') MB), seed $SEED"
  echo "runs (tool, run, wall s, CPU s, peak RSS KiB, files):"
  sed 's/^/  /' "$C/results"
  echo
  table
  # The outputs go once the table is printed: the next corpus starts on a clean disk.
  [ "${KEEP:-0}" = 1 ] || rm -rf "$C" "${OUT:?}/$(basename "$C")"
done
