#!/usr/bin/env bash
# bench.sh - blamelint throughput, scaling, latency and memory benchmark.
#
#   tests/bench/bench.sh BLAMELINT_BINARY        (run from the repo root)
#
# Generates (once per parameter set) a corpus of postmortems and one large
# document under build/bench/, then reports:
#   - MB/s of `blamelint check` and of a parse-only md4c pass over each,
#     and their ratio                            (target: ratio <= 2.0)
#   - time of the big document against the corpus, next to their size
#     ratio                                      (target: linear in size)
#   - wall time of a one-file check              (target: <= 10 ms)
#   - peak RSS of the one-file and the big-document checks (reported only)
#   - the corpus and big-document checks again with every rule off: what
#     the engine costs before any rule runs (reported only)
# Targets are information: the script exits 0 whether they are met or not,
# and non-zero only when a command fails.
#
# Knobs (environment): BENCH_DIR (build/bench), BENCH_FILES (200),
# BENCH_BIG_MB (10), BENCH_RUNS (10), BENCH_WARMUP (2), CC (cc),
# BENCH_LINEAR_TOLERANCE (1.2: the big document may cost up to 1.2x its
# size ratio before scaling counts as super-linear).
# 1 MB here is 1,000,000 bytes, for sizes and for MB/s alike.

set -euo pipefail

die() {
    echo "bench.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: tests/bench/bench.sh BLAMELINT_BINARY"
BIN=$1
[ -x "$BIN" ] || die "$BIN: not an executable"

SRC=$(cd "$(dirname "$0")" && pwd)
OUT=${BENCH_DIR:-build/bench}
FILES=${BENCH_FILES:-200}
BIG_MB=${BENCH_BIG_MB:-10}
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-2}
CC=${CC:-cc}
LINEAR_TOL=${BENCH_LINEAR_TOLERANCE:-1.2}
TARGET_RATIO=2.0
TARGET_ONE_MS=10

CORPUS=$OUT/corpus
BIG=$OUT/big-${BIG_MB}MB.md
GEN=$OUT/gen
PARSE=$OUT/md4c_parse
LSPB=$OUT/lsp_bench
LSP_DOC=$OUT/lsp-2000-lines.md
LSP_EDITS=${BENCH_LSP_EDITS:-200}
TARGET_LSP_P99_MS=5
TARGET_LSP_RSS_MB=50
mkdir -p "$OUT"

# ---------------------------------------------------------------------
# Tools and inputs.

# The Makefile normally builds these; build them here only when missing or
# older than their source, so the script also works on its own.
build_tool() {
    local bin=$1 src=$2
    shift 2
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
        echo "bench: building $bin" >&2
        "$CC" -std=c11 -O2 -Wall -Wextra -o "$bin" "$src" "$@"
    fi
}

# The stamp records what the inputs were generated from; regenerating
# only on a change keeps repeated `make bench` runs fast and comparable.
stamp_of() {
    printf '%s gen.c=%s\n' "$1" "$(cksum <"$SRC/gen.c")"
}

