# What bench/compare.sh and bench/gap.sh share, sourced by both: where the shared
# corpus generator is, and how every timed run starts from the same machine state.

# find_shared sets SHARED, unless the caller set it, to the shared benchmark folder
# (with gencorpus/ and hugo/) beside the checkout at ROOT, else /work/shared/bench.
find_shared() {
  [ -n "${SHARED:-}" ] && return
  SHARED=/work/shared/bench
  local d
  for d in "$1/../shared/bench" "$1/../../shared/bench"; do
    [ -d "$d/gencorpus" ] && { SHARED=$(cd "$d" && pwd); break; }
  done
}

# settle_with FILE_OR_FOLDER... puts the machine in the same state before a run. sync
# flushes the previous run's writes, or their write-back would be charged to this run.
# Then, when the script may (as root), it drops the kernel's caches and reads the given
# inputs and programs back in (a link named is followed), so that every run starts from
# the same cache.
settle_with() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 >/proc/sys/vm/drop_caches
    find -H "$@" -type f -exec cat {} + >/dev/null 2>&1 || true
  fi
}
