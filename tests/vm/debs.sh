# Pinned Debian packages, downloaded once and kept: old versions leave the
# mirror, so build/vm/debs/ is never cleaned. Sourced by run.sh and
# kmod/build.sh, which define `cache` (build/vm), `log` and `die`.

# A fresh machine may have no package lists yet: fetch them once, before the first install or download.
apt_lists_ready=0
apt_lists() {
	((apt_lists_ready)) && return 0
	apt_lists_ready=1
	compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null && return 0
	log "apt-get update (no package lists on this machine)"
	apt-get update -q >&2 || die "apt-get update failed"
}

# The suite the kernel packages come from: bookworm (the machine's own apt sources) or trixie (use_kernel).
KERNEL_SUITE=bookworm

# Makes Debian 13's pinned kernel (TRIXIE_* in versions.env), or Debian 12's cloud flavour (CLOUD_*, the bochs
# machine's), the one KERNEL_*, HEADERS_* and KBUILD_* name.
use_kernel() { # bookworm | trixie | cloud
	case $1 in
	bookworm) ;;
	cloud)
		KERNEL_RELEASE=$CLOUD_KERNEL_RELEASE KERNEL_PKG=$CLOUD_KERNEL_PKG HEADERS_PKG=$CLOUD_HEADERS_PKG
		;;
	trixie)
		KERNEL_SUITE=trixie
		KERNEL_RELEASE=$TRIXIE_KERNEL_RELEASE KERNEL_PKG=$TRIXIE_KERNEL_PKG KERNEL_PKG_VERSION=$TRIXIE_KERNEL_PKG_VERSION
		HEADERS_PKG=$TRIXIE_HEADERS_PKG HEADERS_COMMON_PKG=$TRIXIE_HEADERS_COMMON_PKG HEADERS_PKG_VERSION=$TRIXIE_HEADERS_PKG_VERSION
		KBUILD_PKG=$TRIXIE_KBUILD_PKG KBUILD_PKG_VERSION=$TRIXIE_KBUILD_PKG_VERSION
		;;
	*) die "unknown kernel '$1' (bookworm: Debian 12's 6.1, trixie: Debian 13's 6.12, cloud: Debian 12's 6.1 cloud flavour)" 2 ;;
	esac
}

# apt options for the trixie suite: a sources list and package lists of its own under the cache, so the
# machine's apt configuration (bookworm) is neither read for these packages nor changed.
trixie_apt=()
trixie_apt_ready() {
	((${#trixie_apt[@]})) && return 0
	local dir=$cache/apt-trixie
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$dir/sources.list"
	trixie_apt=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o Dir::State::Status=/dev/null)
	if ! compgen -G "$dir/lists/*_Packages*" >/dev/null; then
		log "apt-get update for the trixie suite (its own sources list, in $dir)"
		apt-get -q "${trixie_apt[@]}" update >&2 || die "apt-get update of the trixie suite failed"
	fi
}

# Prints the .deb of package $1 version $2 (from suite $3, default bookworm), downloading it only if
# build/vm/debs does not have it yet.
cached_deb() {
	# Debian versions may carry an epoch "1:"; keep colons out of paths.
	local pkg=$1 version=$2 suite=${3:-bookworm} debs=$cache/debs/$1_${2//:/_} options=()
	if ! compgen -G "$debs/*.deb" >/dev/null; then
		log "downloading $pkg=$version ($suite)"
		mkdir -p "$debs"
		if [[ $suite == trixie ]]; then
			trixie_apt_ready
			options=("${trixie_apt[@]}")
		else
			apt_lists
		fi
		(cd "$debs" && apt-get -o APT::Sandbox::User=root "${options[@]}" download "$pkg=$version" >&2) ||
			die "apt-get download $pkg=$version failed (old versions leave the mirror; is the .deb cached elsewhere?)"
	fi
	echo "$debs"/*.deb
}

# Prints the directory holding package $1 version $2 (suite $3, default bookworm) unpacked.
unpacked() {
	local pkg=$1 version=$2 suite=${3:-bookworm} dir=$cache/pkg/$1_${2//:/_} deb
	if [[ ! -e $dir/.done ]]; then
		deb=$(cached_deb "$pkg" "$version" "$suite")
		log "unpacking $pkg"
		rm -rf "$dir"
		mkdir -p "$dir"
		dpkg-deb -x "$deb" "$dir"
		touch "$dir/.done"
	fi
	echo "$dir"
}
