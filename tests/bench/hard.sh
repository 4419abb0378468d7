#!/usr/bin/env bash
# hard.sh - inputs shaped to be hard, each checked once: time and peak
# memory must grow with the input, not with its square.
#
#   tests/bench/hard.sh BLAMELINT_BINARY        (run from the repo root)
#
# Inputs go to ${BENCH_DIR:-build/bench}/hard/.  Prints one line per input:
# its size, the findings, the wall time and peak RSS (GNU time).

set -euo pipefail

BIN=$1
OUT=${BENCH_DIR:-build/bench}/hard
mkdir -p "$OUT"

# repeat TEXT N: TEXT N times, no separator.
repeat() {
    awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# questions N: a section of N italic template questions in one paragraph,
# each of which placeholder/instructions reports.
questions() {
    printf '# Incident\n\n## Impact\n\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "_How did step %d go?_\n", i }'
}

make_inputs() {
    [ -s "$OUT/one-line.md" ] ||
        { repeat 'Bob forgot to check the alert and it was human error. ' 9500; echo; } \
            >"$OUT/one-line.md"
    [ -s "$OUT/if-only.md" ] ||
        { repeat 'if only ' 1250000; echo; } >"$OUT/if-only.md"
    [ -s "$OUT/questions-30k.md" ] || questions 30000 >"$OUT/questions-30k.md"
    [ -s "$OUT/questions-60k.md" ] || questions 60000 >"$OUT/questions-60k.md"
}

make_inputs
echo "hard inputs (one run each; /usr/bin/time wall and peak RSS)"
for f in one-line if-only questions-30k questions-60k; do
    md=$OUT/$f.md
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$OUT/time.txt" \
            "$BIN" check --format json --fail-on never "$md" >"$OUT/$f.json"
        read -r secs kb <"$OUT/time.txt"
    else
        "$BIN" check --format json --fail-on never "$md" >"$OUT/$f.json"
        secs=n/a kb=n/a
    fi
    findings=$(awk '{ n += gsub(/"rule":/, "") } END { print n + 0 }' "$OUT/$f.json")
    printf '  %-14s %9s bytes %6s findings %6s s %7s KB\n' "$f" \
        "$(wc -c <"$md")" "$findings" "$secs" "$kb"
done
