#!/usr/bin/env bash
# tests/cli/run.sh BINARY: end-to-end tests of the blamelint command line.
#
# Every case builds its input in a scratch directory, runs BINARY there (so
# the paths it reports are the relative ones we pass) and checks the exit
# status, stdout and stderr against the CLI contract: commands and options,
# exit statuses 0/1/2, the text and JSON report formats, code-point columns,
# file discovery, and bad input.  One line per case:
#
#   ok - NAME
#   not ok - NAME        followed by "#" lines: what failed and the output
#
# then one line "N passed, M failed".  Exit status 1 when a case failed.
# Run by `make check-cli` on the sanitizer build; a sanitizer report on
# stderr fails the case even when the exit status looks right.

set -u

if [ $# -ne 1 ]; then
    echo "usage: tests/cli/run.sh BINARY" >&2
    exit 2
fi
case $1 in
    /*) BIN=$1 ;;
    *) BIN=$PWD/$1 ;;
esac
# The source tree, for the corpus files some cases check.
SRC=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$BIN" ] || [ -d "$BIN" ]; then
    echo "tests/cli/run.sh: $1: not an executable file" >&2
    exit 2
fi
if ! command -v jq >/dev/null 2>&1; then
    echo "tests/cli/run.sh: jq is needed (make deps installs it)" >&2
    exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/blamelint-cli.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
W=$T/w                  # the working directory every run starts in
mkdir "$W"
OUT=$T/stdout
ERR=$T/stderr

# Seconds one run may take; the huge-line case sets its own.
TMO=${BLAMELINT_TEST_TIMEOUT:-60}
HAVE_TIMEOUT=0
command -v timeout >/dev/null 2>&1 && HAVE_TIMEOUT=1

passed=0
failed=0
NAME=""
PROBLEMS=""
RC=""

# --- the harness ---------------------------------------------------------

begin() {
    NAME=$1
    PROBLEMS=""
    RC=""
    : >"$OUT"
    : >"$ERR"
}

problem() {
    PROBLEMS+="$1"$'\n'
}

# Prints a file for a failure report: "#   " before each line, at most
# 40 lines of at most 400 characters.
show() {
    local label=$1 file=$2 n
    n=$(wc -l <"$file")
    printf '#   %s (%s lines):\n' "$label" "$n"
    head -n 40 "$file" | cut -c1-400 | cat -v | sed 's/^/#     /'
    [ "$n" -gt 40 ] && printf '#     ...\n'
    return 0
}

end() {
    if [ -z "$PROBLEMS" ]; then
        passed=$((passed + 1))
        printf 'ok - %s\n' "$NAME"
        return
    fi
    failed=$((failed + 1))
    printf 'not ok - %s\n' "$NAME"
    printf '%s' "$PROBLEMS" | sed 's/^/#   /'
    if [ -n "$RC" ]; then
        printf '#   exit status: %s\n' "$RC"
        show stdout "$OUT"
        show stderr "$ERR"
    fi
}

skip() {
    passed=$((passed + 1))
    printf 'ok - %s # SKIP %s\n' "$1" "$2"
}

# run ARGS...: runs the binary in $W, stdin from $STDIN (default
# /dev/null), stdout and stderr to $OUT and $ERR, status to $RC.
# Environment for one run: VAR=value run ARGS...
run() {
    local limit=${LIMIT:-$TMO}
    if [ "$HAVE_TIMEOUT" = 1 ]; then
        (cd "$W" && exec timeout "$limit" "$BIN" "$@") \
            <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
    else
        (cd "$W" && exec "$BIN" "$@") \
            <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
    fi
    RC=$?
    sanity
}

# Problems any run can show: a sanitizer report, a hang, a signal.
sanity() {
    if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$ERR"; then
        problem "a sanitizer reported an error (see stderr)"
    fi
    if [ "$HAVE_TIMEOUT" = 1 ] && [ "$RC" = 124 ]; then
        problem "timed out"
    elif [ "$RC" -ge 128 ]; then
        problem "killed by signal $((RC - 128))"
    fi
}

want_rc() {
    [ "$RC" = "$1" ] || problem "exit status $RC, want $1"
}

want_out_empty() {
    [ -s "$OUT" ] && problem "stdout should be empty"
    return 0
}

want_err_empty() {
    [ -s "$ERR" ] && problem "stderr should be empty"
    return 0
}

want_err_nonempty() {
    [ -s "$ERR" ] || problem "stderr should hold a message"
}

# want_out_re / want_err_re ERE: some line matches.
want_out_re() {
    grep -Eq -- "$1" "$OUT" || problem "no stdout line matches /$1/"
}

want_err_re() {
    grep -Eq -- "$1" "$ERR" || problem "no stderr line matches /$1/"
}

want_no_out_re() {
    grep -Eq -- "$1" "$OUT" && problem "a stdout line matches /$1/ and should not"
    return 0
}

want_no_err_re() {
    grep -Eq -- "$1" "$ERR" && problem "a stderr line matches /$1/ and should not"
    return 0
}

# want_line N ERE: stdout line N (1-based; -1 the last) matches the whole ERE.
want_line() {
    local n=$1 re=$2 line
    if [ "$n" = -1 ]; then
        line=$(tail -n 1 "$OUT")
    else
        line=$(sed -n "${n}p" "$OUT")
    fi
    [[ $line =~ ^($re)$ ]] || problem "stdout line $n is \"$line\", want /^$re\$/"
}

want_lines() {
    local n
    n=$(wc -l <"$OUT")
    [ "$n" -eq "$1" ] || problem "stdout has $n lines, want $1"
}

# want_out_eq TEXT: stdout is exactly TEXT plus a newline (a diff if not).
want_out_eq() {
    printf '%s\n' "$1" >"$T/want"
    if ! cmp -s "$T/want" "$OUT"; then
        problem "stdout differs from what is expected (- want, + got):"
        problem "$(diff -u "$T/want" "$OUT" | tail -n +3 | head -n 40)"
    fi
}

# want_jq FILTER [jq args...]: jq -e FILTER is true on stdout.
want_jq() {
    local filter=$1
    shift
    if ! jq -e "$@" "$filter" "$OUT" >/dev/null 2>"$T/jqerr"; then
        filter=$(printf '%s' "$filter" | tr -s ' \n' '  ' | cut -c1-160)
        problem "jq check failed: $filter $(head -c 300 "$T/jqerr")"
    fi
}

# The JSON report's shape: exactly these keys in this order, the types,
# and a summary that agrees with the diagnostics.
JSON_SHAPE='
def pos: type == "number" and . == floor and . >= 1;
(keys_unsorted == ["version", "files", "summary"])
and .version == 1
and (.files | type == "array")
and all(.files[];
    keys_unsorted == ["path", "diagnostics"]
    and (.path | type == "string" and length > 0)
    and (.diagnostics | type == "array")
    and all(.diagnostics[];
        (keys_unsorted == ["rule", "severity", "line", "column", "endLine",
                           "endColumn", "message"]
         or keys_unsorted == ["rule", "severity", "line", "column",
                              "endLine", "endColumn", "message", "fix"])
        and (.rule | type == "string" and test("^[a-z0-9-]+/[a-z0-9-]+$"))
        and (.severity | IN("error", "warning", "info"))
        and (.line | pos) and (.column | pos)
        and (.endLine | pos) and (.endColumn | pos)
        and (.endLine > .line or (.endLine == .line and .endColumn >= .column))
        and (.message | type == "string" and length > 0)
        and ((has("fix") | not)
             or (((.fix | keys_unsorted) == ["replacement"]
                  or ((.fix | keys_unsorted)
                      == ["replacement", "line", "column", "endLine",
                          "endColumn"]
                      and (.fix.line | pos) and (.fix.column | pos)
                      and (.fix.endLine | pos) and (.fix.endColumn | pos)))
                 and (.fix.replacement | type == "string")))))
and (.summary | keys_unsorted == ["files", "errors", "warnings", "info"])
and .summary.files == (.files | length)
and .summary.errors == ([.files[].diagnostics[] | select(.severity == "error")] | length)
and .summary.warnings == ([.files[].diagnostics[] | select(.severity == "warning")] | length)
and .summary.info == ([.files[].diagnostics[] | select(.severity == "info")] | length)
'

want_json() {
    if ! jq -e . "$OUT" >/dev/null 2>"$T/jqerr"; then
        problem "stdout is not valid JSON: $(head -c 300 "$T/jqerr")"
        return
    fi
    want_jq "$JSON_SHAPE"
}

# want_diags FILE_INDEX JSON: the [rule, line, column, endLine, endColumn]
# of every diagnostic of one file, e.g.
#   want_diags 0 '[["blame/human-error",3,26,3,37]]'
want_diags() {
    local got
    got=$(jq -c --argjson i "$1" \
        '[.files[$i].diagnostics[] | [.rule, .line, .column, .endLine, .endColumn]]' \
        "$OUT" 2>/dev/null)
    [ "$got" = "$(jq -cn "$2")" ] || problem "diagnostics of file $1 are $got, want $2"
}

# want_span FILE_INDEX DIAG_INDEX SOURCE TEXT: the code points
# [column, endColumn) of the diagnostic's line in SOURCE (a BOM dropped,
# as editors do) are TEXT.
want_span() {
    local got
    got=$(jq -r --argjson f "$1" --argjson d "$2" --rawfile src "$W/$3" '
        .files[$f].diagnostics[$d] as $x
        | ($src | ltrimstr("\ufeff") | split("\n")[$x.line - 1])
        | .[$x.column - 1:$x.endColumn - 1]' "$OUT" 2>/dev/null)
    [ "$got" = "$4" ] || problem "span of diagnostic $2 is \"$got\", want \"$4\""
}

want_paths() {
    local got
    got=$(jq -c '[.files[].path]' "$OUT" 2>/dev/null)
    [ "$got" = "$(jq -cn "$1")" ] || problem "reported paths are $got, want $1"
}

# --- fixtures ------------------------------------------------------------

cd "$W" || exit 2


printf '# Database failover\n\nThe primary failed over to the replica at 12:03 UTC.\n' >clean.md
# A warning and nothing else.
printf '# Storage notes\n\nThe outage was caused by human error.\n' >warn.md
# An info (blame/minimizer) with a fix, and nothing else.
printf 'The engineer just restarted the primary.\n' >info.md
# An error.
printf 'Root cause: human error during the deploy.\n' >error.md
: >empty.md
printf "# Cert expiry\n\nZoë's team: José forgot to renew the cert.\nNaïve café — 渡辺 🔥: the outage was caused by human error.\n" >multibyte.md
printf '# Storage notes\r\n\r\nZo\xc3\xab said: the outage was caused by human error.\r\nThe outage was caused by human error\r\n' >crlf.md
printf '\xef\xbb\xbfThe outage was caused by human error.\n' >bom.md
printf '\xef\xbb\xbf# T\r\n\r\nZo\xc3\xab: the outage was caused by human error.\r\n' >bom-crlf.md
printf 'Nothing to see.\n\0\0\1\2\3binary\n' >binary.md

# --- commands, help, version ---------------------------------------------

begin "--version prints the version"
run --version
want_rc 0
want_line 1 'blamelint [0-9]+\.[0-9]+\.[0-9]+.*'
want_err_empty
end

begin "-V prints the version"
run -V
want_rc 0
want_line 1 'blamelint [0-9]+\.[0-9]+\.[0-9]+.*'
end

begin "--help lists the commands"
run --help
want_rc 0
want_line 1 'Usage: blamelint .*'
want_out_re '^ +check '
want_out_re '^ +rules '
want_out_re '^ +explain '
want_err_empty
end

for cmd in check rules explain; do
    for h in --help -h; do
        begin "$cmd $h prints its usage"
        run "$cmd" "$h"
        want_rc 0
        want_line 1 "Usage: blamelint $cmd .*"
        want_err_empty
        end
    done
done

begin "check --help names every option"
run check --help
for o in --format --fail-on --color --quiet --rules --stdin-filename; do
    want_out_re "$o"
done
end

# --- usage errors -> 2, a message on stderr, nothing on stdout ------------

usage_case() {
    local name=$1 re=$2
    shift 2
    begin "usage error: $name"
    run "$@"
    want_rc 2
    want_err_nonempty
    want_err_re "$re"
    want_out_empty
    end
}

usage_case "no command" 'blamelint'
usage_case "unknown command" "frobnicate" frobnicate
usage_case "unknown option" "bogus" check --bogus warn.md
usage_case "unknown short option" "." check -Z warn.md
usage_case "option missing its argument" "." check warn.md --format
usage_case "unknown --format" "xml" check --format xml warn.md
usage_case "unknown --fail-on" "sometimes" check --fail-on sometimes warn.md
usage_case "--fail-on off is not a level" "off" check --fail-on off warn.md
usage_case "unknown --color" "sometimes" check --color sometimes warn.md
usage_case "check without PATH" "PATH" check
usage_case "check with options but no PATH" "PATH" check --format json
usage_case "rules with an unknown option" "bogus" rules --bogus
usage_case "rules with an argument" "extra" rules extra
usage_case "explain without RULE" "RULE" explain
usage_case "explain with two RULEs" "RULE" explain blame/human-error blame/minimizer
usage_case "--version is not a check option" "version" check --version warn.md

# --- clean files -----------------------------------------------------------

begin "clean file: exit 0, text ends with a summary"
run check clean.md
want_rc 0
want_lines 1
want_line -1 'No findings in 1 file\.'
want_err_empty
end

begin "clean file: JSON with an empty diagnostics array and a summary"
run check --format json clean.md
want_rc 0
want_json
want_out_eq '{"version":1,"files":[{"path":"clean.md","diagnostics":[]}],"summary":{"files":1,"errors":0,"warnings":0,"info":0}}'
want_err_empty
end

begin "empty file is clean"
run check --format json empty.md
want_rc 0
want_json
want_paths '["empty.md"]'
want_jq '.files[0].diagnostics == [] and .summary.files == 1'
end

begin "empty file, text: summary line"
run check empty.md
want_rc 0
want_line -1 'No findings in 1 file\.'
end

begin "a file that is only a BOM is clean"
printf '\xef\xbb\xbf' >bom-only.md
run check --format json bom-only.md
want_rc 0
want_json
want_jq '.files[0].diagnostics == []'
end

# --- text report -----------------------------------------------------------

begin "text: finding line, source excerpt, caret line, summary"
run check warn.md
want_rc 1
want_lines 4
want_line 1 'warn\.md:3:26: warning: "human error" .+ \[blame/human-error\]'
want_line 2 ' *3 \| The outage was caused by human error\.'
want_line 3 ' *\| {26}\^~{10}'
want_line 4 '1 finding \(0 errors, 1 warning, 0 info\) in 1 file\.'
want_err_empty
end

begin "text: the caret is under the start of the span"
run check warn.md
src=$(sed -n 2p "$OUT")
car=$(sed -n 3p "$OUT")
src_lead=${src%%human error*}
car_lead=${car%%^*}
if [ "$src_lead" = "$src" ] || [ "$car_lead" = "$car" ] \
   || [ "${#src_lead}" != "${#car_lead}" ]; then
    problem "the caret is at ${#car_lead}, \"human error\" at ${#src_lead}"
fi
end

begin "text: an error finding"
run check error.md
want_rc 1
want_line 1 'error\.md:1:1: error: .+ \[blame/person-root-cause\]'
want_line -1 '1 finding \(1 error, 0 warnings, 0 info\) in 1 file\.'
end

begin "text: multibyte line, column in code points, carets in cells"
run check multibyte.md
want_rc 1
want_line 1 "multibyte\\.md:3:13: warning: .+ \\[blame/person-failure\\]"
want_line 2 " *3 \\| Zoë's team: José forgot to renew the cert\\."
want_line 3 ' *\| {13}\^~{10}'
want_out_re '^multibyte\.md:4:45: warning: .+ \[blame/human-error\]$'
want_line -1 '2 findings \(0 errors, 2 warnings, 0 info\) in 1 file\.'
end

begin "text: CRLF line endings do not reach the excerpt"
run check crlf.md
want_rc 1
want_line 1 'crlf\.md:3:36: warning: .+ \[blame/human-error\]'
grep -q $'\r' "$OUT" && problem "a carriage return reached stdout"
end

begin "text: a BOM is no column and is not shown"
run check bom.md
want_rc 1
want_line 1 'bom\.md:1:26: warning: .+ \[blame/human-error\]'
want_line 2 ' *1 \| The outage was caused by human error\.'
want_line 3 ' *\| {26}\^~{10}'
end

begin "text: several files, one summary"
run check warn.md clean.md info.md
want_rc 1
want_out_re '^warn\.md:3:26: warning: '
want_out_re '^info\.md:1:14: info: '
want_no_out_re '^clean\.md:'
want_line -1 '2 findings \(0 errors, 1 warning, 1 info\) in 3 files\.'
[ "$(grep -Ec '^[0-9]+ findings? |^No findings' "$OUT")" = 1 ] \
    || problem "want exactly one summary line"
end

begin "--quiet: finding lines only, no excerpt, no summary"
run check --quiet warn.md info.md clean.md
want_rc 1
want_lines 2
want_line 1 'warn\.md:3:26: warning: .+ \[blame/human-error\]'
want_line 2 'info\.md:1:14: info: .+ \[blame/minimizer\]'
want_no_out_re '\|'
end

begin "-q on a clean file prints nothing"
run check -q clean.md
want_rc 0
want_out_empty
want_err_empty
end

# --- --fail-on -------------------------------------------------------------

fail_on_case() {
    local file=$1 level=$2 want=$3
    begin "--fail-on $level, $file: exit $want"
    if [ "$level" = default ]; then
        run check "$file"
    else
        run check --fail-on "$level" "$file"
    fi
    want_rc "$want"
    want_err_empty
    end
}

fail_on_case warn.md default 1
fail_on_case warn.md error 0
fail_on_case warn.md warning 1
fail_on_case warn.md info 1
fail_on_case warn.md never 0
fail_on_case info.md default 0
fail_on_case info.md error 0
fail_on_case info.md warning 0
fail_on_case info.md info 1
fail_on_case info.md never 0
fail_on_case error.md error 1
fail_on_case error.md warning 1
fail_on_case error.md never 0
fail_on_case clean.md info 0

begin "--fail-on=error (the = form), JSON"
run check --format=json --fail-on=error warn.md
want_rc 0
want_json
end

begin "options after the paths are options"
run check warn.md --format json --fail-on never
want_rc 0
want_json
want_paths '["warn.md"]'
end

# --- JSON report -------------------------------------------------------------

begin "JSON: a finding has exactly the contract keys and types"
run check --format json warn.md
want_rc 1
want_json
want_jq '.files[0].diagnostics[0] | keys_unsorted == ["rule","severity","line","column","endLine","endColumn","message"]'
want_jq '.files[0].diagnostics[0] | .rule == "blame/human-error" and .severity == "warning"'
want_diags 0 '[["blame/human-error",3,26,3,37]]'
want_span 0 0 warn.md "human error"
want_jq '.files[0].diagnostics[0].message | contains("human error")'
want_jq '.summary == {"files":1,"errors":0,"warnings":1,"info":0}'
want_err_empty
end

begin "JSON: no fix where no rewrite exists"
run check --format json warn.md error.md
want_json
want_jq '[.files[].diagnostics[] | has("fix")] | all(. == false)'
end

begin "JSON: blame/minimizer has a fix that removes the minimizer"
run check --format json info.md
want_rc 0
want_json
want_diags 0 '[["blame/minimizer",1,14,1,19]]'
want_jq '.files[0].diagnostics[0] | keys_unsorted == ["rule","severity","line","column","endLine","endColumn","message","fix"]'
want_jq '.files[0].diagnostics[0].fix == {"replacement":""}'
want_jq '.files[0].diagnostics[0].severity == "info"'
want_jq '.summary == {"files":1,"errors":0,"warnings":0,"info":1}'
# Applying the fix to the line gives the plain statement.
# shellcheck disable=SC2016
want_jq '.files[0].diagnostics[0] as $d
    | ("The engineer just restarted the primary."
       | .[:$d.column - 1] + $d.fix.replacement + .[$d.endColumn - 1:])
      == "The engineer restarted the primary."'
end

begin "JSON: columns count code points, not bytes or UTF-16 units"
run check --format json multibyte.md
want_rc 1
want_json
# Line 3: byte column of "José" would be 14; line 4: 56 bytes, 46 UTF-16.
want_diags 0 '[["blame/person-failure",3,13,3,24],["blame/human-error",4,45,4,56]]'
want_span 0 0 multibyte.md "José forgot"
want_span 0 1 multibyte.md "human error"
end

begin "JSON: astral and combining characters are one code point each"
printf '\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5 e\xcc\x81 The outage was caused by human error.\n' >astral.md
run check --format json astral.md
want_json
want_diags 0 '[["blame/human-error",1,32,1,43]]'
want_span 0 0 astral.md "human error"
end

begin "JSON: a tab is one column"
printf 'a\tb The outage was caused by human error.\n' >tab.md
run check --format json tab.md
want_json
want_diags 0 '[["blame/human-error",1,30,1,41]]'
end

begin "JSON: CRLF file, columns as with LF"
run check --format json crlf.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",3,36,3,47],["blame/human-error",4,26,4,37]]'
want_span 0 0 crlf.md "human error"
# The second ends the line: endColumn stops before the CR.
want_span 0 1 crlf.md "human error"
end

begin "JSON: UTF-8 BOM is not a column"
run check --format json bom.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",1,26,1,37]]'
want_span 0 0 bom.md "human error"
end

begin "JSON: BOM and CRLF together"
run check --format json bom-crlf.md
want_json
want_diags 0 '[["blame/human-error",3,31,3,42]]'
want_span 0 0 bom-crlf.md "human error"
end

begin "JSON: a span across a line break has endLine/endColumn on the next line"
printf 'A human\nerror caused it.\n' >two-lines.md
run check --format json two-lines.md
want_json
want_diags 0 '[["blame/human-error",1,3,2,6]]'
end

begin "JSON: every checked file listed, in the order given"
run check --format json warn.md clean.md info.md empty.md
want_rc 1
want_json
want_paths '["warn.md","clean.md","info.md","empty.md"]'
want_jq '.files[1].diagnostics == [] and .files[3].diagnostics == []'
want_jq '.summary == {"files":4,"errors":0,"warnings":1,"info":1}'
end

begin "JSON: paths are reported as given"
mkdir -p given
cp warn.md given/pm.md
run check --format json ./warn.md given/pm.md given//pm.md
want_json
want_paths '["./warn.md","given/pm.md","given//pm.md"]'
end

begin "JSON: odd characters in a path are escaped"
cp warn.md 'odd "quote" back\slash.md'
run check --format json 'odd "quote" back\slash.md'
want_json
want_paths '["odd \"quote\" back\\slash.md"]'
end

begin "JSON: --color always does not colour JSON"
run check --format json --color always warn.md
want_json
grep -q $'\033' "$OUT" && problem "ANSI escape in JSON"
end

begin "JSON: --quiet keeps the JSON whole"
run check --format json --quiet warn.md
want_json
want_diags 0 '[["blame/human-error",3,26,3,37]]'
end

# --- standard input --------------------------------------------------------

begin "stdin: - reads standard input"
STDIN=warn.md run check --format json -
want_rc 1
want_json
want_paths '["<stdin>"]'
want_diags 0 '[["blame/human-error",3,26,3,37]]'
end

begin "stdin: --stdin-filename names it (JSON)"
STDIN=warn.md run check --format json --stdin-filename docs/pm.md -
want_rc 1
want_json
want_paths '["docs/pm.md"]'
end

begin "stdin: --stdin-filename names it (text)"
STDIN=warn.md run check --stdin-filename docs/pm.md -
want_rc 1
want_line 1 'docs/pm\.md:3:26: warning: .+ \[blame/human-error\]'
end

begin "stdin: clean input"
STDIN=clean.md run check -
want_rc 0
want_line -1 'No findings in 1 file\.'
end

begin "stdin: empty input"
STDIN=empty.md run check --format json -
want_rc 0
want_json
want_jq '.files | length == 1 and .[0].diagnostics == []'
end

begin "stdin: - twice is read once"
STDIN=warn.md run check --format json - -
want_rc 1
want_json
want_jq '.files | length == 1'
end

begin "stdin: with files, in the order given"
STDIN=warn.md run check --format json clean.md - info.md
want_rc 1
want_json
want_paths '["clean.md","<stdin>","info.md"]'
end

begin "stdin: closed standard input is an error"
(cd "$W" && exec "$BIN" check -) <&- >"$OUT" 2>"$ERR"
RC=$?
sanity
want_rc 2
want_err_nonempty
end

# --- directories -----------------------------------------------------------

mkdir -p tree/sub/deeper tree/.hidden tree/sub/.git tree/empty-dir tree/m
cp warn.md tree/sub/a.md
cp clean.md tree/a.md
cp info.md tree/z.markdown
cp clean.md tree/sub/deeper/c.md
cp warn.md tree/m/n.md
cp warn.md tree/notes.txt
cp warn.md tree/sub/readme.mdx
cp warn.md tree/.hidden/h.md
cp warn.md tree/sub/.git/g.md
cp warn.md tree/.dotfile.md

TREE='["tree/a.md","tree/m/n.md","tree/sub/a.md","tree/sub/deeper/c.md","tree/z.markdown"]'

begin "directory: *.md and *.markdown found recursively, sorted"
run check --format json tree
want_rc 1
want_json
want_paths "$TREE"
end

begin "directory: .txt ignored, hidden files and dirs skipped"
run check --format json tree
want_no_out_re 'notes\.txt|readme\.mdx|\.hidden|\.git|\.dotfile'
end

begin "directory: trailing slash gives no double slash"
run check --format json tree/
want_json
want_paths "$TREE"
end

begin "directory: ./ prefix kept as given"
run check --format json ./tree
want_json
want_paths "$(jq -cn --argjson t "$TREE" '$t | map("./" + .)')"
end

begin "directory: text report paths"
run check tree
want_rc 1
want_out_re '^tree/sub/a\.md:3:26: warning: '
want_out_re '^tree/z\.markdown:1:14: info: '
want_line -1 '3 findings \(0 errors, 2 warnings, 1 info\) in 5 files\.'
end

begin "directory: with no Markdown files is clean"
run check --format json tree/empty-dir
want_rc 0
want_json
want_jq '.files == [] and .summary.files == 0'
end

mkdir -p links/real links/dir
cp clean.md links/dir/inner.md
cp warn.md links/real/target.md
ln -s ../real/target.md links/dir/link.md
ln -s ../real links/dir/linked-dir
mkdir links/dir2
cp clean.md links/dir2/a.md
ln -s ../real links/dir2/linked-dir.md

begin "directory: a symlink to a Markdown file is checked under its own path"
run check --format json links/dir
want_json
want_paths '["links/dir/inner.md","links/dir/link.md"]'
want_rc 1
want_err_empty
end

begin "directory: a symlinked directory is not followed"
run check --format json links/dir
want_json
want_jq '[.files[].path | select(test("linked-dir|real/"))] == []'
end

begin "directory: a symlinked directory named *.md is skipped, not an error"
run check --format json links/dir2
want_rc 0
want_json
want_paths '["links/dir2/a.md"]'
want_err_empty
end

if mkfifo links/fifo-target 2>/dev/null; then
    mkdir links/fifo
    cp clean.md links/fifo/a.md
    ln -s ../fifo-target links/fifo/pipe.md
    begin "directory: a symlink to a FIFO is not opened (no hang)"
    LIMIT=15 run check --format json links/fifo
    want_rc 0
    want_json
    want_paths '["links/fifo/a.md"]'
    end
else
    skip "directory: a symlink to a FIFO is not opened (no hang)" "no mkfifo"
fi

begin "a file named explicitly is checked whatever its extension"
run check --format json tree/notes.txt
want_rc 1
want_json
want_paths '["tree/notes.txt"]'
end

# --- unreadable and bad input ----------------------------------------------

begin "nonexistent file among good ones: exit 2, named on stderr, others reported"
run check --format json warn.md does-not-exist.md clean.md
want_rc 2
want_err_re 'does-not-exist\.md'
want_json
want_paths '["warn.md","clean.md"]'
want_no_out_re 'does-not-exist'
end

begin "nonexistent file, text: the others' findings still printed"
run check does-not-exist.md warn.md
want_rc 2
want_err_re 'does-not-exist\.md'
want_out_re '^warn\.md:3:26: warning: '
end

begin "nonexistent file with --fail-on never is still exit 2"
run check --fail-on never clean.md does-not-exist.md
want_rc 2
end

begin "binary file: exit 2, a clear message, others still checked"
run check --format json warn.md binary.md clean.md
want_rc 2
want_err_re 'binary\.md.*binary'
want_json
want_paths '["warn.md","clean.md"]'
end

begin "binary file found in a directory: reported, the rest checked"
mkdir -p bindir
cp binary.md bindir/a.md
cp warn.md bindir/b.md
run check --format json bindir
want_rc 2
want_err_re 'bindir/a\.md.*binary'
want_json
want_paths '["bindir/b.md"]'
end

begin "a directory given as stdin is an error, not a crash"
STDIN=tree run check -
want_rc 2
want_err_nonempty
end

printf 'Bad \xff\xfe bytes: the outage was caused by human error.\nok \xc3 then human error.\n\x80 lone: human error here.\nover \xc0\xaf long: human error.\n' >invalid.md

begin "invalid UTF-8: JSON is valid and columns count each bad byte once"
run check --format json invalid.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",1,40,1,51],["blame/human-error",2,11,2,22],["blame/human-error",3,9,3,20],["blame/human-error",4,15,4,26]]'
end

begin "invalid UTF-8: text report survives, no raw bad bytes"
run check invalid.md
want_rc 1
want_out_re '^invalid\.md:1:40: warning: '
LC_ALL=C grep -q $'\xff' "$OUT" && problem "a raw 0xFF byte reached stdout"
end

begin "invalid UTF-8 in a truncated sequence: no crash, valid JSON"
printf 'x \xe2\x82 y \xf0\x9f\x98 the outage was caused by human error.\n' >truncated.md
run check --format json truncated.md
want_rc 1
want_json
want_jq '.files[0].diagnostics | length == 1'
end

begin "invalid UTF-8 in a file name: valid JSON"
cp warn.md $'bad\xffname.md'
run check --format json $'bad\xffname.md'
want_rc 1
want_json
end

begin "a NUL byte far into the file still marks it binary"
{ head -c 70000 /dev/zero | tr '\0' x; printf '\n\nNul \0 here. The outage was caused by human error.\n'; } >late-nul.md
run check --format json late-nul.md clean.md
want_rc 2
want_err_re 'late-nul\.md.*binary'
want_json
end

begin "a 5 MB line with a blame phrase at the end"
{ yes 'lorem ipsum dolor' | head -c 5000000 | tr '\n' ' '
  printf 'The outage was caused by human error.\n'; } >huge.md
LIMIT=300 run check --format json huge.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",1,5000026,1,5000037]]'
end

begin "a long line shows a window around the span, caret included"
{ printf 'Root cause: the '; head -c 450 /dev/zero | tr '\0' x
  printf ' engineer forgot to renew it. '
  for _ in $(seq 40); do printf 'more text '; done; printf '\n'; } >longspan.md
{ for _ in $(seq 60); do printf 'lorem ipsum '; done
  printf 'Bob forgot to renew the cert. '
  for _ in $(seq 60); do printf 'dolor sit '; done; printf '\n'; } >window.md
run check longspan.md window.md
want_rc 1
want_out_re '^ +1 \| Root cause: the x+'
want_out_re '^ +\| \^~+$'
want_out_re '^ +1 \| \.\.\..*Bob forgot to renew the cert\..*\.\.\.$'
want_out_re '^ +\| +\^~{9}$'   # "Bob forgot": 10 cells
want_no_out_re '^ +1 \| lorem'
end

begin "a 5 MB line, --quiet text"
LIMIT=300 run check --quiet huge.md
want_rc 1
want_lines 1
want_line 1 'huge\.md:1:5000026: warning: .+ \[blame/human-error\]'
end

begin "many lines: a late finding has the right line number"
{ for i in $(seq 1 20000); do printf 'Line %d is fine.\n\n' "$i"; done
  printf 'The outage was caused by human error.\n'; } >many.md
run check --format json many.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",40001,26,40001,37]]'
end

# --- what is not prose -----------------------------------------------------

# Each file holds one construct that must be ignored, then a control line
# that must be reported on the given line, proving the file was linted.
not_prose() {
    local name=$1 file=$2 line=$3
    begin "not reported: $name"
    run check --format json "$file"
    want_rc 1
    want_json
    want_jq ".files[0].diagnostics | length == 1 and .[0].line == $line and .[0].rule == \"blame/human-error\""
    end
}

CONTROL='The outage was caused by human error.'
# shellcheck disable=SC2016
printf '```\nThe outage was caused by human error.\n```\n\n%s\n' "$CONTROL" >fence.md
not_prose "fenced code block" fence.md 5
printf '~~~markdown\nThe outage was caused by human error.\n~~~\n\n%s\n' "$CONTROL" >tilde.md
not_prose "tilde code block" tilde.md 5
printf 'Text.\n\n    The outage was caused by human error.\n\n%s\n' "$CONTROL" >indented.md
not_prose "indented code block" indented.md 5
# shellcheck disable=SC2016
printf 'Inline `the outage was caused by human error` code.\n\n%s\n' "$CONTROL" >inline.md
not_prose "inline code" inline.md 3
printf 'See https://wiki.example.com/postmortems/human-error for more.\n\n%s\n' "$CONTROL" >url.md
not_prose "bare URL" url.md 3
printf 'See <https://example.com/operator-error> for more.\n\n%s\n' "$CONTROL" >autolink.md
not_prose "autolink" autolink.md 3
printf 'See [the review](https://example.com/human-error) for more.\n\n%s\n' "$CONTROL" >linkdest.md
not_prose "link destination" linkdest.md 3
printf 'Text <!-- the outage was caused by human error --> here.\n\n%s\n' "$CONTROL" >comment.md
not_prose "inline HTML comment" comment.md 3
printf '<!--\nThe outage was caused by human error.\n-->\n\n%s\n' "$CONTROL" >comment-block.md
not_prose "HTML comment block" comment-block.md 5
printf -- '---\ntitle: The outage was caused by human error.\nsummary: human error\n---\n\n%s\n' "$CONTROL" >yaml.md
not_prose "YAML front matter" yaml.md 6
printf '+++\ntitle = "The outage was caused by human error."\n+++\n\n%s\n' "$CONTROL" >toml.md
not_prose "TOML front matter" toml.md 5

begin "a --- rule later in the file is not front matter"
printf 'Text.\n\n---\n\nThe outage was caused by human error.\n\n---\n' >hr.md
run check --format json hr.md
want_rc 1
want_json
want_diags 0 '[["blame/human-error",5,26,5,37]]'
end

# --- colour ----------------------------------------------------------------

has_esc() { grep -q $'\033\\[' "$OUT"; }

begin "--color always: ANSI escapes"
run check --color always warn.md
want_rc 1
has_esc || problem "no ANSI escape in the output"
end

begin "--colour always is accepted too"
run check --colour always warn.md
has_esc || problem "no ANSI escape in the output"
end

begin "--color never: no escapes"
run check --color never warn.md
want_rc 1
has_esc && problem "ANSI escape in the output"
want_line 1 'warn\.md:3:26: warning: .+ \[blame/human-error\]'
end

begin "default colour, stdout not a terminal: no escapes"
run check warn.md
has_esc && problem "ANSI escape in the output"
end

begin "NO_COLOR=1 --color auto, not a terminal: no escapes"
NO_COLOR=1 run check --color auto warn.md
has_esc && problem "ANSI escape in the output"
end

# On a terminal (script(1) gives us one): auto colours, NO_COLOR stops it.
if command -v script >/dev/null 2>&1 \
   && script -qec true /dev/null >/dev/null 2>&1; then
    tty_cmd=$(printf '%q check warn.md' "$BIN")

    begin "--color auto on a terminal: escapes"
    (cd "$W" && TERM=xterm NO_COLOR='' script -qec "$tty_cmd" /dev/null) \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    has_esc || problem "no ANSI escape on a terminal"
    want_out_re 'warn\.md:3:26:'
    end

    begin "NO_COLOR=1 on a terminal: no escapes"
    (cd "$W" && TERM=xterm NO_COLOR=1 script -qec "$tty_cmd" /dev/null) \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    has_esc && problem "ANSI escape although NO_COLOR is set"
    want_out_re 'warn\.md:3:26:'
    end

    begin "--color never on a terminal: no escapes"
    (cd "$W" && TERM=xterm NO_COLOR='' script -qec "$tty_cmd --color never" /dev/null) \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    has_esc && problem "ANSI escape with --color never"
    end
else
    skip "--color auto on a terminal: escapes" "script(1) not available"
    skip "NO_COLOR=1 on a terminal: no escapes" "script(1) not available"
    skip "--color never on a terminal: no escapes" "script(1) not available"
fi

# --- rules and explain -----------------------------------------------------

begin "rules lists every rule with severity and summary"
run rules
want_rc 0
want_out_re '^blame/human-error +warning +.+'
want_out_re '^blame/minimizer +info +.+'
want_out_re '^blame/person-root-cause +error +.+'
# The rules come first; settings follow after a blank line.
bad=$(sed '/^$/,$d' "$OUT" | grep -Evc '^[a-z0-9-]+/[a-z0-9-]+ +(error|warning|info|off) +[^ ].*$')
[ "$bad" = 0 ] || problem "$bad lines are not \"id severity summary\""
want_err_empty
end

begin "every listed rule can be explained"
run rules
ids=$(sed '/^$/,$d' "$OUT" | awk '{print $1}')
for id in $ids; do
    run explain "$id"
    [ "$RC" = 0 ] || problem "explain $id: exit status $RC"
    want_line 1 "$id .*"
done
RC=""
end

begin "rules lists the settings after the rules, with their defaults"
run rules
want_rc 0
want_out_re '^Settings \(change with --set KEY=VALUE\):$'
want_out_re '^action\.owner-from-link +true +.+'
end

# A postmortem whose one action item names no owner but links its ticket.
printf '# Incident 2025-03-04: checkout outage\n\n## Summary\n\nCheckout failed.\n\n## Action items\n\n- Add a lag alert ([OPS-7](https://acme.atlassian.net/browse/OPS-7))\n' >ticket-owner.md

begin "--set action.owner-from-link=false: a ticket is no longer an owner"
run check --format json --rule 'section/*=off' ticket-owner.md
want_rc 0
want_diags 0 '[]'
run check --format json --rule 'section/*=off' --set action.owner-from-link=false ticket-owner.md
want_rc 1
want_diags 0 '[["action/missing-owner",9,3,9,69]]'
want_jq '.files[0].diagnostics[0].message | contains("ticket") | not'
want_span 0 0 ticket-owner.md "Add a lag alert ([OPS-7](https://acme.atlassian.net/browse/OPS-7))"
end

begin "--set with a value the setting does not take: exit 2"
run check --set action.owner-from-link=maybe ticket-owner.md
want_rc 2
want_err_re 'action\.owner-from-link'
want_out_empty
end

begin "explain blame/human-error prints the explanation"
run explain blame/human-error
want_rc 0
want_line 1 'blame/human-error .*'
want_out_re '[Hh]uman error'
[ "$(wc -l <"$OUT")" -ge 5 ] || problem "the explanation is too short"
want_err_empty
end

begin "explain: no runs of blank lines"
run explain blame/human-error
awk 'prev == "" && $0 == "" && NR > 1 { bad = 1 } { prev = $0 } END { exit bad }' "$OUT" \
    || problem "two blank lines in a row"
end

begin "explain an unknown rule: exit 2, named on stderr"
run explain blame/no-such-rule
want_rc 2
want_err_re 'blame/no-such-rule'
want_out_empty
end

# --- --rules DIR -----------------------------------------------------------

mkdir custom
cat >custom/widget.rules <<'EOF'
# A one-rule set for the CLI tests.

Rule: test/widget
Severity: error
Summary: Says "frobnicated the widget".
Explain:
 A rule for the tests.
 .
 Its second paragraph.

Match: test/widget
Phrase: frobnicated the widget
Message: "{0}" is the test phrase.
Suggest: Say something else.
Fix: adjusted the widget
EOF
printf 'Zoë frobnicated the widget today.\nThe outage was caused by human error.\n' >widget.md

begin "--rules DIR: the custom rule fires, the built-in ones do not"
run check --format json --rules custom widget.md
want_rc 1
want_json
want_diags 0 '[["test/widget",1,5,1,27]]'
want_span 0 0 widget.md "frobnicated the widget"
want_jq '.files[0].diagnostics[0] | .severity == "error" and .fix.replacement == "adjusted the widget"'
want_jq '.files[0].diagnostics[0].message | contains("frobnicated the widget")'
end

begin "--rules DIR: text report"
run check --rules custom widget.md
want_rc 1
want_line 1 'widget\.md:1:5: error: .+ \[test/widget\]'
end

begin "--rules DIR: rules lists only the custom rule"
run rules --rules custom
want_rc 0
want_lines 1
want_line 1 'test/widget +error +Says "frobnicated the widget"\.'
end

begin "--rules DIR: explain a custom rule"
run explain --rules custom test/widget
want_rc 0
want_line 1 'test/widget .*'
want_out_re 'Its second paragraph'
end

# A team's copy of the rules from before Time-Zones: existed: times in
# two zones are not compared, and no-timezone stays silent.
mkdir -p nozones
cp "$SRC"/rules/*.rules nozones/
awk '/^Time-Zones:/ { skip = 1 } skip && /^$/ { skip = 0; next } !skip' \
    "$SRC/rules/timeline.rules" >nozones/timeline.rules
printf '# Incident: x\n\n## Timeline\n\n- 15:00 UTC deploy\n- 09:00 PDT ticket filed\n- 09:05 PDT 10:00 maybe\n' >zones.md

begin "--rules DIR without Time-Zones: two zones are not compared"
run check --format json --fail-on never --rules nozones zones.md
want_rc 0
want_jq '[.files[0].diagnostics[] | select(.rule | startswith("timeline/"))] | length == 0'
end

begin "--rules DIR: a config file may name the custom rules"
mkdir -p cfgcustom
printf '[rules]\n"test/widget" = "off"\n' >cfgcustom/.blamelint.toml
cp widget.md cfgcustom/
run check --format json --rules custom cfgcustom/widget.md
want_rc 0
want_diags 0 '[]'
end

begin "--rules DIR: a config naming a built-in rule is an error there"
printf '[rules]\n"blame/human-error" = "off"\n' >cfgcustom/.blamelint.toml
run check --rules custom cfgcustom/widget.md
want_rc 2
want_err_re 'cfgcustom/\.blamelint\.toml:2: no rule or family "blame/human-error"'
end

begin "built-in rules: a config naming the custom rule is an error"
printf '[rules]\n"test/widget" = "off"\n' >cfgcustom/.blamelint.toml
run check cfgcustom/widget.md
want_rc 2
want_err_re 'cfgcustom/\.blamelint\.toml:2: no rule or family "test/widget"'
end

begin "--rules DIR: a built-in rule is unknown there"
run explain --rules custom blame/human-error
want_rc 2
want_err_re 'blame/human-error'
end

broken_rules() {
    local name=$1 re=$2
    begin "broken --rules DIR: $name"
    run check --rules broken widget.md
    want_rc 2
    want_err_re "$re"
    want_out_empty
    end
    rm -rf broken
}

mkdir broken
printf 'Rule: test/x\nSeverity: error\nSummary: s\nExplain: e\n\nMatch: test/x\nPhrase: foo\nMessage: m\n' >broken/a.rules
broken_rules "Match without Suggest names file:line" 'broken/a\.rules:6:'
mkdir broken
printf 'Rule: test/x\nSeverity: loud\nSummary: s\nExplain: e\n' >broken/a.rules
broken_rules "bad severity names file:line" 'broken/a\.rules:1:'
mkdir broken
printf '# comment\n\nRule: test/x\nSeverity: error\nSummary: s\nExplain: e\n\nMatch: test/x\nPattern: (unclosed\nWords: unclosed\nMessage: m\nSuggest: s\n' >broken/a.rules
broken_rules "a pattern that does not compile names file:line" 'broken/a\.rules:8:'
mkdir broken
printf 'Rule: test/x\nSeverity: error\nSummary: s\nExplain: e\nColour: red\n' >broken/a.rules
broken_rules "unknown field names file:line" 'broken/a\.rules:5:'
mkdir broken
printf 'Match: test/nope\nPhrase: foo\nMessage: m\nSuggest: s\n' >broken/a.rules
broken_rules "Match of an undefined rule names file:line" 'broken/a\.rules:1:'
mkdir broken
cp custom/widget.rules broken/a.rules
printf 'Rule: test/widget\nSeverity: info\nSummary: s\nExplain: e\n' >broken/b.rules
broken_rules "a rule defined twice names file:line" 'broken/b\.rules:1:'
mkdir broken
broken_rules "a directory without *.rules" 'broken'

begin "--rules with a nonexistent directory: exit 2"
run check --rules no-such-dir widget.md
want_rc 2
want_err_re 'no-such-dir'
want_out_empty
end

begin "rules --rules with a broken directory: exit 2 with file:line"
mkdir broken
printf 'Rule: test/x\nSeverity: loud\nSummary: s\nExplain: e\n' >broken/a.rules
run rules --rules broken
want_rc 2
want_err_re 'broken/a\.rules:1:'
end
rm -rf broken

# --- output errors and unreadable paths -----------------------------------

if [ -w /dev/full ]; then
    begin "a report that cannot be written is not a success"
    (cd "$W" && exec "$BIN" check clean.md) >/dev/full 2>"$ERR"
    RC=$?
    sanity
    want_rc 2
    want_err_nonempty
    end
else
    skip "a report that cannot be written is not a success" "no /dev/full"
fi

# Unreadable files and directories need a user the permissions apply to:
# ourselves, or nobody (via setpriv) when we are root.
mkdir -p perm/d/a perm/d/b perm/d/c
cp warn.md perm/d/a/x.md
cp warn.md perm/d/b/y.md
cp warn.md perm/d/c/z.md
cp warn.md perm/unreadable.md
as_user=()
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1 \
       && setpriv --reuid=65534 --regid=65534 --clear-groups \
              test -x "$BIN" 2>/dev/null; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        chmod -R a+rX "$T"
        chmod a+x "$T"
    else
        as_user=(none)
    fi
fi
if [ "${as_user[0]:-}" = none ]; then
    skip "unreadable file: exit 2, named, others checked" "root without setpriv"
    skip "unreadable subdirectory: named, its siblings still checked" "root without setpriv"
else
    chmod 000 perm/unreadable.md perm/d/b

    begin "unreadable file: exit 2, named, others checked"
    (cd "$W/perm" && exec ${as_user[@]+"${as_user[@]}"} "$BIN" check --format json unreadable.md d/a/x.md) \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    want_rc 2
    want_err_re 'unreadable\.md'
    want_json
    want_paths '["d/a/x.md"]'
    end

    begin "unreadable subdirectory: named, its siblings still checked"
    (cd "$W/perm" && exec ${as_user[@]+"${as_user[@]}"} "$BIN" check --format json d) \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    want_rc 2
    want_err_re 'd/b'
    want_json
    want_paths '["d/a/x.md","d/c/z.md"]'
    end

    chmod 755 perm/d/b
    chmod 644 perm/unreadable.md
fi

# --- structure rules, --rule and --set -------------------------------------

printf '# Incident: DNS outage\n\n## Summary\n\nDown for 40 minutes.\n\n## Timeline\n\n- 14:02 UTC alerts\n\n## Root cause\n\nContributing factors: a stale record and a long TTL.\n\n## Action items\n\n- Shorten TTLs (owner: @dana)\n' >pm-missing.md
printf '# Team notes\n\n## Install\n\nRun make.\n' >readme.md

begin "structure: a missing section is reported on the title, with an inserting fix (text)"
run check pm-missing.md
want_rc 1
want_line 1 'pm-missing\.md:1:3: warning: No Lessons Learned section: .+ \[section/missing\]'
want_out_re 'fix: insert "## Lessons Learned" at line 18'
want_err_empty
end

begin "structure: JSON fix of a missing section says where it inserts"
run check --format json pm-missing.md
want_rc 1
want_json
want_diags 0 '[["section/missing",1,3,1,23]]'
want_jq '.files[0].diagnostics[0].fix | (.line == 18 and .column == 1 and .endLine == 18 and .endColumn == 1)'
want_jq '.files[0].diagnostics[0].fix.replacement | startswith("\n## Lessons Learned\n\n<!--")'
end

begin "structure: a README is not a postmortem"
run check readme.md
want_rc 0
want_line 1 'No findings in 1 file\.'
end

begin "--rule: a family turned off"
run check --rule 'section/*=off' pm-missing.md
want_rc 0
end

begin "--rule: a rule raised to error, --fail-on error then fails"
run check --format json --fail-on error --rule section/missing=error pm-missing.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[] | .severity] == ["error"]'
end

begin "--rule: later wins; on restores the rule's severity"
run check --format json --rule 'section/*=off' --rule section/missing=on pm-missing.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[] | [.rule, .severity]] == [["section/missing","warning"]]'
end

begin "--rule: an unknown rule is a usage error"
run check --rule nope/none=off pm-missing.md
want_rc 2
want_out_empty
want_err_re "--rule nope/none: no such rule or family"
end

begin "--rule: a bad level is a usage error"
run check --rule section/missing=loud pm-missing.md
want_rc 2
want_out_empty
want_err_re "off, on, info, warning or error, not 'loud'"
end

begin "--rule: without = is a usage error"
run check --rule section/missing pm-missing.md
want_rc 2
want_err_re "RULE=LEVEL"
end

begin "--set: an unknown setting is a usage error"
run check --set nope=3 pm-missing.md
want_rc 2
want_out_empty
want_err_re 'unknown setting "nope"'
end

begin "rules: lists the section rules"
run rules
want_rc 0
want_out_re '^section/missing +warning +A section of the postmortem template is missing'
want_out_re '^section/duplicate +info '
end

begin "explain: a structure rule"
run explain section/empty
want_rc 0
want_line 1 'section/empty \(warning by default\)'
# --- new: templates ------------------------------------------------------

for h in --help -h; do
    begin "new $h prints its usage"
    run new "$h"
    want_rc 0
    want_line 1 "Usage: blamelint new .*"
    want_out_re '--list'
    want_err_empty
    end
done

begin "--help lists the new command"
run --help
want_out_re '^ +new '
end

begin "new --list lists the templates, one name a line"
run new --list
want_rc 0
want_out_eq $'comms\nlifecycle\npostmortem\nreview\nroles\nrunbook\nseverity\nstatus-update'
want_err_empty
end

begin "new postmortem prints every section in the template order"
run new postmortem
want_rc 0
want_line 1 '# Postmortem: .*'
want_err_empty
order=$(grep -nE '^## (Summary|Impact|Timeline \(UTC\)|Root Cause|Action Items|Lessons Learned)$' "$OUT" \
        | cut -d: -f2- | tr '\n' '|')
[ "$order" = '## Summary|## Impact|## Timeline (UTC)|## Root Cause|## Action Items|## Lessons Learned|' ] \
    || problem "sections are \"$order\""
want_out_re '^\| Action item \| Owner \| Due \|$'
want_out_re '^5\. Why '
want_out_re '^<!--'
end

usage_case "new without a template" "--list" new
usage_case "new with an unknown template" "nope.*--list" new nope
usage_case "new with two templates" "postmortem" new postmortem postmortem
usage_case "new --list with a template" "postmortem" new --list postmortem
usage_case "new with an unknown option" "." new --bogus

# The template is what `check` asks to fill in: placeholders and the
# sections that hold nothing else, no blame, no section/missing.
run new postmortem
cp "$OUT" template.md
begin "the printed template reports only what is left to fill in"
run check --format json template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["placeholder/unfilled", "section/empty"]'
want_jq '[.files[0].diagnostics[] | select(.rule == "section/empty")] | length == 2'
want_jq '[.files[0].diagnostics[] | select(.rule == "placeholder/unfilled")] | length >= 10'
end

begin "the template filled in (corpus/template-postmortem-filled.md) is clean"
filled=$SRC/corpus/template-postmortem-filled.md
if [ -f "$filled" ]; then
    cp "$filled" filled.md
    run check --format json filled.md
    want_rc 0
    want_jq '.files[0].diagnostics == []'
else
    problem "no $filled"
fi
end

begin "placeholder findings: exact span and the slot in the message"
printf '# Postmortem: x\n\n## Impact\n\nAbout {{number}} users, until HH:MM.\n' >slots.md
run check --format json --rule 'section/*=off' slots.md
want_rc 1
want_diags 0 '[["placeholder/unfilled",5,7,5,17],["placeholder/unfilled",5,31,5,36]]'
want_span 0 0 slots.md '{{number}}'
want_jq '.files[0].diagnostics[0].message | contains("\"{{number}}\"")'
end

begin "--set placeholder.markers=false keeps template slots"
printf '# Postmortem: x\n\n## Impact\n\nTBD for {{region}}.\n' >markers.md
run check --format json --set placeholder.markers=false markers.md
want_rc 1
want_jq '[.files[0].diagnostics[] | select(.rule == "placeholder/unfilled")] | length == 1'
# --- timeline/ rules and their setting -------------------------------------

printf '# Incident: checkout errors\n\n## Summary\n\nx\n\n## Timeline (UTC)\n\n- 23:58 Alert fires.\n- 00:03 On-call paged.\n- 00:01 Rollback starts.\n' >overnight.md

begin "rules lists the timeline setting with its default"
run rules
want_rc 0
want_out_re '^timeline\.rollover-hours +12 +.+'
end

begin "timeline: a step back across midnight reads as the next day"
run check --format json --rule 'section/*=off' overnight.md
want_rc 1
want_json
want_diags 0 '[["timeline/out-of-order",11,3,11,8]]'
want_span 0 0 overnight.md "00:01"
end

begin "timeline: --set timeline.rollover-hours=0 reports the night too"
run check --format json --rule 'section/*=off' --set timeline.rollover-hours=0 overnight.md
want_rc 1
want_diags 0 '[["timeline/out-of-order",10,3,10,8],["timeline/out-of-order",11,3,11,8]]'
end

begin "timeline: rollover-hours outside 0..23 is a usage error"
run check --set timeline.rollover-hours=24 overnight.md
want_rc 2
want_err_re 'timeline\.rollover-hours'
want_out_empty
# --- --set: the whys.min setting --------------------------------------------

printf '# Incident: checkout outage\n\n## Summary\n\nCheckout failed.\n\n## Root Cause\n\n1. Why did checkout fail? The API timed out.\n2. Why? The pool was exhausted.\n3. Why? Nothing checks pool sizes.\n' >whys3.md

begin "a three-why chain is too short by default"
run check --format json --rule 'section/*=off' whys3.md
want_rc 1
want_jq '[.files[0].diagnostics[] | select(.rule == "whys/too-short")] | length == 1'
end

begin "--set whys.min=3: the same chain is long enough"
run check --format json --rule 'section/*=off' --set whys.min=3 whys3.md
want_rc 0
want_jq '[.files[0].diagnostics[] | select(.rule | startswith("whys/"))] | length == 0'
end

begin "--set whys.min=0: exit 2, the range named"
run check --set whys.min=0 whys3.md
want_rc 2
want_out_empty
want_err_re 'whys\.min.*1 to 20'
end

begin "rules lists whys.min with its default"
run rules
want_rc 0
want_out_re '^whys\.min +5 '
end

# --- inline suppressions ------------------------------------------------

printf '# Notes\n\nThe DBA was careless. <!-- blamelint-disable-line blame/judgement: quoted -->\nThe operator was sloppy.\n\n<!-- blamelint-disable-next-line blame/minimizer -->\nNothing to see.\n\n`<!-- blamelint-disable-file -->`\n' >sup.md

begin "a disable-line comment turns its line off, not the next"
run check --format json sup.md
want_rc 1
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/judgement")] | length == 1'
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/judgement")][0].line == 4'
end

begin "a suppression that turns nothing off is reported as info, on the comment"
run check --format json sup.md
want_jq '[.files[0].diagnostics[] | select(.rule == "suppression/unused")] | length == 1'
want_jq '[.files[0].diagnostics[] | select(.rule == "suppression/unused")][0] | .line == 6 and .severity == "info" and (.message | test("blame/minimizer"))'
end

begin "the same comment in a code span turns nothing off"
run check --format json sup.md
want_jq '.summary.warnings == 1'
end

begin "--rule suppression/unused=off quiets it"
run check --rule suppression/unused=off --format json sup.md
want_jq '[.files[0].diagnostics[] | select(.rule == "suppression/unused")] | length == 0'
end

# --- CI formats and --output ---------------------------------------------

mkdir -p "a,b:c"
printf '# Incident: checkout outage\n\n## Summary\n\nThe <service name> failed for ??%% of users.\nThe DBA was careless & \001 "so" it <went>.\n' >"a,b:c/pm.md"

begin "github: one workflow command per finding, with the escaping GitHub needs"
run check --format github "a,b:c/pm.md"
want_rc 1
want_out_re '^::warning file=a%2Cb%3Ac/pm\.md,line=5,col=5,endLine=5,endColumn=19,title=placeholder/unfilled::Template slot "<service name>"'
want_out_re '^::warning file=a%2Cb%3Ac/pm\.md,line=5,col=[0-9]+,endLine=5,endColumn=[0-9]+,title=placeholder/unfilled::.*\?\?%25'
want_out_re '^::(notice|warning|error) file=.*title=section/missing::'
bad=$(grep -cv '^::\(error\|warning\|notice\) file=[^:]*,line=[0-9]*,col=[0-9]*,endLine=[0-9]*,endColumn=[0-9]*,title=[^:]*::' "$OUT")
[ "$bad" = 0 ] || problem "$bad lines are not workflow commands"
end

begin "checkstyle: well-formed XML, one error element per finding"
run check --format checkstyle "a,b:c/pm.md"
want_rc 1
xmllint --noout "$OUT" 2>>"$ERR" || problem "xmllint: not well-formed"
n=$(grep -c '<error line=' "$OUT")
[ "$n" -ge 3 ] || problem "$n error elements"
want_out_re 'source="blamelint\.blame/judgement"'
want_out_re 'message="Template slot &quot;&lt;service name&gt;&quot;'
end

begin "junit: well-formed XML, a failed test case for a file with findings"
run check --format junit "a,b:c/pm.md" "$SRC/corpus/clean-dns-ttl.md"
want_rc 1
xmllint --noout "$OUT" 2>>"$ERR" || problem "xmllint: not well-formed"
want_out_re '<testsuites name="blamelint" tests="2" failures="1">'
want_out_re '<testcase classname="blamelint" name=".*clean-dns-ttl\.md"/>'
end

begin "--output FILE: the report in FILE, the text report on stdout"
printf 'stale\n' >report.json
run check --format json --output report.json "a,b:c/pm.md"
want_rc 1
jq -e '.summary.files == 1' report.json >/dev/null 2>&1 || problem "report.json is not the JSON report"
want_out_re '^a,b:c/pm\.md:6:13: warning: .*\[blame/judgement\]'
ls report.json.blamelint-* >/dev/null 2>&1 && problem "a temporary file is left"
end

begin "--output into a directory that does not exist: exit 2, nothing written"
run check --format sarif --output no/such/dir/r.sarif "a,b:c/pm.md"
want_rc 2
want_out_empty
want_err_re 'no/such/dir/r\.sarif'
end

# --- --fix and --fix-dry-run ---------------------------------------------

fixdoc='# Incident: cache outage\n\nThe engineer just restarted the primary.\nOne.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nHe simply deleted the namespace, and was careless.\n'

begin "--fix-dry-run: a unified diff that git apply takes; the file is untouched"
printf "$fixdoc" >fx.md
cp fx.md fx.orig
run check --fix-dry-run fx.md
want_rc 1
want_out_re '^--- a/fx\.md$'
want_out_re '^-The engineer just restarted the primary\.$'
want_out_re '^\+The engineer restarted the primary\.$'
want_out_re '^\+He deleted the namespace, and was careless\.$'
cmp -s fx.md fx.orig || problem "the dry run changed fx.md"
git apply --check -p1 "$OUT" 2>>"$ERR" || problem "git apply does not take the diff"
end

begin "--fix: safe fixes applied in place, the mode kept, what is left reported"
printf "$fixdoc" >fx.md
chmod 640 fx.md
run check --fix fx.md
want_rc 1
grep -q '^The engineer restarted the primary\.$' fx.md || problem "minimizer not removed"
grep -q '^He deleted the namespace, and was careless\.$' fx.md || problem "second fix not applied"
[ "$(stat -c %a fx.md)" = 640 ] || problem "mode is $(stat -c %a fx.md), not 640"
want_out_re 'blame/judgement'
grep -q 'blame/minimizer' "$OUT" && problem "a fixed finding is still reported"
grep -q '## Impact' fx.md && problem "an unsafe fix (section/missing) was applied"
ls fx.md.blamelint-* >/dev/null 2>&1 && problem "a temporary file is left"
end

begin "--fix twice: the second run changes nothing"
cp fx.md fx.once
ino=$(stat -c %i fx.md)
run check --fix fx.md
cmp -s fx.md fx.once || problem "the second --fix changed the file"
[ "$(stat -c %i fx.md)" = "$ino" ] || problem "the file was rewritten with nothing to fix"
end

begin "--fix through a symlink fixes the file it points to, and keeps the link"
printf "$fixdoc" >target.md && ln -sf target.md link.md
run check --fix link.md
[ -L link.md ] || problem "the link was replaced by a file"
grep -q '^The engineer restarted the primary\.$' target.md || problem "the target was not fixed"
end

begin "--output through a symlink, and to /dev/null"
rm -f out.json && printf '{}' >out.json && ln -sf out.json rep.json
run check --format json --output rep.json fx.md
[ -L rep.json ] || problem "the link was replaced by a file"
jq -e '.summary.files == 1' out.json >/dev/null 2>&1 || problem "out.json is not the report"
run check --format json --output /dev/null fx.md
want_rc 1
[ -c /dev/null ] || problem "/dev/null is no longer a device"
end

begin "--output through a dangling symlink creates its target and keeps the link"
rm -f dangling.json made.json && ln -s made.json dangling.json
run check --format json --output dangling.json fx.md
want_rc 1
[ -L dangling.json ] || problem "the link was replaced by a file"
jq -e '.summary.files == 1' made.json >/dev/null 2>&1 || problem "made.json is not the report"
end

# killed_while_waiting REPORT ARGS...: a check with --output REPORT and
# ARGS, whose standard input, and any hold.fifo ARGS name, is a FIFO nothing
# writes to for 30 s, is killed by SIGTERM once its temporary report
# exists: it must die of it and leave no temporary file and no report.
killed_while_waiting() {
    local report=$1 holder pid st
    shift
    rm -f "$report" "$report".blamelint-*
    mkfifo hold.fifo
    sleep 30 >hold.fifo &
    holder=$!
    "$BIN" check --format json --output "$report" "$@" <hold.fifo >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 50); do ls "$report".blamelint-* >/dev/null 2>&1 && break; sleep 0.1; done
    ls "$report".blamelint-* >/dev/null 2>&1 || problem "the temporary report was never created"
    kill -TERM $pid
    wait $pid; st=$?
    [ "$st" = 143 ] || problem "exit status $st, want 143 (killed by SIGTERM)"
    ls "$report".blamelint-* >/dev/null 2>&1 && problem "a temporary file is left"
    [ -e "$report" ] && problem "a report was written"
    kill $holder 2>/dev/null; wait $holder 2>/dev/null; rm -f hold.fifo
}

begin "--output: a check ended by SIGTERM leaves no temporary file and no report"
# Reading standard input keeps the check waiting after the report opened.
killed_while_waiting killed.json -
end

begin "github: a path found under . is written as the repository has it"
mkdir -p gh && printf '# N\n\nThe DBA was careless.\n' >gh/pm.md
W0=$W; W=$W/gh
run check --format github .
W=$W0
want_out_re '^::warning file=pm\.md,line=3,'
end

begin "--fix on standard input, or with --fix-dry-run: usage errors"
run check --fix -
want_rc 2
want_err_re 'standard input'
run check --fix --fix-dry-run fx.md
want_rc 2
end

# --- reading ahead: order and completeness --------------------------------
# A check of several files reads and parses the next ones on a worker
# thread while it lints one.  Whatever it prints, on either stream, and its
# exit status must be those of checking the same files one at a time.

mkdir -p ahead/d ahead/many
cp warn.md ahead/d/a.md
cp info.md ahead/d/b.md
cp binary.md ahead/d/c.md
cp error.md ahead/d/d.md
cp warn.md ahead/d/e.md
cp multibyte.md ahead/d/f.md
cp crlf.md ahead/d/g.md
# More files than are ever read ahead, with something wrong at both ends
# and in between.
cp binary.md ahead/many/f00.md
for i in $(seq 1 28); do
    n=$(printf '%02d' "$i")
    case $((i % 7)) in
        0) cp binary.md "ahead/many/f$n.md" ;;
        1) cp clean.md "ahead/many/f$n.md" ;;
        2) printf '# N%s\n\nThe outage was caused by human error in step %s.\n' "$i" "$i" >"ahead/many/f$n.md" ;;
        3) cp multibyte.md "ahead/many/f$n.md" ;;
        4) printf 'Line %s: the engineer just restarted it.\n' "$i" >"ahead/many/f$n.md" ;;
        5) : >"ahead/many/f$n.md" ;;
        6) cp bom-crlf.md "ahead/many/f$n.md" ;;
    esac
done
# One larger than all the files waiting may hold together (5 MB), with a
# finding on its last line.
awk 'BEGIN { for (i = 1; i <= 90000; i++) printf "Line %d of the deploy log was fine and nothing else.\n", i;
             print "The outage was caused by human error." }' >ahead/many/f29.md
cp binary.md ahead/many/f30.md
ahead_unreadable=no
if [ "${as_user[0]:-}" != none ]; then
    chmod -R a+rX "$W/ahead"
    cp warn.md ahead/d/c2.md
    cp warn.md ahead/many/f15.md
    chmod 000 ahead/d/c2.md ahead/many/f15.md
    ahead_unreadable=yes
fi
ahead_as=()
[ "${as_user[0]:-}" != none ] && ahead_as=(${as_user[@]+"${as_user[@]}"})

# ahead_run ARGS...: runs the binary in $W/ahead as the user the file
# permissions apply to, like run.
ahead_run() {
    (cd "$W/ahead" && exec ${ahead_as[@]+"${ahead_as[@]}"} "$BIN" "$@") \
        <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
    RC=$?
    sanity
}

# one_at_a_time "ARGS" FILES...: checks each FILE on its own (one file is
# never read ahead) with the options ARGS; the outputs, concatenated, go to
# $T/one.out and $T/one.err and the highest exit status to ONE_RC.
one_at_a_time() {
    local args=$1 f
    shift
    : >"$T/one.out"
    : >"$T/one.err"
    ONE_RC=0
    for f in "$@"; do
        # shellcheck disable=SC2086
        ahead_run check $args "$f"
        cat "$OUT" >>"$T/one.out"
        cat "$ERR" >>"$T/one.err"
        [ "$RC" -gt "$ONE_RC" ] && ONE_RC=$RC
    done
}

# want_same_as_one WHAT: stdout and stderr are $T/one.out and $T/one.err.
want_same_as_one() {
    cmp -s "$T/one.out" "$OUT" \
        || problem "stdout differs from $1 (- one at a time, + together): $(diff -u "$T/one.out" "$OUT" | tail -n +3 | head -n 20)"
    cmp -s "$T/one.err" "$ERR" \
        || problem "stderr differs from $1 (- one at a time, + together): $(diff -u "$T/one.err" "$ERR" | tail -n +3 | head -n 20)"
}

# ahead_files DIR: the Markdown files in $W/ahead/DIR, in the order a
# check of DIR takes them.
ahead_files() {
    (cd "$W/ahead" && LC_ALL=C printf '%s\n' "$1"/*.md)
}

begin "reading ahead: binary and unreadable files between good ones, said in their turn"
mapfile -t files < <(ahead_files d)
one_at_a_time "-q" "${files[@]}"
ahead_run check -q d
want_rc 2
[ "$ONE_RC" = 2 ] || problem "one at a time gave exit status $ONE_RC"
want_same_as_one "the files checked one at a time"
want_err_re '^blamelint: d/c\.md: binary file'
[ "$ahead_unreadable" = yes ] && want_err_re '^blamelint: d/c2\.md: Permission denied$'
want_out_re '^d/g\.md:'
end

begin "reading ahead: a directory reports as its files named one by one in that order"
for fmt in text json sarif github; do
    ahead_run check --format "$fmt" "${files[@]}"
    cp "$OUT" "$T/one.out"
    cp "$ERR" "$T/one.err"
    r=$RC
    ahead_run check --format "$fmt" d
    [ "$RC" = "$r" ] || problem "$fmt: exit status $RC, named one by one $r"
    want_same_as_one "$fmt, the files named one by one"
done
end

# Both streams into one file: stdout goes out in blocks as its buffer
# fills, stderr at once, so where a message lands among the findings shows
# when it was said.  --fix reads each file only once the one before is
# done (it may have rewritten it), and with nothing to fix it reports what
# a check does: it is the reference.
mkdir -p ahead/order
for i in $(seq 10 49); do
    printf '# N%s\n\nThe outage was caused by human error in step %s, and the DBA was careless.\n' "$i" "$i" >"ahead/order/$i.md"
done
cp binary.md ahead/order/23.md
cp binary.md ahead/order/41.md
if [ "$ahead_unreadable" = yes ]; then
    cp ahead/order/30.md ahead/order/31.md
    chmod 000 ahead/order/31.md
fi

begin "reading ahead: messages land among the findings where they did one file at a time"
for how in "--fix" ""; do
    (cd "$W/ahead" && exec ${ahead_as[@]+"${ahead_as[@]}"} "$BIN" check $how order) \
        </dev/null >"$OUT" 2>&1
    RC=$?
    cp "$OUT" "$ERR"    # for sanity, which reads stderr
    sanity
    want_rc 2
    [ -n "$how" ] && cp "$OUT" "$T/one.out"
done
cmp -s "$T/one.out" "$OUT" \
    || problem "the streams mix otherwise than in a --fix check (- --fix, + check): $(diff -u "$T/one.out" "$OUT" | tail -n +3 | head -n 20)"
[ "$(wc -c <"$OUT")" -gt 20000 ] || problem "too little output to fill stdout's buffer"
grep -q 'blamelint: order/41\.md: binary' "$OUT" || problem "order/41.md not said"
end

begin "reading ahead: many files, every one reported once, in order"
mapfile -t files < <(ahead_files many)
one_at_a_time "-q" "${files[@]}"
ahead_run check -q many
want_rc "$ONE_RC"
want_same_as_one "the files checked one at a time"
one_at_a_time "--format json --fail-on never" "${files[@]}"
jq -s '[.[].files[]]' "$T/one.out" >"$T/one.files"
ahead_run check --format json --fail-on never many
want_json
jq '.files' "$OUT" >"$T/got.files"
cmp -s "$T/one.files" "$T/got.files" \
    || problem "the JSON files differ from those checked one at a time"
cmp -s "$T/one.err" "$ERR" || problem "stderr differs from one at a time"
want_jq '.files[-1].path == "many/f29.md" and (.files | length) >= 24'
end

begin "reading ahead: standard input among files is read in its turn"
mapfile -t files < <(ahead_files d)
one_at_a_time "-q" d/a.md
cp "$T/one.out" "$T/first.out"; cp "$T/one.err" "$T/first.err"
STDIN=$W/warn.md one_at_a_time "-q --stdin-filename in.md" -
cat "$T/one.out" >>"$T/first.out"; cat "$T/one.err" >>"$T/first.err"
one_at_a_time "-q" "${files[@]}"
cat "$T/one.out" >>"$T/first.out"; cat "$T/one.err" >>"$T/first.err"
mv "$T/first.out" "$T/one.out"; mv "$T/first.err" "$T/one.err"
STDIN=$W/warn.md ahead_run check -q --stdin-filename in.md d/a.md - d
want_rc 2
want_same_as_one "the files checked one at a time"
end

begin "reading ahead: /dev/stdin after - is read after it, so it is empty"
# With "-" among the files nothing is read ahead: a worker would read
# /dev/stdin, the same pipe, while the main thread reads "-".
if [ -r /dev/stdin ]; then
    # A pipe, not a file: /dev/stdin of a file would open it afresh.
    cat "$W/warn.md" | (cd "$W/ahead" && exec "$BIN" check --format json \
        --fail-on never - d/a.md /dev/stdin) >"$OUT" 2>"$ERR"
    RC=$?
    sanity
    want_json
    want_jq '(.files | map(.path)) == ["<stdin>", "d/a.md", "/dev/stdin"]'
    want_jq '(.files[0].diagnostics | length) > 0'
    want_jq '(.files[2].diagnostics | length) == 0'
fi
end

begin "reading ahead: --fix-dry-run prints each file's diff in order"
mkdir -p ahead/fx
for i in 1 2 3 4 5 6; do printf "$fixdoc" | sed "s/cache/cache $i/" >"ahead/fx/$i.md"; done
cp binary.md ahead/fx/3.md
mapfile -t files < <(ahead_files fx)
one_at_a_time "--fix-dry-run" "${files[@]}"
ahead_run check --fix-dry-run fx
want_rc 2
want_same_as_one "the files checked one at a time"
[ "$(grep -c '^--- a/fx/' "$OUT")" = 5 ] || problem "not five diffs"
end

if command -v git >/dev/null 2>&1 && command -v mkfifo >/dev/null 2>&1; then
    begin "--changed-since: a file the diff does not touch is not even opened"
    mkdir -p chg
    (cd chg && git init -q . && cp ../warn.md old.md && cp ../warn.md new.md \
        && cp ../warn.md new2.md && git add old.md new.md new2.md \
        && git -c user.name=t -c user.email=t@t commit -q -m one) \
        || problem "git setup failed"
    printf 'The outage was caused by human error again.\n' >>chg/new.md
    printf 'The outage was caused by human error too.\n' >>chg/new2.md
    mkfifo chg/pipe.md
    W0=$W; W=$W/chg
    LIMIT=10 run check --format json --changed-since HEAD old.md pipe.md new.md new2.md old.md
    W=$W0
    want_rc 1
    want_paths '["new.md","new2.md"]'
    want_diags 0 '[["blame/human-error",4,26,4,37]]'
    want_diags 1 '[["blame/human-error",4,26,4,37]]'
    end
else
    skip "--changed-since: a file the diff does not touch is not even opened" "no git or mkfifo"
fi

# The worker reads ahead until it is blocked reading hold.fifo, and the
# main thread then waits for it.
begin "--output: SIGTERM while a worker reads ahead leaves no temporary file"
killed_while_waiting killed2.json ahead/many hold.fifo
end

if [ "$ahead_unreadable" = yes ]; then
    chmod 644 ahead/d/c2.md ahead/many/f15.md ahead/order/31.md
fi

# --- .blamelint.toml -----------------------------------------------------

mkdir -p repo/.git repo/postmortems/2025 repo/templates repo/docs/deep
cat >repo/.blamelint.toml <<'EOC'
# Which files are postmortems
postmortems = [
  "postmortems/**",   # every year
  "templates/*.md",
]

[rules]
"blame/minimizer" = "off"
"section/*" = "off"

[settings]
"whys.min" = 3

[paths."templates/**".rules]
"placeholder/*" = "off"
EOC
pmtext='# Incident: x\n\nThe engineer just restarted it. The DBA was careless. TBD\n'
printf "$pmtext" >repo/postmortems/2025/a.md
printf "$pmtext" >repo/templates/t.md
printf "$pmtext" >repo/docs/deep/notes.md
printf "$pmtext" >repo/README.md

begin "config: found from the file's directory upwards; rules, paths and postmortems globs"
run check --format json repo
want_rc 1
want_jq '[.files[].path] == ["repo/postmortems/2025/a.md", "repo/templates/t.md"]'
want_jq '[.files[].diagnostics[] | select(.rule == "blame/minimizer" or (.rule | startswith("section/")))] | length == 0'
want_jq '[.files[] | select(.path == "repo/templates/t.md") | .diagnostics[] | select(.rule | startswith("placeholder/"))] | length == 0'
want_jq '[.files[] | select(.path == "repo/postmortems/2025/a.md") | .diagnostics[] | select(.rule == "placeholder/unfilled")] | length == 1'
end

begin "config: a file named is checked even outside the postmortems globs, with the config"
run check --format json repo/docs/deep/notes.md
want_rc 1
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/minimizer")] | length == 0'
end

begin "config: --no-config and --config FILE"
run check --format json --no-config repo/templates/t.md
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/minimizer")] | length == 1'
printf '[rules]\n"blame/judgement" = "off"\n' >other.toml
run check --format json --config other.toml repo/templates/t.md
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/judgement")] | length == 0'
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/minimizer")] | length == 1'
end

begin "config: the search stops at the repository's top"
mkdir -p outer/inner/.git && cp repo/.blamelint.toml outer/
printf "$pmtext" >outer/inner/x.md
run check --format json outer/inner/x.md
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/minimizer")] | length == 1'
end

# The last case's file stays in bad.toml for "blamelint config FILE" below.
for bad in '[rules]\n"blame/judgment" = "off"\n|2|no rule or family "blame/judgment"' \
           '[rules]\n"blame/judgement" = "loud"\n|2|the level is' \
           '\n\n[settings]\n"whys.min" = 0\n|4|whys.min' \
           '[colours]\n|1|unknown table \[colours\]' \
           'postmortems = "x"\n|1|array of strings' \
           '[profiles]\nrunbok = ["runbooks/**"]\n|2|no profile "runbok"' \
           '[profiles]\npostmortem = "pm/**"\n|2|array of strings' \
           '[profiles]\npostmortem = ["a/**"]\npostmortem = ["b/**"]\n|3|given twice' \
           '[paths."x/**".profiles]\n|1|unknown table' \
           '[rules]\n"blame/*" = "info"\n"blame/*" = "off"\n|3|blame/\* is already set on line 2' \
           '[rules]\n"blame/*" = "info"\n[settings]\n[rules]\n|4|this table is already defined on line 1' \
           '[paths."a/**".rules]\n[paths."b/**".rules]\n[paths."a/**".rules]\n|3|already defined on line 1' \
           '[paths."a/**".settings]\n"whys.min" = 3\n[paths."a/**".settings]\n"whys.min" = 4\n|3|already defined on line 1' \
           'team = ["Kim"]\nallow = ["x"]\nteam = [\n  "Lee"]\n|3|team is already set on line 1' \
           '[rules]\n"blame/judgement" = "off" extra\n|2|unexpected text'; do
    body=${bad%%|*}; rest=${bad#*|}; line=${rest%%|*}; want=${rest#*|}
    begin "config error on line $line: $want"
    printf "$body" >bad.toml
    run check --config bad.toml repo/README.md
    want_rc 2
    want_out_empty
    want_err_re "bad\\.toml:$line: .*$want"
    end
done

begin "config: the same key in [rules] and in a [paths] table is no repeat"
printf '[rules]\n"blame/*" = "info"\n[paths."x/**".rules]\n"blame/*" = "off"\n[settings]\n"whys.min" = 3\n[paths."x/**".settings]\n"whys.min" = 4\n' >dup-ok.toml
run check --fail-on never --config dup-ok.toml repo/README.md
want_rc 0
want_err_empty
end

begin "config: the README's example file is valid"
mkdir -p readme-ex/.git
awk '/^```toml$/ {on = 1; next} on && /^```$/ {exit} on' "$SRC/README.md" >readme-ex/.blamelint.toml
printf '# N\n' >readme-ex/pm.md
run config readme-ex/pm.md
want_rc 0
want_out_re '^blame/minimizer +off +.*\.blamelint\.toml:18$'
want_out_re '^whys\.min +4 +.*\.blamelint\.toml:23$'
want_out_re '^spelling/unknown-word +info +.*\.blamelint\.toml:20$'
want_out_re '^spelling\.wordlist +/.*/readme-ex/\.blamelint-words\.txt +.*\.blamelint\.toml:26$'
end

begin "config: team names are people; allowed phrases are not reported"
mkdir -p team/.git
printf 'team = ["Haruto", "@kim"]\nallow = ["Human   Error"]\n' >team/.blamelint.toml
printf "# Notes\n\nHaruto didn't test the queries. The page said human error.\n" >team/a.md
run check --format json team/a.md
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/person-failure")] | length == 1'
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/human-error")] | length == 0'
run check --format json --no-config team/a.md
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/person-failure")] | length == 0'
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/human-error")] | length == 1'
end

begin "config: a glob of many ** against a deep path is matched in time"
deep=globdeep/.git/../d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15/d16/d17/d18/d19/d20/d21/d22/d23/d24/d25/d26/d27/d28/d29
mkdir -p globdeep/.git "$deep"
printf 'postmortems = ["**/**/**/**/**/**/**/*a"]\n' >globdeep/.blamelint.toml
printf '# N\n\nThe DBA was careless.\n' >"$deep/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxb.md"
LIMIT=20 run check globdeep
want_rc 0
want_out_re 'in 0 files'
end

begin "config: a [paths] table wins whatever the order; **/ is whole directories"
mkdir -p prec/.git prec/legacy prec/docs
cat >prec/.blamelint.toml <<'EOC'
postmortems = ["**/b.md"]
[paths."legacy/**".settings]
"whys.min" = 3
[settings]
"whys.min" = 4
EOC
printf '# N\n' >prec/legacy/a.md
printf '# N\n\nThe DBA was careless.\n' >prec/docs/ab.md
run config prec/legacy/a.md
want_out_re '^whys\.min +3 +.*\.blamelint\.toml:3$'
run check prec
want_rc 0
want_out_re 'in 0 files'
end

begin "config: a directory named .blamelint.toml is not a config"
mkdir -p dircfg/.git dircfg/.blamelint.toml
printf '# N\n\nThe DBA was careless.\n' >dircfg/a.md
run check dircfg/a.md
want_rc 1
want_err_empty
end

begin "config: [profiles] globs choose the profile, and a directory's check takes them in"
mkdir -p prof/.git prof/postmortems prof/docs prof/other
cat >prof/.blamelint.toml <<'EOC'
postmortems = ["postmortems/**"]

[profiles]
postmortem = ["docs/**"]
EOC
printf '# Team notes\n\nHow we work.\n' >prof/docs/notes.md
printf '# Team notes\n\nHow we work.\n' >prof/other/notes.md
printf '# Team notes\n\nHow we work.\n' >prof/postmortems/notes.md
run check --format json prof
want_rc 1
want_paths '["prof/docs/notes.md", "prof/postmortems/notes.md"]'
want_jq '[.files[0].diagnostics[].rule] | index("section/missing") != null'
want_jq '.files[1].diagnostics == []'
run config prof/docs/notes.md
want_rc 0
want_out_re '^checked +yes when found in a directory'
want_out_re '^profile +postmortem \(\[profiles\], .*prof/\.blamelint\.toml:4\)$'
run config prof/other/notes.md
want_out_re '^checked +no '
want_out_re '^profile +postmortem \(the default; '
end

begin "blamelint config FILE: each value and where it comes from"
run config repo/templates/t.md
want_rc 0
want_out_re '^config +.*repo/\.blamelint\.toml$'
want_out_re '^blame/minimizer +off +.*\.blamelint\.toml:8$'
want_out_re '^placeholder/unfilled +off +.*\.blamelint\.toml:15$'
want_out_re '^blame/judgement +warning +default$'
want_out_re '^whys\.min +3 +.*\.blamelint\.toml:12$'
run config repo/README.md
want_out_re '^checked +no '
run config --config bad.toml repo/README.md
want_rc 2
want_err_re 'bad\.toml:2:'
end

# --- profiles: the kind of document a file is -----------------------------

begin "profiles lists the kinds of document, the postmortem first"
run profiles
want_rc 0
want_line 1 'postmortem +A blameless postmortem.*'
bad=$(grep -Evc '^[a-z0-9-]+ +[A-Z].+$' "$OUT")
[ "$bad" = 0 ] || problem "$bad lines are not \"name summary\""
want_err_empty
end

usage_case "profiles with an argument" "unexpected" profiles runbook

begin "--help lists the profiles command"
run --help
want_out_re '^ +profiles '
end

begin "rules --profile postmortem: the blame and postmortem rules"
run rules --profile postmortem
want_rc 0
want_out_re '^section/missing +warning '
want_out_re '^blame/judgement +warning '
want_out_re '^placeholder/unfilled +warning '
want_out_re '^whys\.min +5 '
end

begin "rules --profile with an unknown profile: exit 2"
run rules --profile runbok
want_rc 2
want_err_re "runbok.*'blamelint profiles'"
want_out_empty
end

printf '# Team notes\n\nHow we work. The DBA was careless.\n' >notes.md

begin "check --profile postmortem: a README is checked as a postmortem"
run check --format json notes.md
want_rc 1
want_jq '[.files[0].diagnostics[].rule] == ["blame/judgement"]'
run check --format json --profile postmortem notes.md
want_rc 1
want_jq '[.files[0].diagnostics[].rule] | index("section/missing") != null'
want_jq '[.files[0].diagnostics[].rule] | index("blame/judgement") != null'
end

begin "check --profile with an unknown profile: exit 2 before any report"
run check --profile runbok notes.md
want_rc 2
want_out_empty
want_err_re "--profile runbok: no such profile"
end

begin "front matter chooses the postmortem: its structure is checked"
printf -- '---\nblamelint: postmortem\n---\n# Team notes\n\nHow we work.\n' >fm-pm.md
run check --format json fm-pm.md
want_rc 1
want_jq '[.files[0].diagnostics[].rule] | index("section/missing") != null'
end

begin "front matter naming no profile: exit 2, the file named, the others checked"
printf -- '---\nblamelint: runbok\n---\n# Steps\n\nThe DBA was careless.\n' >fm-bad.md
run check --format json fm-bad.md notes.md
want_rc 2
want_json
want_paths '["notes.md"]'
want_err_re '^blamelint: fm-bad\.md: the front matter says "blamelint: runbok", and there is no profile "runbok"'
end

begin "front matter naming no profile: --profile still decides"
run check --format json --profile postmortem fm-bad.md
want_rc 1
want_paths '["fm-bad.md"]'
want_err_empty
end

begin "front matter type: that names no profile is someone else's"
printf -- '---\ntype: post\n---\n# Team notes\n\nHow we work.\n' >fm-type.md
run check --format json fm-type.md
want_rc 0
want_jq '.files[0].diagnostics == []'
want_err_empty
end

# --- the runbook profile ------------------------------------------------

# A runbook draft: no How to confirm, bullets, a command in prose.
cat >rb.md <<'EOD'
# Orders lag

## Symptoms

The `OrdersLag` alert fires.

## Mitigation

- Restart the consumers with systemctl restart orders-consumer.

## Escalation

Page @orders-oncall.

## Where to document

The incident ticket.
EOD

begin "check --profile runbook: the runbook rules, no postmortem structure"
run check --format json --profile runbook rb.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["runbook/missing-section", "runbook/unnumbered-steps", "runbook/command-not-in-code"]'
want_jq '.files[0].diagnostics[0].fix.replacement | startswith("## How to confirm\n")'
want_jq '.files[0].diagnostics[0].message | contains("the runbook does not say")'
want_span 0 2 rb.md 'systemctl restart orders-consumer'
run check --format json rb.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("runbook/"))] == []'
end