count_md() {
    local n=0 f
    for f in "$1"/*.md; do
        [ -e "$f" ] && n=$((n + 1))
    done
    echo "$n"
}

prepare_inputs() {
    local want
    want=$(stamp_of "files=$FILES")
    if [ "$(cat "$OUT/corpus.stamp" 2>/dev/null)" != "$want" ] ||
        [ "$(count_md "$CORPUS")" != "$FILES" ]; then
        rm -rf "$CORPUS" "$OUT/corpus.stamp"
        "$GEN" "$CORPUS" "$FILES"
        echo "$want" >"$OUT/corpus.stamp"
    fi
    want=$(stamp_of "mb=$BIG_MB")
    if [ "$(cat "$BIG.stamp" 2>/dev/null)" != "$want" ] || [ ! -s "$BIG" ]; then
        rm -f "$BIG.stamp"
        "$GEN" --one "$BIG" "$BIG_MB"
        echo "$want" >"$BIG.stamp"
    fi
}

# ---------------------------------------------------------------------
# Measurement. Each `measure` sets MEAN and MIN, in seconds.

MEAN=0
MIN=0
LOG=$OUT/bench.log

# Quote one argument for hyperfine's command line (POSIX shell words).
shell_quote() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

json_field() { # FILE FIELD -> number from results[0]
    if command -v jq >/dev/null 2>&1; then
        jq -r ".results[0].$2" "$1"
    else
        tr -d ' \n' <"$1" | grep -o "\"$2\":[0-9.eE+-]*" | head -n 1 | cut -d: -f2
    fi
}

measure_hyperfine() {
    local json=$OUT/hf.json cmd="" a
    for a in "$@"; do
        cmd="$cmd $(shell_quote "$a")"
    done
    # -N runs the command without a shell, so a ~2 ms one-file check is
    # not blurred by shell start-up; hyperfine discards its output.
    if ! hyperfine $HF_NOSHELL --style basic --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$json" "$cmd" >>"$LOG" 2>&1; then
        tail -n 20 "$LOG" >&2
        die "command failed: $*"
    fi
    MEAN=$(json_field "$json" mean)
    MIN=$(json_field "$json" min)
}

# Nanoseconds now. bash 5's $EPOCHREALTIME needs no fork; forking `date`
# would add a few ms to every sample, which matters for a 10 ms target.
now_ns() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo "${t}000"
    else
        date +%s%N
    fi
}

# Fallback without hyperfine: time whole runs with a wall clock.
measure_loop() {
    local i t0 t1 samples=""
    for ((i = 0; i < WARMUP; i++)); do
        "$@" >/dev/null 2>>"$LOG" || die "command failed: $*"
    done
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now_ns)
        "$@" >/dev/null 2>>"$LOG" || die "command failed: $*"
        t1=$(now_ns)
        samples="$samples $((t1 - t0))"
    done
    read -r MEAN MIN < <(echo "$samples" | awk '{
        s = 0; m = $1
        for (i = 1; i <= NF; i++) { s += $i; if ($i < m) m = $i }
        printf "%.9f %.9f\n", s / NF / 1e9, m / 1e9 }')
}

measure() { # LABEL CMD...
    echo "bench: timing $1" >&2
    shift
    if [ -n "$HYPERFINE" ]; then
        measure_hyperfine "$@"
    else
        measure_loop "$@"
    fi
}

# Peak resident set size in KB, from GNU time's verbose report.
peak_rss_kb() {
    local report=$OUT/time.txt
    if [ ! -x /usr/bin/time ]; then
        echo "n/a"
        return
    fi
    if ! /usr/bin/time -v -o "$report" "$@" >/dev/null 2>>"$LOG"; then
        die "command failed: $*"
    fi
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$report"
}

# ---------------------------------------------------------------------
# Arithmetic and verdicts (awk: the shell has no floating point).

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"NOT MET\" }"; }

main() {
    HYPERFINE=""
    HF_NOSHELL=""
    if command -v hyperfine >/dev/null 2>&1; then
        HYPERFINE=$(hyperfine --version | head -n 1)
        if hyperfine --help 2>&1 | grep -q -- '--shell=none'; then
            HF_NOSHELL=-N
        fi
    else
        [ -n "${EPOCHREALTIME:-}" ] || [ "$(date +%N)" != "N" ] ||
            die "need hyperfine, bash 5 or GNU date for timing"
    fi
    : >"$LOG"

    build_tool "$GEN" "$SRC/gen.c"
    build_tool "$PARSE" "$SRC/md4c_parse.c" -lmd4c
    build_tool "$LSPB" "$SRC/lsp_bench.c"
    prepare_inputs
    # The editor case: a 2,000-line postmortem (the first lines of a
    # generated archive document).
    if [ ! -s "$LSP_DOC" ] || [ "$GEN" -nt "$LSP_DOC" ]; then
        "$GEN" --one "$OUT/lsp-src.md" 0.2 >/dev/null
        head -n 2000 "$OUT/lsp-src.md" >"$LSP_DOC"
        rm -f "$OUT/lsp-src.md"
    fi

    local files=("$CORPUS"/*.md)
    local one=${files[0]} # a typical ~5 KB postmortem
    local corpus_bytes big_bytes one_bytes
    corpus_bytes=$(cat "$CORPUS"/*.md | wc -c)
    big_bytes=$(wc -c <"$BIG")
    one_bytes=$(wc -c <"$one")

    local bl_corpus md_corpus bl_big md_big one_mean one_min
    measure "blamelint check, corpus" "$BIN" check --format json --fail-on never "$CORPUS"
    bl_corpus=$MEAN
    measure "md4c parse, corpus" "$PARSE" "$CORPUS"
    md_corpus=$MEAN
    measure "blamelint check, big document" "$BIN" check --format json --fail-on never "$BIG"
    bl_big=$MEAN
    measure "md4c parse, big document" "$PARSE" "$BIG"
    md_big=$MEAN
    measure "blamelint check, one file" "$BIN" check --fail-on never "$one"
    one_mean=$MEAN
    one_min=$MIN
    local floor_corpus floor_big
    measure "blamelint check with every rule off, corpus" \
        "$BIN" check --format json --fail-on never --rule '*=off' "$CORPUS"
    floor_corpus=$MEAN
    measure "blamelint check with every rule off, big document" \
        "$BIN" check --format json --fail-on never --rule '*=off' "$BIG"
    floor_big=$MEAN

    echo "bench: measuring peak RSS" >&2
    local rss_one rss_big
    rss_one=$(peak_rss_kb "$BIN" check --fail-on never "$one")
    rss_big=$(peak_rss_kb "$BIN" check --format json --fail-on never "$BIG")

    echo "bench: language server, $LSP_EDITS edits and 100 open documents" >&2
    local lsp_out
    lsp_out=$("$LSPB" "$BIN" "$LSP_DOC" "$LSP_EDITS" "${files[@]:0:99}") \
        || die "lsp_bench failed"

    {
        print_header
        report_throughput "corpus" "${#files[@]}" "$corpus_bytes" "$bl_corpus" "$md_corpus"
        report_throughput "big document" 1 "$big_bytes" "$bl_big" "$md_big"
        report_scaling "$corpus_bytes" "$bl_corpus" "$big_bytes" "$bl_big"
        report_floor "$floor_corpus" "$md_corpus" "$floor_big" "$md_big"
        report_one_file "$one" "$one_bytes" "$one_mean" "$one_min"
        report_memory "$rss_one" "$rss_big"
        report_lsp "$lsp_out"
    } | tee "$OUT/results.txt"
}

print_header() {
    local timer=$HYPERFINE
    if [ -z "$timer" ]; then
        timer="shell loop ($([ -n "${EPOCHREALTIME:-}" ] && echo EPOCHREALTIME || echo 'date +%s%N'))"
    fi
    echo
    echo "blamelint benchmark: $BIN"
    echo "timing: $timer, $WARMUP warm-up + $RUNS timed runs, means; 1 MB = 10^6 bytes"
    echo
    printf '%-13s %5s %10s %8s %8s %8s %8s %6s  %s\n' input files bytes \
        "bl ms" "bl MB/s" "md4c ms" "md4cMB/s" ratio "target: ratio <= $TARGET_RATIO"
}

# One table row: blamelint against md4c over the same bytes.
report_throughput() {
    local name=$1 nfiles=$2 bytes=$3 bl=$4 md=$5
    printf '%-13s %5s %10s %8s %8s %8s %8s %6s  %s\n' "$name" "$nfiles" "$bytes" \
        "$(calc "$bl * 1000")" "$(calc "$bytes / 1e6 / $bl")" \
        "$(calc "$md * 1000")" "$(calc "$bytes / 1e6 / $md")" \
        "$(calc "$bl / $md")" "$(verdict "$bl / $md <= $TARGET_RATIO")"
}

report_scaling() { # CORPUS_BYTES CORPUS_SECONDS BIG_BYTES BIG_SECONDS
    local tratio sratio
    tratio=$(calc "$4 / $2")
    sratio=$(calc "$3 / $1")
    echo
    printf 'scaling   big/corpus: time %sx for %sx the bytes (%sx per byte)\n' \
        "$tratio" "$sratio" "$(calc "($4 / $2) / ($3 / $1)")"
    printf '          target: time ratio <= size ratio x %s (linear): %s\n' \
        "$LINEAR_TOL" "$(verdict "$4 / $2 <= $LINEAR_TOL * $3 / $1")"
}

# The ratio target leaves the rules whatever the engine's own work does not
# use up: reading, md4c's parse, the document model, the sentence and word
# pass and the report, which a check with every rule off still does.
report_floor() { # CORPUS_S MD4C_CORPUS_S BIG_S MD4C_BIG_S
    printf 'floor     every rule off (--rule '"'"'*=off'"'"'): corpus %s ms, ratio %s;\n' \
        "$(calc "$1 * 1000")" "$(calc "$1 / $2")"
    printf '          big document %s ms, ratio %s\n' \
        "$(calc "$3 * 1000")" "$(calc "$3 / $4")"
    printf '          target: none (reported only)\n'
}

report_one_file() { # FILE BYTES MEAN_SECONDS MIN_SECONDS
    printf 'one-file  %s (%s bytes): mean %s ms, min %s ms\n' "$(basename "$1")" \
        "$2" "$(calc "$3 * 1000")" "$(calc "$4 * 1000")"
    printf '          target: mean <= %s ms wall: %s\n' "$TARGET_ONE_MS" \
        "$(verdict "$3 * 1000 <= $TARGET_ONE_MS")"
}

report_memory() { # RSS_ONE_KB RSS_BIG_KB
    printf 'memory    peak RSS: one-file check %s KB, big-document check %s KB\n' "$1" "$2"
    printf '          target: none (reported only)\n'
    [ -x /usr/bin/time ] || echo "          (install GNU time for peak RSS: apt-get install time)"
    echo
}

# lsp_bench prints "edits N p50_ms A p99_ms B max_ms C" and
# "open_docs N peak_rss_kb K".
report_lsp() {
    local p50 p99 max docs rss
    p50=$(printf '%s\n' "$1" | awk '/^edits/ {print $4}')
    p99=$(printf '%s\n' "$1" | awk '/^edits/ {print $6}')
    max=$(printf '%s\n' "$1" | awk '/^edits/ {print $8}')
    docs=$(printf '%s\n' "$1" | awk '/^open_docs/ {print $2}')
    rss=$(printf '%s\n' "$1" | awk '/^open_docs/ {print $4}')
    printf 'lsp       %s single-character edits of a %s-line document, didChange to\n' \
        "$LSP_EDITS" "$(wc -l <"$LSP_DOC")"
    printf '          publishDiagnostics: p50 %s ms, p99 %s ms, max %s ms\n' "$p50" "$p99" "$max"
    printf '          target: p99 <= %s ms: %s\n' "$TARGET_LSP_P99_MS" \
        "$(verdict "$p99 <= $TARGET_LSP_P99_MS")"
    printf '          peak RSS with %s documents open: %s KB\n' "$docs" "$rss"
    printf '          target: <= %s MB: %s\n' "$TARGET_LSP_RSS_MB" \
        "$(verdict "$rss <= $TARGET_LSP_RSS_MB * 1000")"
    echo
}

main
