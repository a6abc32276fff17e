#!/bin/busybox sh
# PID 1 of the test VM (busybox ash). run.sh packs it as /init.
#
# Loads the KVM modules, runs every program listed in /progs/run-list.sh and
# reports on the second serial port (/dev/ttyS1) using the framed protocol
# described in tests/vm/README.md. The first serial port is the kernel console;
# it only carries human-readable progress.
#
# Ends by writing to the isa-debug-exit port (0xf4) so QEMU exits with
# (value << 1) | 1: value 1 (status 3) means "all programs ran" (each one's own
# result is in the report), value 2 (status 5) means the VM itself could not be
# set up. Value 0 is not used: its status 1 is also QEMU's own error status.

/bin/busybox mkdir -p /proc /sys /dev /tmp
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
# What udev makes on any Linux system: programs (and execveat's scripts) name their descriptors /dev/fd/N.
/bin/busybox ln -s /proc/self/fd /dev/fd
/bin/busybox mount -t tmpfs tmpfs /tmp
/bin/busybox --install -s /bin
export PATH=/bin
# The initramfs has no /dev/console node, so the kernel started us without
# stdio; devtmpfs has it now.
exec </dev/console >/dev/console 2>&1

RESULTS=/dev/ttyS1

# One protocol line. Every write opens and closes the tty: the last close of a
# serial tty waits until the UART has sent everything, so nothing is lost when
# we power off right after the final line.
report() {
	echo "@@DUNEVM $*" >>"$RESULTS"
}

# Writes one byte to the isa-debug-exit port; QEMU exits immediately.
power_off() {
	printf "\\$(printf '%03o' "$1")" | dd of=/dev/port bs=1 seek=244 count=1 2>/dev/null
	# Bochs (run.sh --bochs) has no exit device and its kernel no /dev/port: the
	# host stops it on the report's last line; ACPI power-off ends it sooner.
	poweroff -f
	# Only reached if the exit device is missing; the kernel then panics and
	# QEMU (-no-reboot) exits with 0, which the host treats as a failure.
	echo "dune-vm: isa-debug-exit did not stop the VM"
	exit 1
}

fatal() {
	echo "dune-vm: FATAL: $*"
	report "FATAL $*"
	power_off 2
}

# One stream of one program: a header with its byte count, base64 lines, end.
send_stream() { # NAME STREAM FILE
	report "DATA $1 $2 $(wc -c <"$3")"
	base64 "$3" >>"$RESULTS"
	report "END $1 $2"
}

# Where each thread of a hung program is, for its stderr and the console: its
# scheduler state, kernel wait channel and system call (number and arguments;
# "16 0x... 0xae80" is a vCPU inside KVM_RUN), and the clock ticks it spent in
# user mode, the kernel and a guest over one second (a spinning vCPU gains guest
# ticks), its pending and blocked signals (bit N-1 for signal N) and, for a
# vCPU, where its guest was at its exits (the commonest), so a timeout says
# more than "hung".
thread_states() { # PID
	echo "dune-vm: threads of $1 at the timeout (tid, state, wait channel | syscall | user, system, guest ticks in 1 s | signals):"
	for task in /proc/"$1"/task/*; do
		stat=$(cat "$task/stat" 2>/dev/null) || continue
		echo "${task##*/} ${stat##*) }"
	done >/tmp/stat-before
	# The guest's rip at each of its exits over that second (kvm:kvm_exit), for the threads that ran meanwhile.
	tracing=/sys/kernel/tracing
	[ -e $tracing/trace ] || mount -t tracefs tracefs $tracing 2>/dev/null
	: >$tracing/trace 2>/dev/null && echo 1 >$tracing/events/kvm/kvm_exit/enable 2>/dev/null
	sleep 1
	echo 0 >$tracing/events/kvm/kvm_exit/enable 2>/dev/null
	for task in /proc/"$1"/task/*; do
		stat=$(cat "$task/stat" 2>/dev/null) || continue
		set -- ${stat##*) }
		state=$1 user=${12} system=${13} guest=${41}
		set -- $(grep "^${task##*/} " /tmp/stat-before)
		signals=$(grep -E '^(SigPnd|SigBlk)' "$task/status" 2>/dev/null | tr -s '\t\n' '  ')
		echo "dune-vm:   ${task##*/} $state $(cat "$task/wchan" 2>/dev/null) | $(cat "$task/syscall" 2>/dev/null) | $((user - ${13:-0})) $((system - ${14:-0})) $((guest - ${42:-0})) | $signals"
		grep -- "-${task##*/} .*kvm_exit:" $tracing/trace 2>/dev/null | sed -E 's/.*kvm_exit: (vcpu [0-9]+ )?reason ([^ ]+) rip (0x[0-9a-f]+).*/dune-vm:     exit \2 at rip \3/' | sort | uniq -c | sort -rn | head -5
	done
}