begin "front matter chooses the runbook profile (blamelint: or type:)"
for key in blamelint type; do
    { printf -- '---\n%s: runbook\n---\n' "$key"; cat rb.md; } >rb-fm.md
    run check --format json rb-fm.md
    want_rc 1
    want_jq '[.files[0].diagnostics[].rule] | index("runbook/unnumbered-steps") != null'
    want_jq '[.files[0].diagnostics[].rule] | index("section/missing") == null'
done
end

begin "--profile wins over the front matter, which wins over the config"
mkdir -p rbrepo/.git rbrepo/runbooks
printf '[profiles]\nrunbook = ["runbooks/**"]\n' >rbrepo/.blamelint.toml
cp rb.md rbrepo/runbooks/orders.md
{ printf -- '---\nblamelint: postmortem\n---\n'; cat rb.md; } >rbrepo/runbooks/pm.md
run check --format json rbrepo/runbooks/orders.md rbrepo/runbooks/pm.md
want_jq '[.files[0].diagnostics[].rule] | index("runbook/unnumbered-steps") != null'
want_jq '[.files[1].diagnostics[].rule] | index("section/missing") != null'
want_jq '[.files[1].diagnostics[].rule | select(startswith("runbook/"))] == []'
run check --format json --profile runbook rbrepo/runbooks/pm.md
want_jq '[.files[0].diagnostics[].rule] | index("runbook/unnumbered-steps") != null'
# A directory's check takes in what [profiles] globs match, and with
# --profile every file, whatever the postmortems globs say.
printf 'postmortems = ["pm/**"]\n[profiles]\nrunbook = ["runbooks/**"]\n' >rbrepo/.blamelint.toml
mkdir -p rbrepo/other
cp rb.md rbrepo/other/x.md
run check --format json rbrepo
want_paths '["rbrepo/runbooks/orders.md", "rbrepo/runbooks/pm.md"]'
run check --format json --profile runbook rbrepo
want_paths '["rbrepo/other/x.md", "rbrepo/runbooks/orders.md", "rbrepo/runbooks/pm.md"]'
printf '[profiles]\nrunbook = ["runbooks/**"]\n' >rbrepo/.blamelint.toml
run config rbrepo/runbooks/orders.md
want_out_re '^profile +runbook \(\[profiles\], .*rbrepo/\.blamelint\.toml:2\)$'
run config rbrepo/runbooks/pm.md
want_out_re '^profile +postmortem \(its front matter\)$'
end

