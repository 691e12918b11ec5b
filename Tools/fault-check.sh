#!/usr/bin/env bash
# Faults a ledger meets in use, repeated: verifies during an import, kills during a backup,
# single-byte flips of a small ledger, a read-only copy opened by an unprivileged user, and
# outputs to a full device. Prints one line per check and a closing "N passed, N failed".
#
#   bash Tools/fault-check.sh [--tthc PATH] [--verifies 30] [--kills 20] [--flips 50] [--seed 1]
#
# Run by hand (it needs root for the unprivileged-user check); bounded: each loop has a count and
# every command a time limit.
set -uo pipefail
cd "$(dirname "$0")/.."

tthc=.build/release/tthc
verifies=30
kills=20
flips=50
seed=1
while [ $# -gt 0 ]; do
    case "$1" in
        --tthc) tthc=$2; shift 2 ;;
        --verifies) verifies=$2; shift 2 ;;
        --kills) kills=$2; shift 2 ;;
        --flips) flips=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 1 ;;
    esac
done
if [ ! -x "$tthc" ]; then
    swift build -c release --product tthc >&2 || exit 1
fi
tthc=$(realpath "$tthc")
work=$(mktemp -d /tmp/tthc-faults.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # name, ok (0/1), detail
    if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok    $1: $3"; else
        failed=$((failed + 1)); echo "FAIL  $1: $3"; fi
}
run() { timeout 120 "$tthc" "$@"; }

reference() { # a ledger with the fixture province's reference files in $1
    run init --ledger "$1" >/dev/null
    for file in calendar units procedures plan-tasks; do
        run import "Fixtures/$file.csv" --ledger "$1" >/dev/null 2>&1 || return 1
    done
}

# 1. verify during an import with small batches: no false alarm.
reference "$work/concurrent"
run import Fixtures/dossiers.csv --batch-size 5 --ledger "$work/concurrent" >/dev/null 2>&1 &
importer=$!
alarms=0
done_during=0
for _ in $(seq "$verifies"); do
    run verify --ledger "$work/concurrent" >/dev/null 2>"$work/verify.err"
    status=$?
    [ $status -ne 0 ] && { alarms=$((alarms + 1)); head -1 "$work/verify.err" >&2; }
    kill -0 $importer 2>/dev/null && done_during=$((done_during + 1))
done
wait $importer
check "verify during import" $([ $alarms -eq 0 ] && echo 0 || echo 1) \
    "$verifies verifies ($done_during while the import ran), $alarms exited non-zero"

# The small ledger the next checks use.
reference "$work/small"
run import Fixtures/dossiers.csv --ledger "$work/small" >/dev/null 2>&1
run import Fixtures/dossiers.jsonl --ledger "$work/small" >/dev/null 2>&1
run log --ledger "$work/small" >"$work/small.log"
run report quarterly --year 2025 --quarter 1 --ledger "$work/small" >"$work/small.q1.json"

# 2. kills during backup: nothing left under the final name that looks like a ledger.
leftovers=0
for i in $(seq "$kills"); do
    target="$work/backup-$i"
    "$tthc" backup "$target" --ledger "$work/small" >/dev/null 2>&1 &
    pid=$!
    sleep "0.0$((RANDOM % 10))"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    if [ -e "$target/data.mdb" ] && ! run verify --ledger "$target" >/dev/null 2>&1; then
        leftovers=$((leftovers + 1))
    fi
done
check "kills during backup" $([ $leftovers -eq 0 ] && echo 0 || echo 1) \
    "$kills backups killed, $leftovers left a data.mdb that does not verify"

# 3. single-byte flips: never exit 0 with changed events or figures, never a signal.
size=$(stat -c %s "$work/small/data.mdb")
RANDOM=$seed
lies=0
signals=0
caught=0
harmless=0
for i in $(seq "$flips"); do
    copy="$work/flip-$i"
    mkdir -p "$copy"
    cp "$work/small/data.mdb" "$copy/data.mdb"
    offset=$(((RANDOM * 32768 + RANDOM) % size))
    python3 - "$copy/data.mdb" "$offset" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(int(sys.argv[2])); b = f.read(1); f.seek(int(sys.argv[2])); f.write(bytes([b[0] ^ (1 << (int(sys.argv[2]) % 8))]))
EOF
    run verify --ledger "$copy" >/dev/null 2>&1
    status=$?
    if [ $status -ge 128 ]; then
        signals=$((signals + 1)); echo "  flip at $offset: verify ended on signal $((status - 128))" >&2
    elif [ $status -eq 0 ]; then
        run log --ledger "$copy" >"$copy.log" 2>/dev/null
        run report quarterly --year 2025 --quarter 1 --ledger "$copy" >"$copy.q1.json" 2>/dev/null
        if cmp -s "$copy.log" "$work/small.log" && cmp -s "$copy.q1.json" "$work/small.q1.json"; then
            harmless=$((harmless + 1))
        else
            lies=$((lies + 1)); echo "  flip at $offset: verify 0 but events or figures changed" >&2
        fi
    else
        caught=$((caught + 1))
    fi
    rm -rf "$copy" "$copy.log" "$copy.q1.json"
done
check "single-byte flips" $([ $((lies + signals)) -eq 0 ] && echo 0 || echo 1) \
    "$flips flips: $caught refused, $harmless in bytes nothing reads (verify 0, same events and figures), $lies lies, $signals signals"

# 4. a read-only copy opened by an unprivileged user.
mkdir -p "$work/readonly"
cp "$work/small/data.mdb" "$work/readonly/data.mdb"
chmod 555 "$work/readonly"
chmod 444 "$work/readonly/data.mdb"
if command -v setpriv >/dev/null; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups timeout 120 "$tthc" verify --ledger "$work/readonly" \
        >"$work/ro.out" 2>&1
    status=$?
    check "read-only copy, unprivileged verify" $([ $status -eq 0 ] && echo 0 || echo 1) \
        "exit $status: $(head -c 160 "$work/ro.out")"
fi

# 5. outputs to a full device: exit 4.
run report quarterly --year 2025 --quarter 1 --ledger "$work/small" >/dev/full 2>/dev/null
status=$?
check "report to /dev/full" $([ $status -eq 4 ] && echo 0 || echo 1) "exit $status"
run export --ledger "$work/small" >/dev/full 2>/dev/null
status=$?
check "export to /dev/full" $([ $status -eq 4 ] && echo 0 || echo 1) "exit $status"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
