#!/usr/bin/env bash
# The DKMS install check (issue 13): installs dune.ko the way a user of a Debian 13 machine would, then
# modprobes it in the test VM and runs a Dune program on it.
#
# Usage: tests/vm/dkms-check.sh --out DIR DUNE_PROGRAM
#
# 1. In the Debian 13 build root of kmod/build.sh (build/kmod/trixie-root, made with `kmod/build.sh
#    --pinned trixie` when missing: a trixie system with gcc-14, make and the pinned 6.12 headers at their
#    Debian paths), installs Debian's dkms package (DKMS_PKG_VERSION in versions.env, downloaded once into
#    build/vm/debs like the VM's other packages; apt-get pulls its dependencies), copies kmod/ to
#    /usr/src/dune-1 and runs `dkms add`, `dkms build` and `dkms install` for the pinned 6.12 kernel: the
#    module lands in /lib/modules/RELEASE/updates/dkms and dkms's depmod indexes it (the root gets the
#    kernel package's index files first, see below).
# 2. Boots the test VM on that kernel (run.sh --kernel trixie) with that /lib/modules tree (--modules) and
#    no --kmod: "dkms-modprobe" runs `modprobe -v dune` (busybox's modprobe, reading dkms's modules.dep)
#    and checks /dev/dune; "dkms-DUNE_PROGRAM" then runs DUNE_PROGRAM with DUNE_BACKEND=kmod.
# DIR gets run.sh's results (results.tsv, NAME.stdout, ...); the exit status is run.sh's, 4 if DKMS failed.
# Needs root (chroot), as the test VM's harness does.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${DUNE_VM_CACHE:-$repo/build/vm}

log() { echo "dkms-check: $*" >&2; }
die() { log "error: $1"; exit "${2:-4}"; }

out="" program=""
while (($#)); do
	case $1 in
	--out) out=${2:?}; shift 2 ;;
	-*) die "unknown option $1 (usage: dkms-check.sh --out DIR DUNE_PROGRAM)" 2 ;;
	*) program=$1; shift ;;
	esac
done
[[ -n $out && -x $program ]] || die "usage: dkms-check.sh --out DIR DUNE_PROGRAM (an executable)" 2

# shellcheck source=debs.sh
source "$here/debs.sh"
use_kernel trixie
root=$repo/build/kmod/trixie-root
[[ -e $root/usr/src/$HEADERS_PKG/.done ]] || "$repo/kmod/build.sh" --pinned trixie >/dev/null ||
	die "kmod/build.sh --pinned trixie could not make the trixie root"

# dkms itself, once per version (its dependencies come from the root's own trixie sources).
# The download cache (build/vm) is shared with the VM boots that run beside this check and unpack the same
# kernel package: use it under its lock, as run.sh and kmod/build.sh do (without it, a half-unpacked kernel
# package was read here, or removed under a boot).
cache_lock() { exec 9>"$cache/.lock" && flock 9; }
cache_unlock() { exec 9>&-; }
if [[ ! -e $root/.dkms-$DKMS_PKG_VERSION ]]; then
	cache_lock
	deb=$(cached_deb dkms "$DKMS_PKG_VERSION" trixie)
	cache_unlock
	log "installing dkms $DKMS_PKG_VERSION in $root"
	cp "$deb" "$root/tmp/dkms.deb"
	chroot "$root" apt-get -q update >&2 || die "apt-get update in the trixie root failed"
	chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/dkms.deb >&2 ||
		die "apt-get install dkms in the trixie root failed"
	rm -f "$root/tmp/dkms.deb"
	touch "$root/.dkms-$DKMS_PKG_VERSION"
fi

# A fresh add/build/install of the current sources: dkms's own steps, nothing done by hand.
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$repo/kmod/dkms.conf")
chroot "$root" dkms remove "dune/$version" --all >/dev/null 2>&1 || true
rm -rf "${root:?}/usr/src/dune-$version"
# The kernel itself is not installed in the root (only its headers), and dkms runs depmod only where the
# kernel's modules.dep exists (and removes an empty one with the last module): give the root the kernel
# package's module index files and run depmod, as that package's postinst would (its modules stay out: the
# guest has them already).
modules_dir=$root/usr/lib/modules/$KERNEL_RELEASE
if [[ ! -e $modules_dir/modules.dep ]]; then
	cache_lock
	image=$(unpacked "$KERNEL_PKG" "$KERNEL_PKG_VERSION" trixie)
	cp "$image/usr/lib/modules/$KERNEL_RELEASE"/modules.{order,builtin,builtin.modinfo} "$modules_dir/"
	cache_unlock
	chroot "$root" depmod -a "$KERNEL_RELEASE" || die "depmod in the trixie root failed"
fi
mkdir -p "$root/usr/src/dune-$version/include"
cp "$repo"/kmod/{dkms.conf,Makefile,Kbuild} "$repo"/kmod/*.c "$repo"/kmod/*.h "$repo"/kmod/*.S "$root/usr/src/dune-$version/"
cp "$repo"/kmod/include/dune.h "$root/usr/src/dune-$version/include/"
log "dkms add, build and install dune/$version for $KERNEL_RELEASE"
chroot "$root" dkms add "dune/$version" >&2 || die "dkms add failed"
chroot "$root" dkms build "dune/$version" -k "$KERNEL_RELEASE" >&2 || die "dkms build failed (its make.log: $root/var/lib/dkms/dune/$version/build/make.log)"
chroot "$root" dkms install "dune/$version" -k "$KERNEL_RELEASE" >&2 || die "dkms install failed"
chroot "$root" dkms status "dune/$version" >&2

# The guest's /lib/modules: what dkms installed and depmod indexed, without the headers' build links.
work=$(mktemp -d "${TMPDIR:-/tmp}/dune-dkms.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/modules/$KERNEL_RELEASE"
(cd "$root/usr/lib/modules/$KERNEL_RELEASE" && find . -mindepth 1 -maxdepth 1 ! -name build ! -name source -exec cp -r {} "$work/modules/$KERNEL_RELEASE/" \;)
grep -q "dune.ko:" "$work/modules/$KERNEL_RELEASE/modules.dep" || die "dkms install left no dune.ko in /lib/modules/$KERNEL_RELEASE/modules.dep"

name=$(basename "$program")
printf 'dkms-modprobe\t20\tguest:/bin/sh\t-c\tmodprobe -v dune && test -c /dev/dune && echo "/dev/dune ready"\n' >"$work/manifest.tsv"
printf 'dkms-%s\t30\t%s\n' "$name" "$program" >>"$work/manifest.tsv"
"$here/run.sh" --quiet --kernel trixie --modules "$work/modules" --env DUNE_BACKEND=kmod \
	--out "$out" --manifest "$work/manifest.tsv"