begin "rules --profile runbook: the runbook rules and the ones of every profile"
run rules --profile runbook
want_rc 0
want_out_re '^runbook/missing-section +warning '
want_out_re '^runbook/vague-step +warning '
want_out_re '^blame/judgement +warning '
want_out_re '^placeholder/unfilled +warning '
want_no_out_re '^section/missing '
want_no_out_re '^whys\.min '
want_out_re '^placeholder\.markers '
run rules --profile postmortem
want_no_out_re '^runbook/'
end

begin "profiles lists the runbook"
run profiles
want_out_re '^runbook +One on-call runbook entry'
end

begin "explain runbook/command-not-in-code"
run explain runbook/command-not-in-code
want_rc 0
want_line 1 'runbook/command-not-in-code \(warning by default\)'
want_out_re 'Example'
end

run new runbook
cp "$OUT" runbook-template.md
begin "new runbook: the template reports only what is left to fill in"
run check --format json runbook-template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["placeholder/unfilled"]'
want_jq '[.files[0].diagnostics[]] | length >= 10'
end

begin "new runbook filled in (corpus/template-runbook-filled.md) is clean"
cp "$SRC/corpus/template-runbook-filled.md" runbook-filled.md
run check --format json runbook-filled.md
want_rc 0
want_jq '.files[0].diagnostics == []'
end

