#!/usr/bin/env bash
# documents.sh - the blame rules over whole postmortems written for them.
#
#   tests/research/documents.sh [BLAMELINT]
#
# documents/good-*.md are blameless postmortems full of the words the
# rules look at, in innocent senses: every blame/ finding in them is a
# false alarm, and is listed.  documents/blamey-*.md are first drafts with
# blame spread through them; documents/blaming.txt lists their blaming
# sentences (written down before the rules first ran on them), and a
# sentence counts as found when a blame/ finding starts on one of its
# lines.  Prints the false alarms, the sentences missed, and the counts.
#
# Not part of `make test`: the figures are what the rules can do, not a
# contract; the rule files' Example and Clean lines are the tests.

set -euo pipefail

BIN=${1:-./blamelint}
DIR=$(cd "$(dirname "$0")" && pwd)/documents

[ -x "$BIN" ] || { echo "documents.sh: $BIN: not an executable" >&2; exit 2; }
command -v jq >/dev/null || { echo "documents.sh: needs jq" >&2; exit 2; }

# "LINE RULE" for each blame/ finding of one document (the section rules
# are off: they are not what these documents measure).
blame_findings() {
    "$BIN" check --format json --fail-on never --rule 'section/*=off' "$1" |
        jq -r '.files[0].diagnostics[] | select(.rule | startswith("blame/"))
               | "\(.line) \(.rule)"'
}

false_alarms=0
echo "false alarms in the blameless documents:"
for f in "$DIR"/good-*.md; do
    while read -r line rule; do
        [ -n "$line" ] || continue
        false_alarms=$((false_alarms + 1))
        printf '    %s:%s %s: %s\n' "$(basename "$f")" "$line" "$rule" \
            "$(sed -n "${line}p" "$f")"
    done < <(blame_findings "$f")
done

declare -A found_in listed_in
echo "blaming sentences missed:"
doc=""
lines=""
while IFS= read -r entry; do
    case $entry in
    "#"* | "") continue ;;
    "== "*)
        doc=$DIR/${entry#== }
        lines=$(blame_findings "$doc" | cut -d' ' -f1)
        continue
        ;;
    esac
    IFS='|' read -r id tier span text <<<"$entry"
    id=${id// /}
    tier=${tier// /}
    span=${span// /}
    first=${span%-*}
    last=${span#*-}
    listed_in[$tier]=$((${listed_in[$tier]:-0} + 1))
    hit=0
    for l in $lines; do
        if [ "$l" -ge "$first" ] && [ "$l" -le "$last" ]; then
            hit=1
            break
        fi
    done
    if [ "$hit" = 1 ]; then
        found_in[$tier]=$((${found_in[$tier]:-0} + 1))
    else
        printf '    %s (%s)%s\n' "$id" "$tier" "$text"
    fi
done <"$DIR/blaming.txt"

printf '  false alarms in %d blameless documents: %d\n' \
    "$(ls "$DIR"/good-*.md | wc -l)" "$false_alarms"
for tier in core subtle; do
    printf '  %-6s blaming sentences found: %3d of %3d\n' "$tier" \
        "${found_in[$tier]:-0}" "${listed_in[$tier]:-0}"
done
