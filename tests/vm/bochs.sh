# The bochs machine of run.sh (--bochs): an emulated Intel Haswell with VMX,
# EPT and VPID, booting the same initramfs as the QEMU VM. Sourced by run.sh,
# which defines cache, log, die and the pinned versions (versions.env).
#
# Bochs has no -kernel option and no exit device, so: the kernel and initramfs
# go on a FAT disk image booted by SYSLINUX (built with mtools, no root or
# loop devices needed), and the host watches the report file and stops bochs
# when the guest is done, failed or panicked.

# Where the unpacked bochs, BIOS and VGA BIOS packages are; the shared
# libraries bochs-bin needs are installed with apt-get when missing.
bochs_setup() {
	bochs_dir=$(unpacked bochs "$BOCHS_PKG_VERSION")
	bochsbios_dir=$(unpacked bochsbios "$BOCHS_PKG_VERSION")
	vgabios_dir=$(unpacked vgabios "$VGABIOS_PKG_VERSION")
	syslinux_dir=$(unpacked syslinux "$SYSLINUX_PKG_VERSION")
	mtools_dir=$(unpacked mtools "$MTOOLS_PKG_VERSION")
	if ldd "$bochs_dir/usr/bin/bochs-bin" | grep -q 'not found'; then
		log "installing the libraries bochs needs: $BOCHS_LIBRARIES"
		apt_lists
		# shellcheck disable=SC2086 # a word list
		apt-get install -y --no-install-recommends $BOCHS_LIBRARIES >&2 || die "apt-get install $BOCHS_LIBRARIES failed"
	fi
}

# A FAT image holding SYSLINUX, the kernel and the initramfs. Cylinder-sized
# (16 heads x 63 sectors) so bochs can be given its geometry.
bochs_disk() { # KERNEL INITRD CMDLINE IMAGE
	local kernel=$1 initrd=$2 cmdline=$3 image=$4 cyl_bytes=$((16 * 63 * 512)) bytes cyls
	bytes=$(($(stat -c %s "$kernel") + $(stat -c %s "$initrd") + 4 * 1024 * 1024))
	cyls=$(((bytes + cyl_bytes - 1) / cyl_bytes))
	truncate -s $((cyls * cyl_bytes)) "$image"
	# mformat and syslinux find the other mtools programs on PATH.
	PATH=$mtools_dir/usr/bin:$PATH MTOOLS_SKIP_CHECK=1 bash -c '
		set -e
		mformat -i "$1" -t "$2" -h 16 -s 63 ::
		"$3/usr/bin/syslinux" --install "$1"
		printf "DEFAULT linux\nPROMPT 0\nTIMEOUT 0\nLABEL linux\n  KERNEL vmlinuz\n  INITRD initrd\n  APPEND %s\n" "$6" >"$1.cfg"
		mcopy -i "$1" "$4" ::vmlinuz
		mcopy -i "$1" "$5" ::initrd
		mcopy -i "$1" "$1.cfg" ::syslinux.cfg
	' _ "$image" "$cyls" "$syslinux_dir" "$kernel" "$initrd" "$cmdline" >&2 || die "building the bochs boot disk failed"
	echo "$cyls"
}

# What the guest's report and console say so far: 3 done, 5 FATAL, 0 panic, nothing while running.
bochs_outcome() { # OUT
	if grep -qa '^@@DUNEVM DONE' "$1/results.txt"; then
		echo 3
	elif grep -qa '^@@DUNEVM FATAL' "$1/results.txt"; then
		echo 5
	elif grep -qa 'Kernel panic' "$1/console.log"; then
		echo 0
	fi
}

# Boots bochs and waits until the report says DONE or FATAL, the console shows
# a panic, or BUDGET seconds pass. Returns what run.sh expects from QEMU:
# 3 all programs ran, 5 the guest could not set up, 0 panic, 124 timeout.
# CPUS > 1: bochs interleaves them (SMP support is built into Debian's bochs).
bochs_boot() { # KERNEL INITRD CMDLINE OUT BUDGET WORK CPUS
	local kernel=$1 initrd=$2 cmdline=$3 out=$4 budget=$5 work=$6 cpus=$7 cyls pid status start=$SECONDS
	cyls=$(bochs_disk "$kernel" "$initrd" "$cmdline" "$work/disk.img")
	cat >"$work/bochsrc" <<-EOF
		megs: 512
		cpu: model=$BOCHS_CPU_MODEL, count=$cpus, ips=$BOCHS_IPS
		clock: sync=none, time0=1577836800
		romimage: file=$bochsbios_dir/usr/share/bochs/BIOS-bochs-latest
		vgaromimage: file=$vgabios_dir/usr/share/vgabios/vgabios.bin
		ata0-master: type=disk, path=$work/disk.img, mode=flat, cylinders=$cyls, heads=16, spt=63
		boot: disk
		com1: enabled=1, mode=file, dev=$out/console.log
		com2: enabled=1, mode=file, dev=$out/results.txt
		display_library: rfb, options="timeout=0"
		log: $out/bochs.log
		panic: action=fatal
		error: action=report
		info: action=ignore
		debug: action=ignore
	EOF
	# The Debian build has the debugger: it waits for commands ("c" runs).
	printf 'c\nquit\n' >"$work/bochs-commands"
	: >"$out/console.log"
	: >"$out/results.txt"
	# Bochs overflows a fixed buffer on a long plugin path: give it a short one.
	ln -s "$bochs_dir/usr/lib/x86_64-linux-gnu/bochs/plugins" "$work/plugins"
	LTDL_LIBRARY_PATH=$work/plugins \
		"$bochs_dir/usr/bin/bochs-bin" -q -f "$work/bochsrc" -rc "$work/bochs-commands" </dev/null >"$out/bochs.stdout" 2>&1 &
	pid=$!
	while :; do
		status=$(bochs_outcome "$out")
		[[ -n $status ]] && break
		if ! kill -0 "$pid" 2>/dev/null; then
			status=$(bochs_outcome "$out")
			[[ -n $status ]] && break
			# Bochs stopped by itself (its own panic, e.g. a state it cannot emulate): say why.
			log "bochs exited early; its log ends with:"
			tail -n 5 "$out/bochs.log" | sed 's/^/vm:   | /' >&2
			status=1
			break
		fi
		((SECONDS - start < budget)) || { status=124; break; }
		sleep 1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return "$status"
}