# --- the severity profile -----------------------------------------------

cat >sev.md <<'EOD'
# Severity levels

| Level | Impact | Example | Response |
|---|---|---|---|
| SEV1 | All users down | Checkout fails | 5 minutes |
| SEV2 | Some users down | Search fails | 30 minutes |
| SEV3 | A feature slow | Exports slow | 15 minutes |
EOD

begin "check --profile severity: levels, their order, When in doubt"
run check --format json --profile severity sev.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["severity/missing-level", "severity/missing-section", "severity/response-order"]'
want_jq '.files[0].diagnostics[0].message | startswith("SEV4 is not defined")'
want_span 0 2 sev.md '15 minutes'
want_jq '.files[0].diagnostics[1].fix.replacement | contains("## When in doubt")'
run check --format json --profile severity --set severity.levels=3 sev.md
want_jq '[.files[0].diagnostics[].rule] | index("severity/missing-level") == null'
end

begin "rules --profile severity lists its rules and its setting"
run rules --profile severity
want_rc 0
want_out_re '^severity/response-order +warning '
want_out_re '^severity\.levels +4 '
want_no_out_re '^runbook/'
run rules --profile runbook
want_no_out_re '^severity\.levels '
end

run new severity
cp "$OUT" severity-template.md
begin "new severity: the template reports only what is left to fill in"
run check --format json severity-template.md
want_rc 1
# --- the lifecycle profile ----------------------------------------------

