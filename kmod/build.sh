#!/usr/bin/env bash
# Builds dune.ko out of the source tree, into build/kmod/<kernel release>/dune.ko.
#
# Usage: kmod/build.sh [--pinned | --bochs | --kdir DIR]
#
#   (no option)  the running kernel's headers (/lib/modules/$(uname -r)/build);
#                if they are missing, says how to get them and exits 2
#   --pinned     the test VM's kernel (tests/vm/versions.env): its Debian headers
#                and kbuild packages are downloaded once into build/vm/debs and
#                unpacked into build/kmod/headers-<release>
#   --bochs      the same for the bochs machine's kernel (run.sh --bochs): Debian's
#                cloud flavour of the same version (BOCHS_HEADERS_PKG)
#   --kdir DIR   any kernel build tree
#
# Prints the path of the built module on stdout. Exit status: 0 built,
# 1 the build failed, 2 no headers or usage error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cache=$repo/build/vm

log() { echo "kmod: $*" >&2; }
die() { log "error: $1"; exit "${2:-2}"; }
usage() { sed -n '/^# Usage/,/^# 1 the build/s/^# \{0,1\}//p' "$0" >&2; exit 2; }

mode=running kdir=""
case ${1:-} in
"") ;;
--pinned) mode=pinned ;;
--bochs) mode=bochs ;;
--kdir) mode=kdir kdir=${2:?--kdir wants a directory} ;;
*) usage ;;
esac

# The three pinned packages unpacked into one root: the headers' scripts/ and
# tools/ are relative symlinks into the kbuild package, and the arch-specific
# Makefile includes the common one by absolute path, which is redirected here.
pinned_kdir() { # HEADERS_PKG RELEASE
	local headers_pkg=$1 release=$2
	local root=$repo/build/kmod/headers-$release deb
	local common=${HEADERS_COMMON_PKG#linux-headers-}
	if [[ ! -e $root/.done ]]; then
		mkdir -p "$cache"
		exec 9>"$cache/.lock"
		flock 9
		rm -rf "$root"
		mkdir -p "$root"
		for deb in "$(cached_deb "$headers_pkg" "$HEADERS_PKG_VERSION")" \
			"$(cached_deb "$HEADERS_COMMON_PKG" "$HEADERS_PKG_VERSION")" \
			"$(cached_deb "$KBUILD_PKG" "$KBUILD_PKG_VERSION")"; do
			dpkg-deb -x "$deb" "$root"
		done
		sed -i "s|/usr/src/linux-headers-$common/|$root/usr/src/linux-headers-$common/|" \
			"$root/usr/src/$headers_pkg/Makefile"
		touch "$root/.done"
		exec 9>&-
	fi
	echo "$root/usr/src/$headers_pkg"
}

case $mode in
running)
	kdir=/lib/modules/$(uname -r)/build
	[[ -e $kdir/Makefile ]] || die "no headers for the running kernel $(uname -r) at $kdir: install them
  (Debian/Ubuntu: apt-get install linux-headers-$(uname -r)) or build for the test VM's kernel with
  kmod/build.sh --pinned"
	;;
pinned | bochs)
	# shellcheck source=../tests/vm/versions.env
	source "$repo/tests/vm/versions.env"
	# shellcheck source=../tests/vm/debs.sh
	source "$repo/tests/vm/debs.sh"
	if [[ $mode == pinned ]]; then
		kdir=$(pinned_kdir "$HEADERS_PKG" "$KERNEL_RELEASE")
	else
		kdir=$(pinned_kdir "$BOCHS_HEADERS_PKG" "$BOCHS_KERNEL_RELEASE")
	fi
	;;
kdir) [[ -e $kdir/Makefile ]] || die "$kdir is not a kernel build tree (no Makefile)" ;;
esac

release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$kdir/include/generated/utsrelease.h" 2>/dev/null || true)
[[ -n $release ]] || die "$kdir has no include/generated/utsrelease.h: not a prepared kernel build tree"
# The Debian kernels are built with gcc-12: kbuild names it; say so when it is missing.
cc=$(sed -n 's/^CC = .*gcc-\([0-9]*\)$/gcc-\1/p' "$kdir/.kernelvariables" 2>/dev/null || true)
[[ -z $cc ]] || command -v "$cc" >/dev/null || die "$kdir wants the compiler $cc (apt-get install $cc)"

out=$repo/build/kmod/$release
mkdir -p "$out/include"
cp "$here"/Kbuild "$here"/*.c "$here"/*.h "$here"/*.S "$out/"
cp "$here"/include/dune.h "$out/include/"
log "building dune.ko for $release"
make -s -C "$kdir" M="$out" modules >&2 || die "the build failed" 1
echo "$out/dune.ko"
