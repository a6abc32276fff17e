#!/usr/bin/env bash
# Runs static Linux programs inside the test VM: a Debian kernel booted by QEMU
# in TCG mode emulating AMD SVM with nested paging, so the programs get a real
# /dev/kvm (see tests/vm/README.md and "The machines we build and test on" in
# DESIGN.md for why the host's own /dev/kvm is never used).
#
# Usage: tests/vm/run.sh [options] EXE... [-- ARGS...]
#        tests/vm/run.sh [options] --manifest FILE
#
#   --timeout SECS   per-program timeout inside the guest (default 60)
#   --icount         deterministic mode: guest rdtsc counts instructions, runs
#                    are byte-identical across boots (about 4x slower)
#   --smp N          guest CPUs (default 1). QEMU runs them in turn on one
#                    host thread (MTTCG corrupts nested SVM guests; under
#                    --icount this is also what keeps runs deterministic);
#                    bochs interleaves them on its one host thread too
#   --bochs          boot in bochs (an Intel CPU with VMX, EPT and VPID) instead
#                    of QEMU: Debian 12's cloud kernel, of the Debian programs
#                    only BOCHS_GUEST_FILES (versions.env); slow
#                    (~45 s boot); not with --icount, --native, --stream, --kernel
#   --native         use the host's hardware virtualization instead of TCG;
#                    refused unless the host has real VT-x/AMD-V with nested
#                    virtualization (never on PVM hosts)
#   --out DIR        where results go (default build/vm/out)
#   --manifest FILE  programs to run, one per line, tab-separated:
#                    NAME<TAB>TIMEOUT_SECS<TAB>PATH[<TAB>ARG]...
#                    (PATH guest:/debian/bin/NAME runs a Debian program of
#                    the image, see GUEST_PACKAGES in versions.env)
#   --env NAME=VALUE set an environment variable for every program; NAME must
#                    start with DUNE_ (e.g. DUNE_GC_STRESS=7); repeatable
#   --kernel NAME    bookworm (default): Debian 12's 6.1; trixie: Debian 13's 6.12
#                    (both pinned in versions.env)
#   --kmod FILE.ko   a dune.ko built for the VM's kernel (kmod/build.sh --pinned):
#                    the guest loads it after the KVM modules and keeps the file
#                    at /kmod/dune.ko for programs that unload and reload it
#   --modules DIR    a /lib/modules tree for the guest (RELEASE/..., with its
#                    modules.dep: what `dkms install` leaves), so programs can
#                    modprobe from it (tests/vm/dkms-check.sh)
#   --quiet          print only the summary, not each program's output
#   --stream         one EXE only: its stdout and stderr reach ours live, as it
#                    runs, and run.sh exits with its exit status (124 timeout,
#                    125 the VM failed); no files, no summary (launcher/dune)
#   ARGS             given to every EXE
#
# By default each program's stdout and stderr are printed after the run.
# DUNE_VM_CACHE names the folder that keeps the kernel, busybox and the base
# initramfs (default build/vm in the repository).
# For each program NAME, DIR gets NAME.stdout and NAME.stderr; DIR/results.tsv
# has one line "NAME<TAB>STATUS<TAB>CODE" per program, STATUS one of
#   exit     the program ended with exit code CODE (0 = passed)
#   timeout  killed after its timeout (CODE = the timeout)
#   lost     the VM died or hung while the program ran
#   not-run  the VM died before reaching it
#   garbled  it ended (CODE = its exit code) but its report lost bytes on the
#            serial line (seen once in bochs), so its output is incomplete
# DIR also keeps console.log (the guest kernel console) and results.txt (the
# raw report from the guest).
#
# Exit status: 0 all programs exited with 0, 1 a program failed or timed out,
# 2 usage error, 3 the VM itself failed (no boot, panic, hang, no /dev/kvm).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${DUNE_VM_CACHE:-$repo/build/vm}

# Time allowed from QEMU start to the first program (TCG boot is ~6 s).
BOOT_BUDGET_SECS=60
# Time allowed per program on top of its own timeout (sending its output).
REPORT_BUDGET_SECS=10
# Bochs's host timeout: the QEMU one times this.
BOCHS_BUDGET_FACTOR=4

