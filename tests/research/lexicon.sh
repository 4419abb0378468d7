#!/usr/bin/env bash
# lexicon.sh - how much of the research lexicon the blame rules catch.
#
#   tests/research/lexicon.sh [BLAMELINT] [RESEARCH_DIR]
#
# RESEARCH_DIR (default ../shared/research) holds lexicon.md, a table of
# blame patterns, each with an example sentence and a blameless rewrite,
# and negatives.md, sentences that look blameful but are not.  Each
# sentence is checked on its own, as the body of a one-heading document,
# twice: alone, and after a line that shows Bob and Alice are people
# ("At 02:10 Bob was paged and Alice joined the call."), since the rules
# take a capitalised word for a person's name only for verbs that people
# alone do, or once the document shows it is one.  Printed: examples
# reported (by the lexicon's confidence; the high-confidence ones missed
# are listed), and rewrites and negatives reported (each should be none,
# and is listed).  Only blame/ findings count.
#
# Not part of `make test`: the research files live outside the
# repository.  Exits 0 unless a command fails.

set -euo pipefail

BIN=${1:-./blamelint}
DIR=${2:-../shared/research}
CONTEXT="At 02:10 Bob was paged and Alice joined the call."

[ -x "$BIN" ] || { echo "lexicon.sh: $BIN: not an executable" >&2; exit 2; }
for f in lexicon.md negatives.md; do
    [ -r "$DIR/$f" ] || { echo "lexicon.sh: $DIR/$f: not readable" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "lexicon.sh: needs jq" >&2; exit 2; }

# Cells N... of the table rows whose first cell matches ID_RE (and, with
# CONF_COL set, whose cell CONF_COL is high, med or low: the lexicon's
# second table reuses its IDs), joined by \037; "\|" inside a cell (in the
# regular expressions) is not a separator.
cells() { # FILE ID_RE N...
    local file=$1 re=$2
    shift 2
    awk -v re="$re" -v cols="$*" -v conf_col="${CONF_COL:-0}" '
        BEGIN { n = split(cols, want, " ") }
        {
            line = $0
            gsub(/\\\|/, "\001", line)
            if (split(line, c, "|") < 4) next
            id = c[2]; gsub(/^ +| +$/, "", id)
            if (id !~ re) next
            if (conf_col && c[conf_col + 1] !~ /^ *(high|med|low) *$/) next
            out = ""
            for (k = 1; k <= n; k++) {
                v = c[want[k] + 1]; gsub(/^ +| +$/, "", v); gsub("\001", "|", v)
                out = out (k > 1 ? "\037" : "") v
            }
            print out
        }' "$file"
}

# Number of blame/ findings in a document made of a heading, the context
# line when asked, and the sentence.
blame_count() { # SENTENCE WITH_CONTEXT
    local doc="# Incident"$'\n\n'
    [ "$2" = 1 ] && doc+="$CONTEXT"$'\n\n'
    doc+="$1"$'\n'
    printf '%s' "$doc" |
        "$BIN" check --format json --fail-on never --stdin-filename x.md - |
        jq '[.files[0].diagnostics[] | select(.rule | startswith("blame/"))]
            | length'
}

report() { # WITH_CONTEXT
    local ctx=$1 id conf example rewrite sentence
    local -A hit total
    local rewrites_bad="" negatives_bad="" high_missed="" n_rw=0 n_neg=0
    # Fields are split at \037, not at tabs, so an empty cell stays a field.
    while IFS=$'\037' read -r id conf example rewrite; do
        if [ -n "$example" ]; then
            total[$conf]=$(( ${total[$conf]:-0} + 1 ))
            if [ "$(blame_count "$example" "$ctx")" -gt 0 ]; then
                hit[$conf]=$(( ${hit[$conf]:-0} + 1 ))
            elif [ "$conf" = high ]; then
                high_missed+=" $id"
            fi
        fi
        if [ -n "$rewrite" ]; then
            n_rw=$((n_rw + 1))
            [ "$(blame_count "$rewrite" "$ctx")" -gt 0 ] &&
                rewrites_bad+=" $id"
        fi
    done < <(CONF_COL=2 cells "$DIR/lexicon.md" '^[A-Z][0-9][0-9]$' 1 2 4 5)
    while IFS=$'\037' read -r id sentence; do
        n_neg=$((n_neg + 1))
        [ "$(blame_count "$sentence" "$ctx")" -gt 0 ] && negatives_bad+=" $id"
    done < <(cells "$DIR/negatives.md" '^N[0-9][0-9]$' 1 2)

    if [ "$ctx" = 1 ]; then
        echo "after \"$CONTEXT\":"
    else
        echo "alone:"
    fi
    local sum=0 all=0 c
    for c in high med low; do
        printf '  examples reported, %-4s %3d of %3d\n' "$c" "${hit[$c]:-0}" "${total[$c]:-0}"
        sum=$((sum + ${hit[$c]:-0}))
        all=$((all + ${total[$c]:-0}))
    done
    printf '  examples reported, all  %3d of %3d\n' "$sum" "$all"
    printf '  high ones not reported:%s\n' "${high_missed:- none}"
    printf '  rewrites reported       %3d of %3d%s\n' \
        "$(wc -w <<<"$rewrites_bad")" "$n_rw" "${rewrites_bad:+ (}${rewrites_bad# }${rewrites_bad:+)}"
    printf '  negatives reported      %3d of %3d%s\n' \
        "$(wc -w <<<"$negatives_bad")" "$n_neg" "${negatives_bad:+ (}${negatives_bad# }${negatives_bad:+)}"
}

report 0
report 1
