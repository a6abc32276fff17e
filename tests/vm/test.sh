#!/usr/bin/env bash
# The test VM's own test suite: boots the VM once with the batch of programs
# in tests/Dune.Vm.Tests/VmPrograms.cs and checks what came back.
# build.sh calls this; it takes about 20 s warm (first run: + ~10 s to fetch
# and unpack the kernel).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec dotnet test "$repo/tests/Dune.Vm.Tests" "$@"