log() { echo "vm: $*" >&2; }
die() { log "error: $1"; exit "${2:-3}"; }
usage() { sed -n '/^# Usage/,/^# 2 usage/s/^# \{0,1\}//p' "$0" >&2; exit 2; }

# --- command line -----------------------------------------------------------

timeout_secs=60
icount=0
smp=1
native=0
bochs=0
quiet=0
stream=0
out=$cache/out
out_given=0
manifest=""
exes=()
args=()
envs=()
kmod=""
modules=""
kernel_name=bookworm
while (($#)); do
	case $1 in
	--timeout) timeout_secs=${2:?}; shift 2 ;;
	--icount) icount=1; shift ;;
	--smp) smp=${2:?}; shift 2 ;;
	--native) native=1; shift ;;
	--bochs) bochs=1; shift ;;
	--quiet) quiet=1; shift ;;
	--stream) stream=1 quiet=1; shift ;;
	--out) out=${2:?} out_given=1; shift 2 ;;
	--manifest) manifest=${2:?}; shift 2 ;;
	--env) envs+=("${2:?}"); shift 2 ;;
	--kmod) kmod=${2:?}; shift 2 ;;
	--modules) modules=${2:?}; shift 2 ;;
	--kernel) kernel_name=${2:?}; shift 2 ;;
	--) shift; args=("$@"); break ;;
	-h | --help) usage ;;
	-*) log "unknown option $1"; usage ;;
	*) exes+=("$1"); shift ;;
	esac
done
[[ $timeout_secs =~ ^[1-9][0-9]*$ ]] || die "--timeout wants whole seconds" 2
[[ $smp =~ ^[1-8]$ ]] || die "--smp wants 1 to 8 CPUs" 2
[[ -z $kmod || -f $kmod ]] || die "--kmod: $kmod is not a file" 2
[[ -z $modules || -d $modules ]] || die "--modules: $modules is not a directory" 2
for env in "${envs[@]}"; do
	[[ $env =~ ^DUNE_[A-Za-z0-9_]*= ]] || die "--env wants DUNE_NAME=VALUE, got '$env'" 2
