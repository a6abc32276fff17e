#!/usr/bin/env bash
# DuneAot against standard NativeAOT on the same C# sources.
#   bench/runtime/run.sh [--quick] [--rounds N] [PROGRAM...]              time, memory, size
#   bench/runtime/run.sh --icount [--quick] [--check LIMITS] [PROGRAM...]  instructions (exact, noise-free)
# Builds every benchmark (or the ones named) twice: as a Dune executable (linker/Dune.targets) and with
# `dotnet publish -p:PublishAot=true`, and checks that both print the same output (the checksum lines).
# Time mode runs them paired, DuneAot then NativeAOT, for several rounds and prints a table of medians: wall
# time, user and system CPU time, peak RSS, binary size, and DuneAot/NativeAOT ratios (the median of the
# per-round ratios, with their min-max spread for CPU time). --icount runs each once under valgrind's
# instruction counter instead: the same count every run, so the ratio means something on a loaded machine.
# --check LIMITS (with --icount): fail unless each program's ratio is at most the limit the file gives it.
# --quick: smaller inputs and 2 rounds. Raw measurements go to bench/runtime/obj/results.txt (icount.txt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."

die() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }
step() { printf '==> %s\n' "$*" >&2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# name, full-size argument, quick-size argument
benchmarks=(
    "binarytrees 18 14"
    "dictchurn 4000 500"
    "spancopy 300 40"
    "strings 300 40"
    "sorting 400 50"
    "linq 200 25"
)

quick=0
rounds=""
icount=0
limits=""
selected=()
while (($#)); do
    case "$1" in
    --quick) quick=1 ;;
    --rounds) shift; rounds="${1:-}"; [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive number" ;;
    --icount) icount=1 ;;
    --check) shift; limits="${1:-}"; [[ -f "$limits" ]] || die "--check needs a file of limits (no file '$limits')" ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) selected+=("$1") ;;
    esac
    shift
done
[[ -n "$rounds" ]] || rounds=$((quick ? 2 : 5))
[[ -z "$limits" ]] || ((icount)) || die "--check compares instruction counts: add --icount"
[[ -z "$limits" ]] || limits="$(cd "$(dirname "$limits")" && pwd)/$(basename "$limits")"

