#!/bin/sh
# tests/sarif/run.sh BINARY: the SARIF report, checked by Microsoft's SARIF
# validator (the npm package @microsoft/sarif-multitool, pinned in
# package-lock.json; `npm ci` fetches it once into ~/.npm, then it runs
# offline) and by jq for what the validator does not know: rule indexes
# that point at their rule, fixes, columns in code points.
set -u
[ $# -eq 1 ] || { echo "usage: tests/sarif/run.sh BINARY" >&2; exit 2; }
case $1 in /*) BIN=$1 ;; *) BIN=$PWD/$1 ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/blamelint-sarif.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

if [ ! -x "$HERE/node_modules/.bin/sarif-multitool" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --prefer-offline >/dev/null 2>&1) \
        || { echo "tests/sarif/run.sh: npm ci failed in tests/sarif" >&2; exit 2; }
fi
# npm 11 does not run the package's postinstall, which makes it executable.
chmod u+x "$HERE"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null

# The corpus: every rule family, fixes that replace and fixes that insert,
# CRLF, non-ASCII text; and a path that needs escaping in a URI.
mkdir -p "$W/in/my notes"
cp "$SRC"/corpus/*.md "$W/in/"
printf '# Notes\n\nZo\303\253 \360\237\230\200 \342\200\224 the DBA was careless.\n' >"$W/in/my notes/pm #1.md"
(cd "$W/in" && BLAMELINT_DOCS_URL=https://git.example/sre/blamelint/README.md \
    "$BIN" check --format sarif --output "$W/report.sarif" . >/dev/null 2>"$W/err")
rc=$?
if [ "$rc" -eq 1 ] && [ -s "$W/report.sarif" ]; then ok "--format sarif --output writes the report"
else not_ok "--format sarif --output writes the report" "exit $rc" "$(cat "$W/err")"; fi

if (cd "$HERE" && npx --no-install sarif-multitool validate --output "$W/validation.sarif" \
        "$W/report.sarif" >"$W/validator.log" 2>&1) \
   && n=$(jq '[.runs[].results[]? | select(.level == "error" or .level == "warning")] | length' "$W/validation.sarif") \
   && [ "$n" = 0 ]; then
    ok "the SARIF validator reports no error or warning"
else
    not_ok "the SARIF validator reports no error or warning" "$(tail -5 "$W/validator.log")" \
        "$(jq -c '[.runs[].results[]? | select(.level == "error") | .message.text]' "$W/validation.sarif" 2>&1 | cut -c1-600)"
fi

check() {   # NAME JQ-FILTER
    if jq -e "$2" "$W/report.sarif" >/dev/null 2>&1; then ok "$1"; else not_ok "$1" "jq: $2"; fi
}
check "version 2.1.0, tool blamelint with its version" \
    '.version == "2.1.0" and .runs[0].tool.driver.name == "blamelint" and (.runs[0].tool.driver.version | length > 0)'
check "every result's ruleIndex points at its rule" \
    '.runs[0] as $r | all($r.results[]; $r.tool.driver.rules[.ruleIndex].id == .ruleId)'
check "every rule has help text and a help URI to its anchor" \
    'all(.runs[0].tool.driver.rules[]; . as $r | ($r.help.text | length > 0) and ($r.helpUri | endswith("#rule-" + ($r.id | sub("/"; "-")))))'
check "rules from every family are there" \
    '[.runs[0].tool.driver.rules[].id | split("/")[0]] | unique | length >= 6'
check "levels: error, warning and note" \
    '[.runs[0].results[].level] | unique == ["error", "note", "warning"]'
check "fixes: a replacement with its region" \
    'any(.runs[0].results[].fixes[]?.artifactChanges[].replacements[]; .deletedRegion.startLine >= 1 and (.insertedContent | has("text")))'
check "columns are code points, and the run says so" \
    '.runs[0].columnKind == "unicodeCodePoints" and any(.runs[0].results[]; .locations[0].physicalLocation.artifactLocation.uri == "my%20notes/pm%20%231.md" and .locations[0].physicalLocation.region.startColumn == 21)'

echo "sarif: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
