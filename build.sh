#!/usr/bin/env bash
# DuneAot's one entry point.
#   ./build.sh          restore, build the runtime, the stubs, every sample and bench/paper, kmod/dune.ko (when
#                       the running kernel's headers are installed), pack the NuGet
#                       packages into build/packages, then run samples/hello and samples/hello-dune (in ring 0:
#                       through launcher/dune, natively or in the test VM)
#   ./build.sh test     the above, then every test suite: unit tests, runtime conformance tests (host
#                       mode), the runtime benchmarks' instruction counts against standard NativeAOT (limits in
#                       bench/runtime/icount-limits.txt) and the ring-0 tests in the test VM (tests/vm, QEMU
#                       emulating AMD SVM)
#   ./build.sh clean    remove build outputs (keeps the cached test-VM kernel in build/vm)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ensure_tools() {
    command -v dotnet >/dev/null || die "the .NET SDK (dotnet, version 10) is required and was not found on PATH"
    local missing=()
    command -v gcc >/dev/null || missing+=(gcc)
    command -v ld >/dev/null || missing+=(binutils)
    if ((${#missing[@]})); then
        step "installing ${missing[*]} (apt-get)"
        apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null ||
            die "could not install ${missing[*]}; install them and retry"
    fi
}

samples() { find samples -mindepth 2 -maxdepth 2 -name '*.csproj' | sort; }

build_all() {
    ensure_tools
    step "restoring packages (ilc from NuGet, xunit)"
    dotnet restore DuneAot.sln -v q --nologo
    local p
    for p in $(samples) bench/paper/paper.csproj; do
        step "building $(dirname "$p") (C# -> ilc -> ld)"
        dotnet build "$p" -c Release -nologo -v q -clp:ErrorsOnly
    done
    build_kmod
    for p in packaging/DuneAot.Sdk packaging/DuneAot.Templates; do
        step "packing $p into build/packages"
        dotnet pack "$p" -c Release -o build/packages -nologo -v q -clp:ErrorsOnly
    done
}

# dune.ko for the running kernel when its headers are installed; without them kmod/build.sh says how to get
# them and the build goes on (the test VM's module is built against pinned headers by the VM suite).
build_kmod() {
    step "building kmod/dune.ko for the running kernel ($(uname -r))"
    local rc=0
    kmod/build.sh >/dev/null || rc=$?
    case $rc in
    0) ;;
    2) printf 'build.sh: kmod skipped: no headers for this kernel (see above)\n' >&2 ;;
    *) die "kmod/build.sh failed (exit $rc)" ;;
    esac
}

run_hello() {
    step "running samples/hello/bin/Release/hello"
    samples/hello/bin/Release/hello
    step "running samples/hello-dune/bin/Release/hello-dune in ring 0 (launcher/dune: natively or in the test VM)"
    launcher/dune run samples/hello-dune/bin/Release/hello-dune
}

run_tests() {
    step "unit tests (pure logic on the normal .NET runtime)"
    dotnet test tests/Dune.Guest.Tests -nologo -v q --logger "console;verbosity=minimal"
    step "runtime conformance tests (Dune executables in host mode)"
    dotnet test tests/Dune.Conformance.Tests -nologo -v q --logger "console;verbosity=minimal"
    step "runtime benchmarks: instructions against standard NativeAOT within bench/runtime/icount-limits.txt (valgrind)"
    bench/runtime/run.sh --icount --quick --check bench/runtime/icount-limits.txt
    step "ring-0 tests in the test VM (QEMU TCG, AMD SVM, nested KVM)"
    tests/vm/test.sh -nologo -v q --logger "console;verbosity=minimal"
}

case "${1:-}" in
"") build_all; run_hello ;;
test) build_all; run_hello; run_tests ;;
clean)
    step "removing bin/ and obj/ folders"
    find src samples tests packaging bench -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
    rm -rf build/packages
    ;;
*) die "unknown command '$1' (use: ./build.sh, ./build.sh test, ./build.sh clean)" ;;
esac
