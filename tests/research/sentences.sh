#!/usr/bin/env bash
# sentences.sh - the blame rules against sentences written for them.
#
#   tests/research/sentences.sh [BLAMELINT]
#
# sentences/blameful.txt holds blaming sentences as stressed engineers
# write them (contractions, curly apostrophes, non-ASCII names, roles,
# tables, Action Items), sentences/blameless.txt blameless ones of the
# same shapes.  second-*.txt are a later set aimed at retraining given to
# one person, a role with a name in commas ("the reviewer, Kofi,") and
# "Kofi, who ..." as a person: near misses first, written to trip them.
# third-*.txt (70 and 70) were written by a helper who had not read the
# rules, and measured before any rule was changed for them.
# fourth-*.txt (80 and 200) were written blind to the shapes of the
# misses a fresh set of documents left (round 4 in the README): a step
# left out, guidance gone against, "bother", "on me", "as usual", hindsight
# about systems, strong verbs for ordinary acts.  fifth-*.txt (60 and 180)
# were written blind to the idioms the round-7 rules read ("over the
# wall", "skimmed", "owned up", "took their time", "taken off the rota",
# "before he is allowed to"), in their blameless senses above all.
#
# Cases are separated by lines of "===" and may span lines (a heading, a
# table).  Each is checked after a Summary that shows the
# names it uses are people's, as a real postmortem would; a case counts as
# reported when a blame/ finding falls on its own lines.  Prints how many
# of each file were reported and lists the blameful ones missed and the
# blameless ones reported.
#
# Not part of `make test`: the figures are what the rules can do, not a
# contract; the rule files' Example and Clean lines are the tests.

set -euo pipefail

BIN=${1:-./blamelint}
DIR=$(cd "$(dirname "$0")" && pwd)/sentences
PEOPLE="At 02:10 Bob was paged and Alice joined the call. Zoë was paged at 02:12, Łukasz was paged at 02:13 and Priya was paged at 02:14. Dmitri was paged at 02:15. Sarah was paged at 02:16. Tom was paged at 02:17. Kevin was paged at 02:18. Raj was paged at 02:19. María was paged at 02:20. José was paged at 02:21. Ngozi was paged at 02:22. Søren was paged at 02:23. Kofi was paged at 02:24. Mei was paged at 02:25."
# The fourth set's people, who join later in the night.
PEOPLE+=" Maya was paged. Ahmed was paged. Ravi was paged. Kenji was paged. Ingrid was paged. Björn was paged. Deepak was paged. Fatima was paged. Kai was paged. Chidi was paged. Ji-woo was paged. Olga was paged. Aoife was paged. Małgorzata was paged. Thandiwe was paged. Nguyễn was paged. François was paged. Håkon was paged. Ole was paged. Yusuf was paged. Sofía was paged. Mark was paged. Chen was paged. Lars was paged. Anneke was paged. Rafael was paged. Priyanka was paged. Ana was paged. Magnus was paged. Sven was paged. Ewa was paged. Kwame was paged. Marco was paged. Rhys was paged. Aylin was paged. Jamal was paged. Pete was paged. Sara was paged. Oskar was paged. Noor was paged. Greg was paged. Tomás was paged. Helga was paged. Andrés was paged. Emeka was paged. Bogdan was paged. Nadia was paged. Elif was paged. Wojtek was paged. Kiri was paged. Hamid was paged. Farah was paged. Li Wei was paged."
# And the fifth's.
PEOPLE+=" Nwosu was paged. Jörg was paged. Haddad was paged. Ito was paged. Adeyemi was paged. Dubois was paged. Okonkwo was paged. Laurent was paged. Nakamura was paged. Müller was paged. Østergaard was paged. Petrov was paged. Sánchez was paged. Cohen was paged. Wiśniewski was paged. Patel was paged. Liam was paged. Jie was paged. Raúl was paged. Bartek was paged. Aleksander was paged. Leilani was paged. Sanjay was paged. Hugo was paged. Caleb was paged. Kowalski was paged. Fischer was paged. Ruiz was paged. Adebayo was paged."

[ -x "$BIN" ] || { echo "sentences.sh: $BIN: not an executable" >&2; exit 2; }
command -v jq >/dev/null || { echo "sentences.sh: needs jq" >&2; exit 2; }

# blame/ findings on the lines after the preamble (which has none).
count() { # CASE
    local doc="# Incident: checkout outage"$'\n\n'"## Summary"$'\n\n'"$PEOPLE"$'\n\n'
    local first=7
    doc+="$1"$'\n'
    printf '%s' "$doc" |
        "$BIN" check --format json --fail-on never --stdin-filename x.md - |
        jq --argjson first "$first" '[.files[0].diagnostics[]
            | select((.rule | startswith("blame/")) and .line >= $first)]
            | length'
}

run() { # FILE WANT(hit|silent)
    local file=$1 want=$2 case="" line n=0 hit=0 listed=""
    check_case() {
        [ -n "$case" ] || return 0
        n=$((n + 1))
        if [ "$(count "$case")" -gt 0 ]; then
            hit=$((hit + 1))
            [ "$want" = silent ] && listed+="    ${case//$'\n'/ \\n }"$'\n'
        elif [ "$want" = hit ]; then
            listed+="    ${case//$'\n'/ \\n }"$'\n'
        fi
        case=""
    }
    while IFS= read -r line || [ -n "$line" ]; do
        if [ "$line" = "===" ]; then
            check_case
        else
            case+="${case:+$'\n'}$line"
        fi
    done <"$file"
    check_case
    printf '  %-16s %3d of %3d reported\n' "$(basename "$file")" "$hit" "$n"
    [ -z "$listed" ] || printf '  %s:\n%s' \
        "$([ "$want" = hit ] && echo missed || echo "reported, should not be")" "$listed"
}

for f in "$DIR"/*blameful.txt; do run "$f" hit; done
for f in "$DIR"/*blameless.txt; do run "$f" silent; done
