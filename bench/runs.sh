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

# out_fs DIR INODES puts the timed runs' outputs on a new file system, and sets OUT to
# the folder they go in and OUTFS_NOTE to a line saying which one it is.
#
# Why: these machines' root file system is ext4 with no journal. There the kernel's
# inode allocator (find_inode_bit and recently_deleted in fs/ext4/ialloc.c) passes over
# every free inode of a block group that was freed in the last minute or more, and scans
# them all again for each new file and folder: after deletions, by any program, a file
# or folder cost 30 to 180 µs where it costs under 40 µs on a fresh file system (12,000
# made in 0.41 to 2.2 s in five folders of the same disk within minutes, 0.45 s on a
# fresh one). That noise falls on each tool by how many it makes: briefs 13,270 at
# 2,000 pairs, the floor 4,020.
#
# So, as root and unless OUTFS=disk, out_fs makes an ext4 file system with mkfs.ext4's
# defaults (a journal, as a Linux user's disk has) in an image file DIR/fs.img, with room
# for INODES files and folders, all its inode tables written now (no lazy init thread
# writing them during the runs), and mounts it at DIR/fs. Elsewhere, or when the loop
# mount fails, OUT is DIR/out on the machine's own disk. out_fs_end unmounts it.
out_fs() {
  local dir=$1 inodes=$2 mib
  OUT=$dir/out
  OUTFS_NOTE="outputs on the machine's own disk ($(findmnt -n -o FSTYPE -T "$dir" 2>/dev/null || echo '?'), OUTFS=disk or not root)"
  mkdir -p "$OUT"
  [ "${OUTFS:-fresh}" != disk ] && [ "$(id -u)" = 0 ] || return 0
  mib=$((inodes / 64 + 1024)) # 16 KiB an inode on average; the image is sparse
  mkdir -p "$dir/fs"
  if truncate -s "${mib}M" "$dir/fs.img" &&
    mkfs.ext4 -q -F -N "$inodes" -E lazy_itable_init=0,lazy_journal_init=0 "$dir/fs.img" >/dev/null &&
    mount -o loop "$dir/fs.img" "$dir/fs"; then
    OUT=$dir/fs
    OUTFS_NOTE="outputs on a fresh ext4 file system with a journal (loop device, $((mib / 1024)) GiB, $inodes inodes; OUTFS=disk for the machine's own disk)"
  else
    rm -f "$dir/fs.img"
    OUTFS_NOTE="outputs on the machine's own disk ($(findmnt -n -o FSTYPE -T "$dir" 2>/dev/null || echo '?'): no fresh file system could be made or mounted here)"
    echo "out_fs: no fresh file system (mkfs.ext4 or the loop mount failed, above); the outputs go on the machine's own disk" >&2
  fi
}

# out_fs_end unmounts what out_fs mounted in DIR, if anything; the caller then deletes DIR.
out_fs_end() {
  if mountpoint -q "$1/fs" 2>/dev/null; then
    umount "$1/fs" 2>/dev/null || umount -l "$1/fs"
  fi
}