# Runs one program under a watchdog. busybox `timeout` reports a timeout only
# as "killed by a signal", which a crashing program also produces, so the
# watchdog leaves a marker file that tells the two apart.
run_program() { # NAME TIMEOUT_SECS PATH [ARGS...]
	name=$1 limit=$2
	shift 2
	echo "dune-vm: running $name (timeout ${limit}s)"
	report "BEGIN $name"
	rm -f /tmp/timed-out
	if [ -n "${DUNEVM_STREAM:-}" ]; then
		# Live output (run.sh --stream): the third and fourth serial ports, raw so
		# bytes pass unchanged. The program's exit closes them last, and the last
		# close of a serial tty waits until the UART has sent everything.
		stty -F /dev/ttyS2 raw -echo && stty -F /dev/ttyS3 raw -echo || fatal "cannot set up /dev/ttyS2 and /dev/ttyS3"
		"$@" </dev/null >/dev/ttyS2 2>/dev/ttyS3 &
	else
		"$@" </dev/null >/tmp/stdout 2>/tmp/stderr &
	fi
	pid=$!
	(sleep "$limit" && kill -0 "$pid" 2>/dev/null && thread_states "$pid" >/tmp/timed-out && kill -KILL "$pid") &
	watchdog=$!
	wait "$pid"
	code=$?
	kill "$watchdog" 2>/dev/null
	if [ -s /tmp/timed-out ]; then
		cat /tmp/timed-out
		[ -n "${DUNEVM_STREAM:-}" ] || cat /tmp/timed-out >>/tmp/stderr
	fi
	if [ -z "${DUNEVM_STREAM:-}" ]; then
		send_stream "$name" stdout /tmp/stdout
		send_stream "$name" stderr /tmp/stderr
	fi
	# 137 = killed by SIGKILL, the watchdog's signal. A program that exits on
	# its own at the very moment the watchdog fires keeps its real code.
	if [ -e /tmp/timed-out ] && [ "$code" = 137 ]; then
		echo "dune-vm: $name timed out after ${limit}s"
		report "TIMEOUT $name $limit"
	else
		echo "dune-vm: $name exited with $code"
		report "EXIT $name $code"
	fi
}

report "BOOTED $(uname -r)"

# Native runs on Intel hosts need kvm_intel; TCG emulates AMD SVM.
if grep -qw svm /proc/cpuinfo; then
	vendor=amd
elif grep -qw vmx /proc/cpuinfo; then
	vendor=intel
else
	fatal "the virtual CPU has neither svm nor vmx"
fi
# modules/$vendor.list holds the module files in dependency order.
while read -r module; do
	insmod "/modules/$module" || fatal "insmod $module failed"
done <"/modules/$vendor.list"
[ -c /dev/kvm ] || fatal "/dev/kvm missing after loading the kvm_$vendor modules"
report "KVM $vendor"

# run.sh --kmod ships dune.ko; it loads next to KVM, as on a real host.
if [ -e /kmod/dune.ko ]; then
	insmod /kmod/dune.ko || fatal "insmod dune.ko failed (see the console)"
	[ -c /dev/dune ] || fatal "/dev/dune missing after loading dune.ko"
	report "KMOD loaded"
fi

. /progs/run-list.sh

report "DONE"
power_off 1
