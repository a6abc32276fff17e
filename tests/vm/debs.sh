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

# Prints the .deb of package $1 version $2, downloading it only if build/vm/debs does not have it yet.
cached_deb() {
	# Debian versions may carry an epoch "1:"; keep colons out of paths.
	local pkg=$1 version=$2 debs=$cache/debs/$1_${2//:/_}
	if ! compgen -G "$debs/*.deb" >/dev/null; then
		log "downloading $pkg=$version"
		mkdir -p "$debs"
		apt_lists
		(cd "$debs" && apt-get -o APT::Sandbox::User=root download "$pkg=$version" >&2) ||
			die "apt-get download $pkg=$version failed (old versions leave the mirror; is the .deb cached elsewhere?)"
	fi
	echo "$debs"/*.deb
}

# Prints the directory holding package $1 version $2 unpacked.
unpacked() {
	local pkg=$1 version=$2 dir=$cache/pkg/$1_${2//:/_} deb
	if [[ ! -e $dir/.done ]]; then
		deb=$(cached_deb "$pkg" "$version")
		log "unpacking $pkg"
		rm -rf "$dir"
		mkdir -p "$dir"
		dpkg-deb -x "$deb" "$dir"
		touch "$dir/.done"
	fi
	echo "$dir"
}