command -v dotnet >/dev/null || die "the .NET SDK (dotnet, version 10) is required and was not found on PATH"
missing=()
command -v gcc >/dev/null || missing+=(gcc)
command -v ld >/dev/null || missing+=(binutils)
((icount == 0)) || command -v valgrind >/dev/null || missing+=(valgrind)
if ((${#missing[@]})); then
    step "installing ${missing[*]} (apt-get)"
    apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null ||
        die "could not install ${missing[*]}; install them and retry"
fi

work="$here/obj"
mkdir -p "$work"
gcc -O2 -o "$work/measure" "$here/measure.c"

plan=()
for entry in "${benchmarks[@]}"; do
    read -r name full small <<<"$entry"
    if ((${#selected[@]})) && [[ ! " ${selected[*]} " =~ " $name " ]]; then continue; fi
    plan+=("$name $((quick ? small : full))")
done
((${#plan[@]})) || die "no benchmark named ${selected[*]} (have: $(printf '%s ' "${benchmarks[@]%% *}"))"

for entry in "${plan[@]}"; do
    read -r name _ <<<"$entry"
    dir="bench/runtime/$name"
    step "building $name: DuneAot"
    dotnet build "$dir" -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "building $name failed"; }
    step "building $name: NativeAOT (dotnet publish -p:PublishAot=true)"
    # Invariant globalization: the culture DuneAot has, and no ICU to load.
    dotnet publish "$dir" -c Release -r linux-x64 -nologo -v q -p:DuneOracle=true -p:PublishAot=true -p:InvariantGlobalization=true \
        -p:BaseIntermediateOutputPath=obj/nativeaot/ -p:OutputPath=bin/nativeaot-build/ -o "$dir/bin/nativeaot" \
        >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "publishing $name with NativeAOT failed"; }
done

# Checks a run's output against the first one of the same program: both builds must print the same.
same_output() {
    local name="$1" out="$2" reference="$work/$1.reference.out"
    [[ -f "$reference" ]] || cp "$out" "$reference"
    cmp -s "$out" "$reference" || die "$name: NativeAOT and DuneAot print different output:
$(diff "$reference" "$out" | head -20)"
}

executable() { if [[ $2 == dune ]]; then echo "bench/runtime/$1/bin/Release/$1"; else echo "bench/runtime/$1/bin/nativeaot/$1"; fi; }

if ((icount)); then
    # valgrind cannot read the .dbg file NativeAOT puts its symbols in: count a copy that has none beside it.
    mkdir -p "$work/icount"
    results="$work/icount.txt"
    : >"$results"
    for entry in "${plan[@]}"; do
        read -r name size <<<"$entry"
        rm -f "$work/$name.reference.out"
        for build in dune nativeaot; do
            step "counting instructions: $name $size ($build)"
            exe="$work/icount/$name.$build"
            cp "$(executable "$name" "$build")" "$exe"
            out="$work/$name.$build.out"
            valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null --log-file="$work/valgrind.log" \
                "$exe" "$size" >"$out" || die "$exe $size failed under valgrind: $(tail -5 "$work/valgrind.log")"
            [[ -s "$out" ]] || die "$exe $size printed nothing"
            same_output "$name" "$out"
            count=$(sed -n 's/.*I *refs: *//p' "$work/valgrind.log" | tr -d ,)
            [[ "$count" =~ ^[0-9]+$ ]] || die "no instruction count in $work/valgrind.log"
            printf '%s %s %s\n' "$name" "$build" "$count" >>"$results"
        done
    done
    echo
    echo "DuneAot vs NativeAOT: instructions executed ($( ((quick)) && echo quick || echo full) sizes, valgrind); x = DuneAot/NativeAOT"
    echo
    awk -v plan="$(printf '%s\n' "${plan[@]}")" -v limits="$limits" '
    { count[$1 " " $2] = $3 }
    END {
        if (limits != "") while ((getline line < limits) > 0) {
            if (line ~ /^[ \t]*(#|$)/) continue
            split(line, f, " "); limit[f[1]] = f[2]
        }
        print "| program | size | instructions DuneAot / NativeAOT (millions) | x |" (limits != "" ? " limit |" : "")
        print "|---|---|---|---|" (limits != "" ? "---|" : "")
        n = split(plan, lines, "\n"); failed = 0
        for (i = 1; i <= n; i++) {
            split(lines[i], f, " "); p = f[1]
            x = count[p " dune"] / count[p " nativeaot"]
            row = sprintf("| %s | %s | %.1f / %.1f | %.2f |", p, f[2], count[p " dune"] / 1e6, count[p " nativeaot"] / 1e6, x)
            if (limits != "") {
                if (!(p in limit)) { row = row " none |"; failed = 1 }
                else if (x > limit[p] + 0) { row = row " " limit[p] " EXCEEDED |"; failed = 1 }
                else row = row " " limit[p] " |"
            }
            print row
        }
        exit failed
    }' "$results" || die "an instruction ratio is above its limit in $limits (or the program has none)"
    exit 0
fi

results="$work/results.txt"
: >"$results"
for entry in "${plan[@]}"; do rm -f "$work/${entry%% *}.reference.out"; done
for ((round = 1; round <= rounds; round++)); do
    for entry in "${plan[@]}"; do
        read -r name size <<<"$entry"
        step "round $round/$rounds: $name $size"
        for build in dune nativeaot; do
            exe="$(executable "$name" "$build")"
            out="$work/$name.$build.out"
            read -r wall user sys rss code < <("$work/measure" "$out" "$exe" "$size")
            ((code == 0)) || die "$exe $size exited with $code"
            [[ -s "$out" ]] || die "$exe $size printed nothing"
            same_output "$name" "$out"
            printf '%s %s %s %s %s %s %s %s\n' "$name" "$build" "$round" "$wall" "$user" "$sys" "$rss" "$(stat -c %s "$exe")" >>"$results"
        done
    done
done

echo
echo "DuneAot vs NativeAOT, median of $rounds paired rounds ($( ((quick)) && echo quick || echo full) sizes); x = DuneAot/NativeAOT"
echo
awk -v plan="$(printf '%s\n' "${plan[@]}")" '
function sorted(list, a,    n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n
}
function median(list,    a, n) {
    n = sorted(list, a)
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(list,    a, n) {
    if (list == "") return "-"
    n = sorted(list, a)
    return sprintf("%.2f", median(list)) (n > 1 ? sprintf(" (%.2f-%.2f)", a[1], a[n]) : "")
}
{
    key = $1 " " $3
    if ($2 == "dune") { dw[key] = $4; du[key] = $5; ds[key] = $6; dr[key] = $7; size_d[$1] = $8 }
    else {
        nw[key] = $4; nu[key] = $5; ns[key] = $6; nr[key] = $7; size_n[$1] = $8
        W[$1] = W[$1] " " $4; U[$1] = U[$1] " " $5; S[$1] = S[$1] " " $6; R[$1] = R[$1] " " $7
        DW[$1] = DW[$1] " " dw[key]; DU[$1] = DU[$1] " " du[key]; DS[$1] = DS[$1] " " ds[key]; DR[$1] = DR[$1] " " dr[key]
        if ($4 > 0) XW[$1] = XW[$1] " " dw[key] / $4
        if ($5 > 0) XU[$1] = XU[$1] " " du[key] / $5
        if ($5 + $6 > 0) XC[$1] = XC[$1] " " (du[key] + ds[key]) / ($5 + $6)
        if ($6 > 0) XS[$1] = XS[$1] " " ds[key] / $6
        if ($7 > 0) XR[$1] = XR[$1] " " dr[key] / $7
    }
}
END {
    print "| program | size | wall s DuneAot / NativeAOT | x | user s | x (min-max) | sys s | x | user+sys x (min-max) | peak RSS MiB | x | binary KiB | x |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    n = split(plan, lines, "\n")
    for (i = 1; i <= n; i++) {
        split(lines[i], f, " "); p = f[1]
        printf "| %s | %s | %.3f / %.3f | %s | %.3f / %.3f | %s | %.3f / %.3f | %s | %s | %.1f / %.1f | %s | %d / %d | %.2f |\n", \
            p, f[2], median(DW[p]), median(W[p]), XW[p] == "" ? "-" : sprintf("%.2f", median(XW[p])), \
            median(DU[p]), median(U[p]), ratio(XU[p]), \
            median(DS[p]), median(S[p]), XS[p] == "" ? "-" : sprintf("%.2f", median(XS[p])), ratio(XC[p]), \
            median(DR[p]) / 1024, median(R[p]) / 1024, XR[p] == "" ? "-" : sprintf("%.2f", median(XR[p])), \
            size_d[p] / 1024, size_n[p] / 1024, size_d[p] / size_n[p]
    }
}' "$results"
