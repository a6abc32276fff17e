# Sourced by tests/vm/run.sh and launcher/dune: may this host use its own /dev/kvm?
#
# The development machines have a PVM /dev/kvm: it emulates guest kernel code
# and breaks on SSE, so ring-0 code must never run on it. A host qualifies only
# if its CPU shows vmx/svm, no PVM module is loaded, the matching hardware
# module (kvm_intel/kvm_amd) is loaded and /dev/kvm is usable.

# Prints why this host cannot run Dune mode itself; prints nothing if it can.
hardware_virt_refusal() {
	local flag module
	if [[ -d /sys/module/kvm_pvm ]]; then echo "/dev/kvm is PVM (module kvm_pvm is loaded)"; return; fi
	if grep -qw vmx /proc/cpuinfo; then flag=vmx module=kvm_intel
	elif grep -qw svm /proc/cpuinfo; then flag=svm module=kvm_amd
	else echo "/proc/cpuinfo shows neither vmx nor svm"; return; fi
	if [[ ! -d /sys/module/$module ]]; then echo "CPU has $flag but $module is not loaded"; return; fi
	if [[ ! -r /dev/kvm || ! -w /dev/kvm ]]; then echo "/dev/kvm is not accessible"; return; fi
}

# Prints why this host cannot run the test VM with hardware acceleration (the
# VM's own KVM then needs nested virtualization); prints nothing if it can.
nested_virt_refusal() {
	local reason module
	reason=$(hardware_virt_refusal)
	if [[ -n $reason ]]; then echo "$reason"; return; fi
	if grep -qw vmx /proc/cpuinfo; then module=kvm_intel; else module=kvm_amd; fi
	if [[ ! $(cat "/sys/module/$module/parameters/nested" 2>/dev/null) =~ ^(Y|1)$ ]]; then
		echo "$module is loaded without nested=1"
	fi
}