# A team's incident flow, with phases only in its Mermaid chart, two of
# the four questions answered and no gap named.
cat >lc.md <<'EOD'
# Incident flow

```mermaid
flowchart LR
  A[Alert fires] --> B{Triage}
  B --> C[Announce in #incidents] --> D[Roll back]
  D --> E[Restore service] --> F[Retrospective]
```

Alerts fire from Prometheus when the error rate is above 2%.
PagerDuty pages the primary on-call.
EOD

begin "check --profile lifecycle: the lifecycle rules, no postmortem structure"
run check --format json --profile lifecycle lc.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["lifecycle/missing-answer", "lifecycle/no-known-gaps"]'
want_jq '.files[0].diagnostics[0].message | contains("does not say when the postmortem is scheduled")'
want_jq '.files[0].diagnostics[1].fix.replacement | startswith("\n## Known gaps\n")'
want_span 0 0 lc.md 'Incident flow'
run check --format json lc.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("lifecycle/"))] == []'
end

begin "front matter chooses the lifecycle profile (blamelint: or type:)"
for key in blamelint type; do
    { printf -- '---\n%s: lifecycle\n---\n' "$key"; cat lc.md; } >lc-fm.md
    run check --format json lc-fm.md
    want_rc 1
    want_jq '[.files[0].diagnostics[].rule] | index("lifecycle/no-known-gaps") != null'
    want_jq '[.files[0].diagnostics[].rule] | index("section/missing") == null'