done
if [[ -n $manifest ]]; then
	((${#exes[@]} == 0 && ${#args[@]} == 0)) || die "give either --manifest or EXE..., not both" 2
elif ((${#exes[@]} == 0)); then
	usage
fi
((!stream || ${#exes[@]} == 1)) || die "--stream runs exactly one EXE" 2
if ((bochs)); then
	((!(icount || native || stream))) && [[ $kernel_name == bookworm ]] ||
		die "--bochs takes neither --icount, --native, --stream nor --kernel" 2
	kernel_name=cloud
fi

# --- native mode: only on real hardware virtualization ------------------------

# shellcheck source=host-virt.sh
source "$here/host-virt.sh"
if ((native)); then
	reason=$(nested_virt_refusal)
	[[ -z $reason ]] || die "--native refused: $reason" 2
fi

# --- tools ------------------------------------------------------------------

# shellcheck source=debs.sh
source "$here/debs.sh"
# shellcheck source=bochs.sh
source "$here/bochs.sh"
use_kernel "$kernel_name"

need=()
((bochs)) || command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
command -v cpio >/dev/null || need+=(cpio)
command -v objcopy >/dev/null || need+=(binutils)
if ((${#need[@]})); then
	log "installing ${need[*]}"
	apt_lists
	apt-get install -y --no-install-recommends "${need[@]}" >&2 || die "apt-get install ${need[*]} failed"
fi

# --- pinned packages (debs.sh) ------------------------------------------------

# Concurrent runs (a developer and the test suite) share the cache: one at a
# time fills it.
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
kernel_dir=$(unpacked "$KERNEL_PKG" "$KERNEL_PKG_VERSION" "$KERNEL_SUITE")
busybox_dir=$(unpacked "$BUSYBOX_PKG" "$BUSYBOX_PKG_VERSION")
kernel=$kernel_dir/boot/vmlinuz-$KERNEL_RELEASE
((bochs)) && bochs_setup

# --- base initramfs: busybox + KVM modules, built once per version ------------

# The .deb ships no modules.dep (depmod makes it at install time), so the
# dependencies come from where depmod reads them: each module's .modinfo
# "depends=" field.
# Debian 13 ships its modules xz-compressed (under usr/lib): busybox's insmod wants them plain.
plain_module() { # FILE.ko[.xz] -> the plain module on stdout
	if [[ $1 == *.xz ]]; then xz -dc "$1"; else cat "$1"; fi
}
module_deps() { # FILE.ko[.xz] -> dependency names, one per line
	plain_module "$1" >"$cache/.modinfo.ko"
	objcopy -O binary --only-section=.modinfo "$cache/.modinfo.ko" /dev/stdout |
		tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' '\n' | sed '/^$/d'
}

# Appends module $1 to the array "order" after its dependencies.
declare -A module_file
order=()
add_module() {
	local name=${1//-/_} dep
	[[ -n ${module_file[$name]:-} ]] || die "module $name not found in $KERNEL_PKG"
	[[ " ${order[*]} " == *" $name "* ]] && return
	while read -r dep; do add_module "$dep"; done < <(module_deps "${module_file[$name]}")
	order+=("$name")
}

# The cloud flavour (bochs) has the same version as the generic kernel, and Intel's KVM modules only (no ccp for kvm_amd).
vendors="amd intel"
base_cpio=$cache/base-$KERNEL_PKG_VERSION-${BUSYBOX_PKG_VERSION//:/_}.cpio
if ((bochs)); then
	vendors=intel
	base_cpio=$cache/base-$KERNEL_RELEASE-$KERNEL_PKG_VERSION-${BUSYBOX_PKG_VERSION//:/_}.cpio
fi
if [[ ! -e $base_cpio ]]; then
	log "building base initramfs"
	while read -r f; do
		n=${f##*/}
		n=${n%.xz}
		n=${n%.ko}
		module_file[${n//-/_}]=$f
	done < <(find "$kernel_dir"/{,usr/}lib/modules/"$KERNEL_RELEASE" \( -name '*.ko' -o -name '*.ko.xz' \) 2>/dev/null)
	root=$(mktemp -d "$cache/base-root.XXXXXX")
	mkdir -p "$root/bin" "$root/modules"
	cp "$busybox_dir/bin/busybox" "$root/bin/busybox"
	for vendor in $vendors; do
		order=()
		add_module "kvm_$vendor"
		for name in "${order[@]}"; do
			plain_module "${module_file[$name]}" >"$root/modules/$name.ko"
			echo "$name.ko"
		done >"$root/modules/$vendor.list"
	done
	(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$base_cpio.tmp"
	mv "$base_cpio.tmp" "$base_cpio"
	rm -rf "$root" "$cache/.modinfo.ko"
fi

# --- Debian programs: the packages of GUEST_PACKAGES, built once per list -----

# Executables (bin, sbin, usr/bin, usr/sbin) go to /debian/bin so they never
# replace busybox's applets; everything else but usr/share (documentation)
# keeps its path, so the dynamic linker and the libraries are where the
# programs look for them. Bochs reads the initramfs through its BIOS, slowly:
# its archive holds only BOCHS_GUEST_FILES (and their folders).
packages_cpio=$cache/packages-$(echo "$GUEST_PACKAGES" | sha256sum | cut -c1-16).cpio
((bochs)) && packages_cpio=$cache/packages-$(echo "$GUEST_PACKAGES $BOCHS_GUEST_FILES" | sha256sum | cut -c1-16)-bochs.cpio
if [[ ! -e $packages_cpio ]]; then
	log "building the Debian programs' initramfs"
	root=$(mktemp -d "$cache/packages-root.XXXXXX")
	mkdir -p "$root/debian/bin"
	for spec in $GUEST_PACKAGES; do
		dir=$(unpacked "${spec%%=*}" "${spec#*=}")
		for sub in bin sbin usr/bin usr/sbin; do
			[[ -d $dir/$sub ]] && cp -a "$dir/$sub/." "$root/debian/bin/"
		done
		(cd "$dir" && find . -mindepth 1 \( -path ./bin -o -path ./sbin -o -path ./usr/bin -o -path ./usr/sbin -o -path ./usr/share -o -name .done \) -prune -o -print |
			cpio -pdm --quiet "$root")
	done
	if ((bochs)); then
		for file in $BOCHS_GUEST_FILES; do
			[[ -e $root/$file || -L $root/$file ]] || die "BOCHS_GUEST_FILES: $file is in none of GUEST_PACKAGES"
			# The kernel makes no folder an archive does not list.
			while [[ $file == */* ]]; do
				echo "./$file"
				file=${file%/*}
			done
			echo "./$file"
		done
	else
		(cd "$root" && find . -mindepth 1)
	fi | LC_ALL=C sort -u | (cd "$root" && cpio -o -H newc -R 0:0 --quiet) >"$packages_cpio.tmp"
	mv "$packages_cpio.tmp" "$packages_cpio"
	rm -rf "$root"
fi
exec 9>&-

# --- this run's programs ----------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/dune-vm.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A streamed run keeps nothing, so concurrent launcher runs do not share a folder.
((stream && !out_given)) && out=$work/out
mkdir -p "$work/root/progs"
cp "$here/guest-init.sh" "$work/root/init"
chmod 755 "$work/root/init"
if [[ -n $kmod ]]; then
	mkdir -p "$work/root/kmod"
	cp "$kmod" "$work/root/kmod/dune.ko"
fi
if [[ -n $modules ]]; then
	mkdir -p "$work/root/lib/modules"
	cp -rL "$modules"/. "$work/root/lib/modules/"
fi

# Single-quotes a word for the guest shell.
shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# The guest's PID 1 sources the run-list, so exports there reach every program.
((stream)) && echo "export DUNEVM_STREAM=1" >>"$work/root/progs/run-list.sh"
for env in "${envs[@]}"; do echo "export ${env%%=*}=$(shell_quote "${env#*=}")" >>"$work/root/progs/run-list.sh"; done

names=()
declare -A timeouts
add_program() { # NAME TIMEOUT PATH [ARGS...]
	local name=$1 limit=$2 path=$3 arg line
	shift 3
	[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "program name '$name': use only letters, digits, . _ -" 2
	[[ -z ${timeouts[$name]:-} ]] || die "program name '$name' given twice" 2
	[[ $limit =~ ^[1-9][0-9]*$ ]] || die "program $name: timeout '$limit' is not whole seconds" 2
	names+=("$name")
	timeouts[$name]=$limit
	if [[ $path == guest:/* ]]; then
		# Already in the image (e.g. guest:/debian/bin/ls): run it where it is.
		line="run_program $name $limit $(shell_quote "${path#guest:}")"
	else
		[[ -f $path && -x $path ]] || die "program $name: $path is not an executable file" 2
		cp "$path" "$work/root/progs/$name"
		line="run_program $name $limit /progs/$name"
	fi
	for arg in "$@"; do line+=" $(shell_quote "$arg")"; done
	echo "$line" >>"$work/root/progs/run-list.sh"
}
if [[ -n $manifest ]]; then
	while IFS=$'\t' read -r -a fields; do
		((${#fields[@]})) || continue
		((${#fields[@]} >= 3)) || die "$manifest: want NAME<TAB>TIMEOUT<TAB>PATH[<TAB>ARG]..." 2
		add_program "${fields[@]}"
	done <"$manifest"
	((${#names[@]})) || die "$manifest lists no programs" 2
else
	for exe in "${exes[@]}"; do add_program "$(basename "$exe")" "$timeout_secs" "$exe" "${args[@]}"; done
fi

(cd "$work/root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$work/progs.cpio"
# The kernel unpacks concatenated cpio archives in order, so the cached base
# and this run's programs form one initramfs without rebuilding the base.
cat "$base_cpio" "$packages_cpio" "$work/progs.cpio" >"$work/initrd"

# --- boot -------------------------------------------------------------------

if ((native)); then
	machine=(-accel kvm -cpu host)
else
	# One host thread runs every vCPU in turn (thread=single), not one each (MTTCG): QEMU 7.2's MTTCG with nested
	# SVM corrupts memory. Two-CPU boots running dune-threads gc back to back: with MTTCG 4 of 24 runs ended in a
	# triple fault and one boot's own kernel panicked ("corrupted stack end detected inside scheduler", which no
	# user process can cause); in turn, none of 1,224 runs did (tests/vm/README.md, "Two CPUs").
	machine=(-accel tcg,thread=single -cpu EPYC,+svm,+npt)
fi
((icount)) && machine+=(-icount shift=0,sleep=off -rtc base=2020-01-01T00:00:00,clock=vm -seed 42)
# Streaming: the guest's third and fourth serial ports are the program's stdout
# and stderr, written to ours (fds 7 and 8: QEMU's own stderr is filtered below).
streams=()
if ((stream)); then
	exec 7>&1 8>&2
	streams=(-chardev file,id=progout,path=/dev/fd/7,append=on -serial chardev:progout
		-chardev file,id=progerr,path=/dev/fd/8,append=on -serial chardev:progerr)
fi

budget=$((BOOT_BUDGET_SECS))
for name in "${names[@]}"; do budget=$((budget + timeouts[$name] + REPORT_BUDGET_SECS)); done
# icount slows everything down about 4x, the programs' own time included.
((icount)) && budget=$((budget * 4))
# Bochs boots in ~45 s and runs programs ~10-50x slower than TCG.
((bochs)) && budget=$((budget * BOCHS_BUDGET_FACTOR))

mkdir -p "$out"
rm -f "$out/results.txt" "$out/console.log" "$out/results.tsv"
for name in "${names[@]}"; do rm -f "$out/$name.stdout" "$out/$name.stderr"; done

((quiet)) || log "booting $KERNEL_RELEASE with ${#names[@]} program(s), host timeout ${budget}s"
start=$SECONDS
set +e
# panic=-1 reboots at once on a panic and -no-reboot turns that into a QEMU
# exit with status 0; oops=panic makes a kernel oops (e.g. in kvm_amd) end the
# run instead of leaving a half-broken kernel behind. no_timer_check: the boot's
# check that the timer reaches the IO-APIC counts on real-time delays, which an
# emulated CPU on a loaded host misses ("IO-APIC + timer doesn't work!" panicked
# a two-CPU boot beside ten others).
if ((bochs)); then
	# No reboot to stop at: the kernel halts on a panic and the host sees it on the console.
	bochs_boot "$kernel" "$work/initrd" "console=ttyS0 quiet panic=0 oops=panic" "$out" "$budget" "$work" "$smp"
else
	timeout --kill-after=5 "$budget" qemu-system-x86_64 "${machine[@]}" \
		-m 1024 -smp "$smp" -display none -monitor none -no-reboot \
		-serial "file:$out/console.log" -serial "file:$out/results.txt" "${streams[@]}" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$kernel" -initrd "$work/initrd" \
		-append "console=ttyS0 quiet panic=-1 oops=panic no_timer_check" </dev/null \
		2> >(grep -v "TCG doesn't support requested feature" >&2)
fi
qemu_rc=$?
set -e
elapsed=$((SECONDS - start))

# --- results ----------------------------------------------------------------

# QEMU creates the file when it starts; it may not have.
touch "$out/results.txt"
declare -A status code size garbled
booted=0 kvm="" done=0 fatal="" current="" capture=""
while IFS= read -r line; do
	line=${line%$'\r'}
	if [[ $line != "@@DUNEVM "* ]]; then
		[[ -n $capture ]] && printf '%s\n' "$line" >>"$capture"
		continue
	fi
	read -r -a f <<<"${line#@@DUNEVM }"
	case ${f[0]} in
	BOOTED) booted=1 ;;
	KVM) kvm=${f[1]} ;;
	BEGIN) current=${f[1]} ;;
	DATA)
		capture=$work/${f[1]}.${f[2]}.b64
		: >"$capture"
		size[${f[2]}]=${f[3]}
		;;
	END)
		# A damaged report (a serial line that lost bytes, markers included) spoils that program only.
		if ! base64 -d <"$capture" >"$out/${f[1]}.${f[2]}" 2>/dev/null ||
			[[ $(stat -c %s "$out/${f[1]}.${f[2]}") != "${size[${f[2]}]}" ]]; then
			log "warning: ${f[1]} ${f[2]}: the report is damaged (not the ${size[${f[2]}]} bytes announced)"
			garbled[${f[1]}]=1
		fi
		capture=""
		;;
	EXIT) status[${f[1]}]=exit code[${f[1]}]=${f[2]} current="" ;;
	TIMEOUT) status[${f[1]}]=timeout code[${f[1]}]=${f[2]} current="" ;;
	FATAL) fatal=${line#@@DUNEVM FATAL } ;;
	DONE) done=1 ;;
	esac
done <"$out/results.txt"

# Why the VM ended early, from QEMU's status and the console.
cause=""
if ((qemu_rc == 124 || qemu_rc == 137)) && ((!booted)); then
	cause="the guest did not boot within the host timeout of ${budget}s"
elif ((qemu_rc == 124 || qemu_rc == 137)); then
	cause="the guest hung: not done within the host timeout of ${budget}s"
elif ((qemu_rc == 0)); then
	cause="guest kernel panicked or rebooted"
	panic=$(grep -m1 -a 'Kernel panic' "$out/console.log" || true)
	[[ -n $panic ]] && cause+=": ${panic#*] }"
elif ((qemu_rc == 5)); then
	cause="guest setup failed: ${fatal:-no reason given}"
elif ((qemu_rc == 1)); then
	cause="QEMU failed (see its messages above)"
elif ((qemu_rc != 3)); then
	cause="QEMU exited with status $qemu_rc"
elif ((!done)); then
	cause="guest powered off before finishing its programs"
fi

failed=0
for name in "${names[@]}"; do
	if [[ -z ${status[$name]:-} ]]; then
		if [[ $name == "$current" ]]; then status[$name]=lost; else status[$name]=not-run; fi
		code[$name]=-
	fi
	[[ -z ${garbled[$name]:-} ]] || status[$name]=garbled
	[[ ${status[$name]} == exit && ${code[$name]} == 0 ]] || failed=1
	printf '%s\t%s\t%s\n' "$name" "${status[$name]}" "${code[$name]}" >>"$out/results.tsv"
done

if ((stream)); then
	name=${names[0]}
	if [[ -n $cause ]]; then
		log "$name: VM failure: $cause; last console lines:"
		tail -n 20 "$out/console.log" | sed 's/^/vm:   | /' >&2
		exit 125
	fi
	case ${status[$name]} in
	exit) exit "${code[$name]}" ;;
	timeout) log "$name: timed out after ${code[$name]}s, killed"; exit 124 ;;
	*) log "$name: ${status[$name]}"; exit 125 ;;
	esac
fi

if ((!quiet)); then
	for name in "${names[@]}"; do
		for stream_name in stdout stderr; do
			file=$out/$name.$stream_name
			[[ -s $file ]] || continue
			log "--- $name $stream_name ---"
			if [[ $stream_name == stdout ]]; then cat "$file"; else cat "$file" >&2; fi
		done
	done
fi
log "VM ran ${elapsed}s (qemu status $qemu_rc, kvm: ${kvm:-not loaded})"
for name in "${names[@]}"; do
	case ${status[$name]} in
	exit) if [[ ${code[$name]} == 0 ]]; then log "  PASS $name"; else log "  FAIL $name: exit code ${code[$name]}"; fi ;;
	timeout) log "  FAIL $name: timed out after ${code[$name]}s, killed" ;;
	lost) log "  FAIL $name: running when the VM ended ($cause)" ;;
	garbled) log "  FAIL $name: exit code ${code[$name]}, but its report was damaged on the serial line" ;;
	not-run) log "  FAIL $name: never started ($cause)" ;;
	esac
done
log "outputs in $out"
if [[ -n $cause ]]; then
	log "VM failure: $cause; last console lines:"
	tail -n 20 "$out/console.log" | sed 's/^/vm:   | /' >&2
	exit 3
fi
exit "$failed"
