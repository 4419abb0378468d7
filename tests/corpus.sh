#!/usr/bin/env bash
# corpus.sh BINARY [--update]
#
# Lints every corpus/*.md and compares the findings with corpus/NAME.expected,
# one finding a line: "LINE:COL-ENDLINE:ENDCOL SEVERITY RULE TEXT", where TEXT
# is the flagged source text.  A mismatch prints a unified diff and fails.
# --update rewrites the .expected files instead; review the diff before
# committing it.
set -u -o pipefail
export LC_ALL=C.UTF-8
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/corpus" || exit 2
passed=0
failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

findings() {
    # The flagged text comes from the source by line/column (code points),
    # which also checks that the reported positions point at the phrase.
    "$bin" check --format json --fail-on never "$1" |
        jq -r '.files[0].diagnostics[] |
               "\(.line):\(.column)-\(.endLine):\(.endColumn) \(.severity) \(.rule)"' |
        while read -r span sev rule; do
            l=${span%%:*}; rest=${span#*:}; c=${rest%%-*}
            el=${rest#*-}; el=${el%%:*}; ec=${span##*:}
            line=$(sed -n "${l}p" "$1" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//')
            # bash counts characters, not bytes, in a UTF-8 locale.
            if [ "$l" -eq "$el" ]; then
                text=${line:c-1:ec-c}
            else
                text="${line:c-1}..."
            fi
            printf '%s %s %s %s\n' "$span" "$sev" "$rule" "$text"
        done
}

for md in *.md; do
    [ "$md" = README.md ] && continue
    expected=${md%.md}.expected
    if ! findings "$md" > "$tmp"; then
        echo "not ok - $md: blamelint failed"
        failed=$((failed + 1))
        continue
    fi
    if [ "$update" = --update ]; then
        cp "$tmp" "$expected"
        continue
    fi
    if [ ! -f "$expected" ]; then
        echo "not ok - $md: no $expected (run make corpus-update and review it)"
        failed=$((failed + 1))
    elif diff -u --label "$expected" --label "blamelint $md" "$expected" "$tmp"; then
        echo "ok - $md"
        passed=$((passed + 1))
    else
        echo "not ok - $md: findings differ from $expected (diff above)"
        failed=$((failed + 1))
    fi
done
[ "$update" = --update ] && { echo "corpus: .expected files rewritten; review git diff corpus/"; exit 0; }
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