done
# Without the chart, every phase is missing.
{ printf -- '---\nblamelint: lifecycle\n---\n'; sed '/```/,/```/d' lc.md; } >lc-nochart.md
run check --format json lc-nochart.md
want_jq '[.files[0].diagnostics[] | select(.rule == "lifecycle/missing-phase")] | length == 5'
end

begin "[profiles] globs choose the lifecycle profile; config tells which"
mkdir -p lcrepo/.git lcrepo/process
printf '[profiles]\nlifecycle = ["process/**"]\n' >lcrepo/.blamelint.toml
cp lc.md lcrepo/process/flow.md
cp lc.md lcrepo/flow.md
run check --format json lcrepo/process/flow.md lcrepo/flow.md
want_jq '[.files[0].diagnostics[].rule] | index("lifecycle/no-known-gaps") != null'
want_jq '[.files[1].diagnostics[].rule | select(startswith("lifecycle/"))] == []'
run config lcrepo/process/flow.md
want_out_re '^profile +lifecycle \(\[profiles\], .*lcrepo/\.blamelint\.toml:2\)$'
end

begin "rules --profile lifecycle, profiles, explain"
run rules --profile lifecycle
want_rc 0
want_out_re '^lifecycle/missing-phase +warning '
want_out_re '^lifecycle/missing-answer +warning '
want_out_re '^lifecycle/no-known-gaps +warning '
want_out_re '^blame/judgement +warning '
want_no_out_re '^section/missing '
want_no_out_re '^runbook/'
run rules --profile runbook
want_no_out_re '^lifecycle/'
run profiles
want_out_re '^lifecycle +The team.s incident flow'
run explain lifecycle/missing-phase
want_rc 0
want_line 1 'lifecycle/missing-phase \(warning by default\)'
want_out_re 'Mermaid'
want_out_re 'Example'
end

