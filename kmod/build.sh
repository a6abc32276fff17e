#!/usr/bin/env bash
# Builds dune.ko out of the source tree, into build/kmod/<kernel release>/dune.ko.
#
# Usage: kmod/build.sh [--pinned [bookworm|trixie|cloud] | --kdir DIR]
#
#   (no option)  the running kernel's headers (/lib/modules/$(uname -r)/build);
#                if they are missing, says how to get them and exits 2
#   --pinned     the test VM's kernel (tests/vm/versions.env): its Debian headers
#                and kbuild packages are downloaded once into build/vm/debs and
#                unpacked into build/kmod/headers-<release>
#   --pinned trixie  Debian 13's kernel (run.sh --kernel trixie): its kbuild tools
#                need trixie's glibc and gcc-14, so the build runs in a trixie root
#                made once with debootstrap in build/kmod/trixie-root
#   --pinned cloud  Debian 12's cloud flavour of the same kernel, which the bochs
#                machine boots (run.sh --bochs)
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

mode=running kdir="" kernel=bookworm
case ${1:-} in
"") ;;
--pinned) mode=pinned kernel=${2:-bookworm} ;;
--kdir) mode=kdir kdir=${2:?--kdir wants a directory} ;;
*) usage ;;
esac
[[ $kernel == bookworm || $kernel == trixie || $kernel == cloud ]] || usage

# The three pinned packages unpacked into one root: the headers' scripts/ and
# tools/ are relative symlinks into the kbuild package, and the arch-specific
# Makefile includes the common one by absolute path, which is redirected here.
pinned_kdir() {
	# shellcheck source=../tests/vm/versions.env
	source "$repo/tests/vm/versions.env"
	# shellcheck source=../tests/vm/debs.sh
	source "$repo/tests/vm/debs.sh"
	use_kernel "$kernel"
	local root=$repo/build/kmod/headers-$KERNEL_RELEASE deb
	local common=${HEADERS_COMMON_PKG#linux-headers-}
	if [[ ! -e $root/.done ]]; then
		mkdir -p "$cache"
		exec 9>"$cache/.lock"
		flock 9
		rm -rf "$root"
		mkdir -p "$root"
		for deb in "$(cached_deb "$HEADERS_PKG" "$HEADERS_PKG_VERSION" "$KERNEL_SUITE")" \
			"$(cached_deb "$HEADERS_COMMON_PKG" "$HEADERS_PKG_VERSION" "$KERNEL_SUITE")" \
			"$(cached_deb "$KBUILD_PKG" "$KBUILD_PKG_VERSION" "$KERNEL_SUITE")"; do
			dpkg-deb -x "$deb" "$root"
		done
		sed -i "s|/usr/src/linux-headers-$common/|$root/usr/src/linux-headers-$common/|" \
			"$root/usr/src/$HEADERS_PKG/Makefile"
		touch "$root/.done"
		exec 9>&-
	fi
	echo "$root/usr/src/$HEADERS_PKG"
}

# Debian 13's kbuild tools (fixdep, modpost) are linked against trixie's glibc and its kernels want gcc-14,
# neither of which Debian 12 has: build in a minimal trixie root (debootstrap, once; the headers are
# unpacked at their Debian paths inside it).
trixie_build() {
	local root=$repo/build/kmod/trixie-root release=$1 work deb
	mkdir -p "$cache"
	exec 9>"$cache/.lock"
	flock 9
	if [[ ! -e $root/.done ]]; then
		command -v debootstrap >/dev/null || {
			log "installing debootstrap"
			apt-get install -y --no-install-recommends debootstrap >&2 || die "apt-get install debootstrap failed"
		}
		log "making a trixie root for the 6.12 build tools in $root (once)"
		rm -rf "$root"
		debootstrap --variant=minbase --include=gcc-14,make,libc6-dev,libelf1t64,libssl3t64,zlib1g,pahole \
			trixie "$root" http://deb.debian.org/debian >&2 || die "debootstrap of trixie failed"
		touch "$root/.done"
	fi
	if [[ ! -e $root/usr/src/$HEADERS_PKG/.done ]]; then
		for deb in "$(cached_deb "$HEADERS_PKG" "$HEADERS_PKG_VERSION" trixie)" \
			"$(cached_deb "$HEADERS_COMMON_PKG" "$HEADERS_PKG_VERSION" trixie)" \
			"$(cached_deb "$KBUILD_PKG" "$KBUILD_PKG_VERSION" trixie)"; do
			dpkg-deb -x "$deb" "$root"
		done
		touch "$root/usr/src/$HEADERS_PKG/.done"
	fi
	exec 9>&-
	work=/build/dune-$release
	rm -rf "${root:?}$work"
	mkdir -p "$root$work/include"
	cp "$here"/Kbuild "$here"/*.c "$here"/*.h "$here"/*.S "$root$work/"
	cp "$here"/include/dune.h "$root$work/include/"
	log "building dune.ko for $release (in $root)"
	chroot "$root" make -s -C "/usr/src/$HEADERS_PKG" M="$work" modules >&2 || die "the build failed" 1
	out=$repo/build/kmod/$release
	mkdir -p "$out"
	cp "$root$work/dune.ko" "$out/dune.ko"
	echo "$out/dune.ko"
}

case $mode in
running)
	kdir=/lib/modules/$(uname -r)/build
	[[ -e $kdir/Makefile ]] || die "no headers for the running kernel $(uname -r) at $kdir: install them
  (Debian/Ubuntu: apt-get install linux-headers-$(uname -r)) or build for the test VM's kernel with
  kmod/build.sh --pinned"
	;;
pinned)
	if [[ $kernel == trixie ]]; then
		# shellcheck source=../tests/vm/versions.env
		source "$repo/tests/vm/versions.env"
		# shellcheck source=../tests/vm/debs.sh
		source "$repo/tests/vm/debs.sh"
		use_kernel trixie
		trixie_build "$KERNEL_RELEASE"
		exit 0
	fi
	kdir=$(pinned_kdir)
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