begin "new lifecycle: the template reports only what is left to fill in"
run new lifecycle
want_rc 0
cp "$OUT" lifecycle-template.md
grep -q '^```mermaid$' lifecycle-template.md || problem "the template has no Mermaid flowchart"
run check --format json lifecycle-template.md
# --- the roles profile --------------------------------------------------

# A roles draft: no Communications Lead, an IC with one duty and no
# backup, a Responders backup left TBD, no handover.
cat >roles.md <<'EOD'
# Incident roles

## Incident Commander

- **Primary:** @dana
- Runs the incident.

## Responders

- **Primary:** the Platform on-call rotation
- **Backup:** TBD
- Fix the problem.
- Report progress in #incidents.
EOD

begin "front matter chooses the roles profile; its rules, no postmortem structure"
{ printf -- '---\nblamelint: roles\n---\n'; cat roles.md; } >roles-fm.md
run check --format json roles-fm.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["roles/missing-section", "roles/missing-section", "roles/few-responsibilities", "roles/no-backup", "roles/no-backup"]'
want_jq '.files[0].diagnostics[0].fix.replacement | startswith("## Communications Lead\n")'
want_jq '.files[0].diagnostics[1].message | contains("the roles document does not say what happens when the Incident Commander is unavailable")'
want_jq '[.files[0].diagnostics[] | select(.rule == "placeholder/unfilled")] == []'
want_span 0 4 roles-fm.md 'TBD'
run check --format json roles.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("roles/"))] == []'
end

begin "--profile roles and --set roles.responsibilities"
run check --format json --profile roles --set roles.responsibilities=3 roles.md
want_jq '[.files[0].diagnostics[] | select(.rule == "roles/few-responsibilities")] | length == 2'
want_jq '[.files[0].diagnostics[] | select(.rule == "roles/few-responsibilities") | .message][1] | contains("lists 2 responsibilities; write at least 3")'
end

begin "rules --profile roles, profiles, explain roles/no-backup"
run rules --profile roles
want_rc 0
want_out_re '^roles/missing-section +warning '
want_out_re '^roles/few-responsibilities +warning '
want_out_re '^roles/no-primary +warning '
want_out_re '^roles/no-backup +warning '
want_out_re '^roles\.responsibilities '
want_no_out_re '^runbook/'
want_no_out_re '^section/missing '
run profiles
want_out_re '^roles +Incident roles'
run explain roles/no-backup
want_rc 0
want_line 1 'roles/no-backup \(warning by default\)'
want_out_re 'Example'
run new --list
want_out_re '^roles$'
end

run new roles
cp "$OUT" roles-template.md
begin "new roles: the template reports only what is left to fill in"
run check --format json roles-template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["placeholder/unfilled"]'
want_jq '[.files[0].diagnostics[]] | length >= 10'
end

begin "new severity filled in (corpus/template-severity-filled.md) is clean"
cp "$SRC/corpus/template-severity-filled.md" severity-filled.md
run check --format json severity-filled.md
begin "new lifecycle filled in (corpus/template-lifecycle-filled.md) is clean"
cp "$SRC/corpus/template-lifecycle-filled.md" lifecycle-filled.md
run check --format json lifecycle-filled.md
# --- the comms profile --------------------------------------------------

# Comms templates: a status page that leaks, an internal one without ETA.
cat >comms.md <<'EOD'
---
blamelint: comms
---
# Checkout comms

## Slack announcement

SEV {{sev}}: {{impact}}. Status: {{status}}. Owner: Dana, in #inc-checkout.

## Status page

**{{Status}}:** {{what customers see}}. Severity: {{sev}}. Next update by
{{time}}. Dana is restarting db-01.internal; on Monday, Stripe confirmed.
EOD

begin "front matter chooses comms: the comms rules, no postmortem structure"
run check --format json comms.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["comms/no-cadence", "comms/missing-field", "comms/external-leak", "comms/external-leak"]'
want_jq '.files[0].diagnostics[1].message | contains("next update")'
want_jq '[.files[0].diagnostics[] | select(.rule == "comms/external-leak") | .message] | map(test("person|hostname")) | all'
want_jq '[.files[0].diagnostics[].rule] | index("section/missing") == null'
want_jq '[.files[0].diagnostics[].rule] | index("placeholder/unfilled") == null'
want_span 0 2 comms.md 'Dana'
want_span 0 3 comms.md 'db-01.internal'
run check --format json --profile postmortem comms.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("comms/"))] == []'
end

begin "comms: a missing template is inserted by the fix"
cat >comms-one.md <<'EOD'
---
type: comms
---
# Search comms

Updates every 30 minutes.

## Internal update

SEV {{sev}}, impact {{impact}}, status {{status}}, ETA {{eta}}.
EOD
run check --format json comms-one.md
want_rc 1
want_jq '[.files[0].diagnostics[].rule] == ["comms/missing-template"]'
want_jq '.files[0].diagnostics[0].fix.replacement | contains("\n## External status page update\n")'
want_jq '.files[0].diagnostics[0].message | contains("the comms document does not say")'
end

begin "rules --profile comms and profiles list the comms rules"
run rules --profile comms
want_rc 0
want_out_re '^comms/missing-template +warning '
want_out_re '^comms/missing-field +warning '
want_out_re '^comms/no-cadence +warning '
want_out_re '^comms/external-leak +warning '
want_out_re '^blame/judgement +warning '
want_no_out_re '^section/missing '
want_no_out_re '^status-update/'
run profiles
want_out_re '^comms +Incident communication templates'
end

begin "explain comms/external-leak"
run explain comms/external-leak
want_rc 0
want_line 1 'comms/external-leak \(warning by default\)'
want_out_re 'Example'
end

run new comms
cp "$OUT" comms-template.md
begin "new comms: the template reports only what is left to fill in"
run check --format json comms-template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["placeholder/unfilled"]'
want_jq '[.files[0].diagnostics[]] | length >= 2'
end

begin "new comms filled in (corpus/template-comms-filled.md) is clean"
cp "$SRC/corpus/template-comms-filled.md" comms-filled.md
run check --format json comms-filled.md
want_rc 0
want_jq '.files[0].diagnostics == []'
end

begin "every profile has a template of its name"
run profiles
for p in $(awk '{print $1}' "$OUT"); do
    run new "$p"
    [ "$RC" = 0 ] || problem "new $p: exit status $RC"
done
RC=""
# --- spelling ------------------------------------------------------------

# A repository that turns spelling on, with its word list beside the
# config; checked from another directory.
mkdir -p spell/.git spell/docs
cat >spell/.blamelint.toml <<'EOC'
team = ["Haruto"]

[rules]
"spelling/unknown-word" = "on"
EOC
printf '# the team words\nZorblax\nfrobnik\n' >spell/.blamelint-words.txt
printf '# Notes\n\nThe alert was never recieved: Zorblax, frobnik and Haruto.\nThe engineer just ran `kubctl` on confg.yaml.\n' >spell/docs/pm.md

begin "spelling: off by default"
run check --format json --no-config spell/docs/pm.md
want_jq '[.files[0].diagnostics[] | select(.rule == "spelling/unknown-word")] | length == 0'
run rules
want_out_re '^spelling/unknown-word +info +\(off by default\) '
want_out_re '^spelling\.wordlist +\.blamelint-words\.txt '
run explain spelling/unknown-word
want_rc 0
want_line 1 'spelling/unknown-word \(info, off by default\)'
end

begin "spelling: on in .blamelint.toml, the word list beside it, team names known"
run check --format json spell/docs/pm.md
want_rc 0       # info does not fail --fail-on warning
want_diags 0 '[["spelling/unknown-word",3,21,3,29],["blame/minimizer",4,14,4,19]]'
want_jq '.files[0].diagnostics[0].message == "Unknown word '"'"'recieved'"'"'; did you mean '"'"'received'"'"'?"'
want_jq '.files[0].diagnostics[0].fix.replacement == "received"'
want_span 0 0 spell/docs/pm.md recieved
run config spell/docs/pm.md
want_out_re '^spelling/unknown-word +info +.*spell/\.blamelint\.toml:4$'
want_out_re '^spelling\.wordlist +/.*/spell/\.blamelint-words\.txt +default$'
end

begin "spelling: --rule and --set on the command line, a word list relative to the working directory"
printf 'recieved\n' >cwd-words.txt
run check --format json --no-config --rule spelling/unknown-word=warning --set spelling.wordlist=cwd-words.txt spell/docs/pm.md
want_rc 1
# recieved is in the word list; Zorblax and Haruto, inside a sentence, are names.
want_jq '[.files[0].diagnostics[] | select(.rule == "spelling/unknown-word") | .severity] == ["warning"]'
want_jq '[.files[0].diagnostics[] | select(.rule == "spelling/unknown-word")][0].message | startswith("Unknown word '"'"'frobnik'"'"'")'
run check --no-config --set spelling.language=../en_US spell/docs/pm.md
want_rc 2
want_err_re 'spelling\.language takes a name'
end

begin "spelling: spelling.wordlist in the config is relative to its directory"
mkdir -p spell2/.git spell2/team
printf '[rules]\n"spelling/*" = "on"\n[settings]\n"spelling.wordlist" = "team/words.txt"\n' >spell2/.blamelint.toml
printf 'Zorblax\n' >spell2/team/words.txt
printf '# Notes\n\nZorblax fixed it. Quuxle broke.\n' >spell2/pm.md
run check --format json spell2/pm.md
want_diags 0 '[["spelling/unknown-word",3,19,3,25]]'
run config spell2/pm.md
want_out_re '^spelling\.wordlist +/.*/spell2/team/words\.txt +.*\.blamelint\.toml:4$'
end

begin "spelling: --fix never applies a guessed spelling"
cp spell/docs/pm.md spell/docs/fixme.md
run check --fix-dry-run spell/docs/fixme.md
want_no_out_re 'received'
want_out_re '^\+The engineer ran'
run check --fix --format json spell/docs/fixme.md
want_jq '[.files[0].diagnostics[] | select(.rule == "spelling/unknown-word")] | length == 1'
grep -q recieved spell/docs/fixme.md || problem "--fix changed the misspelt word"
end

begin "spelling: a missing dictionary is exit 2, said once, naming it and where; other findings stay"
mkdir -p nodict
cp spell/docs/pm.md spell/docs/pm2.md
DICPATH=$W/nodict run check --format json spell/docs/pm.md spell/docs/pm2.md
want_rc 2
want_err_re 'spelling/unknown-word: no Hunspell dictionary "en_US" \(en_US\.aff and en_US\.dic\) in DICPATH \(.*/nodict\)'
[ "$(grep -c 'no Hunspell dictionary' "$ERR")" = 1 ] || problem "the error is not said once"
want_jq '[.files[].diagnostics[] | select(.rule == "blame/minimizer")] | length == 2'
run check --no-config --rule spelling/unknown-word=on --set spelling.language=xx_XX spell/docs/pm.md
want_rc 2
want_err_re 'no Hunspell dictionary "xx_XX" .* in /usr/share/hunspell'
end

begin "spelling: with it off, a missing dictionary is never looked for"
DICPATH=$W/nodict run check --no-config --format json spell/docs/pm.md
want_rc 0
want_err_empty
want_jq '[.files[0].diagnostics[] | select(.rule == "blame/minimizer")] | length == 1'
end

begin "spelling: a directory where the word list should be is exit 2"
mkdir -p spell3/.git spell3/.blamelint-words.txt
printf '[rules]\n"spelling/unknown-word" = "on"\n' >spell3/.blamelint.toml
printf '# Notes\n\nQuuxle.\n' >spell3/pm.md
run check spell3/pm.md
want_rc 2
want_err_re 'word list .*spell3/\.blamelint-words\.txt is not a file'
# --- the status-update profile ------------------------------------------

# A status update posted in a hurry: a slot left, a host, no next update.
cat >su.md <<'EOD'
---
blamelint: status-update
---
**Investigating** - Checkout errors for {{region}} customers. Priya is
investigating the load balancer lb-03.
EOD

begin "front matter chooses status-update: slots are errors, leaks reported"
run check --format json su.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["status-update/no-next-update", "status-update/unfilled", "status-update/leak", "status-update/leak"]'
want_jq '[.files[0].diagnostics[] | select(.rule == "status-update/unfilled") | .severity] == ["error"]'
want_jq '[.files[0].diagnostics[].rule] | index("placeholder/unfilled") == null'
want_span 0 1 su.md '{{region}}'
want_span 0 2 su.md 'Priya'
want_span 0 3 su.md 'lb-03'
run check --format json --profile postmortem su.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("status-update/"))] == []'
end

begin "status-update: a Resolved update needs no next update; status words"
printf -- '---\ntype: status-update\n---\nResolved: checkout works again since 14:40 UTC. A review follows.\n' >su-done.md
run check --format json su-done.md
want_rc 0
want_jq '.files[0].diagnostics == []'
printf -- '---\ntype: status-update\n---\nSome customers cannot log in. We will post more as we learn it.\n' >su-bare.md
run check --format json su-bare.md
want_rc 1
want_jq '[.files[0].diagnostics[].rule] == ["status-update/no-next-update", "status-update/no-status"]'
end

begin "rules --profile status-update, profiles, explain"
run rules --profile status-update
want_rc 0
want_out_re '^status-update/unfilled +error '
want_out_re '^status-update/no-status +warning '
want_out_re '^status-update/no-next-update +warning '
want_out_re '^status-update/leak +warning '
want_no_out_re '^comms/'
run profiles
want_out_re '^status-update +One filled-in status update'
run explain status-update/unfilled
want_rc 0
want_line 1 'status-update/unfilled \(error by default\)'
want_out_re 'Example'
end

run new status-update
cp "$OUT" su-template.md
begin "new status-update: the template reports only what is left to fill in"
run check --format json su-template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["status-update/unfilled"]'
want_jq '[.files[0].diagnostics[]] | length >= 4'
end

begin "new status-update filled in (corpus/template-status-update-filled.md) is clean"
cp "$SRC/corpus/template-status-update-filled.md" su-filled.md
run check --format json su-filled.md
begin "new roles filled in (corpus/template-roles-filled.md) is clean"
cp "$SRC/corpus/template-roles-filled.md" roles-filled.md
run check --format json roles-filled.md
want_rc 0
want_jq '.files[0].diagnostics == []'
end

# --- the review profile -------------------------------------------------

# A review agenda draft: no facilitator, an untimed item, over time, no
# response question, nothing on tracking, ground rules without blame.
cat >review.md <<'EOD'
# Review: EU login outage

**Duration:** 45 minutes

## Ground rules

- Phones away.

## Agenda

1. Timeline (20 min)
2. Root cause (30 min)
3. Action items
EOD

begin "front matter chooses the review profile; its rules, no postmortem structure"
{ printf -- '---\ntype: review\n---\n'; cat review.md; } >review-fm.md
run check --format json review-fm.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] == ["review/no-facilitator", "review/untracked-actions", "review/ground-rules-not-blameless", "review/no-response-question", "review/over-time", "review/untimed-item"]'
want_jq '.files[0].diagnostics[4].message | contains("add up to 50 minutes, more than the meeting'"'"'s 45")'
want_span 0 5 review-fm.md 'Action items'
run check --format json review.md
want_jq '[.files[0].diagnostics[].rule | select(startswith("review/"))] == []'
run check --format json --profile review review.md
want_jq '[.files[0].diagnostics[].rule] | index("review/untimed-item") != null'
end

begin "rules --profile review, profiles, explain review/over-time, new --list"
run rules --profile review
want_rc 0
want_out_re '^review/missing-section +warning '
want_out_re '^review/untimed-item +warning '
want_out_re '^review/over-time +warning '
want_out_re '^review/no-facilitator +warning '
want_out_re '^review/untracked-actions +warning '
want_out_re '^review/no-response-question +warning '
want_out_re '^review/ground-rules-not-blameless +warning '
want_no_out_re '^roles/'
want_no_out_re '^section/missing '
run profiles
want_out_re '^review +A post-incident review meeting agenda'
run explain review/over-time
want_rc 0
want_line 1 'review/over-time \(warning by default\)'
want_out_re 'Example'
run new --list
want_out_re '^review$'
end

run new review
cp "$OUT" review-template.md
begin "new review: the template reports only what is left to fill in"
run check --format json review-template.md
want_rc 1
want_json
want_jq '[.files[0].diagnostics[].rule] | unique == ["placeholder/unfilled"]'
want_jq '[.files[0].diagnostics[]] | length >= 5'
end

begin "new review filled in (corpus/template-review-filled.md) is clean"
cp "$SRC/corpus/template-review-filled.md" review-filled.md
run check --format json review-filled.md
want_rc 0
want_jq '.files[0].diagnostics == []'
end

# --- the rule reference that editors link to ----------------------------

begin "the README has an anchor rule-FAMILY-NAME for every rule"
run rules
want_rc 0
for id in $(sed '/^$/,$d' "$OUT" | awk '{print $1}'); do
    grep -q "<a id=\"rule-${id//\//-}\"></a>" "$SRC/README.md" \
        || problem "README.md: no anchor for $id (the language server links to it)"
done
end

begin "make install puts the README where the language server looks for it"
if make --no-print-directory -s -C "$SRC" install DESTDIR="$T/root" PREFIX=/usr \
        >"$OUT" 2>"$ERR"; then
    [ -x "$T/root/usr/bin/blamelint" ] || problem "no usr/bin/blamelint"
    cmp -s "$SRC/README.md" "$T/root/usr/share/doc/blamelint/README.md" \
        || problem "usr/share/doc/blamelint/README.md is not the README"
    make --no-print-directory -s -C "$SRC" uninstall DESTDIR="$T/root" \
        PREFIX=/usr >>"$OUT" 2>>"$ERR" || problem "make uninstall failed"
    [ -e "$T/root/usr/share/doc/blamelint" ] \
        && problem "make uninstall left usr/share/doc/blamelint"
    [ -e "$T/root/usr/bin/blamelint" ] && problem "make uninstall left the binary"
else
    problem "make install failed"
fi
end

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
