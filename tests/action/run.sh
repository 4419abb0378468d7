#!/bin/sh
# tests/action/run.sh BINARY: the commands the GitHub Action runs
# (tools/action-run.sh), against scratch git repositories shaped like a
# pull request: a base branch with an old, blameful postmortem and a
# branch that adds one blameful line to it and a new postmortem.
set -u
[ $# -eq 1 ] || { echo "usage: tests/action/run.sh BINARY" >&2; exit 2; }
case $1 in /*) BIN=$1 ;; *) BIN=$PWD/$1 ;; esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
RUN=$SRC/tools/action-run.sh
W=$(mktemp -d "${TMPDIR:-/tmp}/blamelint-action.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
export HOME="$W/home"
mkdir -p "$HOME"
passed=0 failed=0

check() {   # NAME WANT_RC: runs the action's script in the clone, with the env given
    name=$1 want=$2
    shift 2
    (cd "$W/clone" && env BLAMELINT="$BIN" "$@" "$RUN") >"$W/out" 2>&1
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        passed=$((passed + 1)); echo "ok - $name"
    else
        failed=$((failed + 1)); echo "not ok - $name"
        echo "#   exit status $rc, wanted $want"; sed 's/^/#   /' "$W/out" | head -20
    fi
}
want_out() {    # NAME ERE [absent]
    if grep -Eq "$2" "$W/out"; then found=1; else found=0; fi
    if [ "${3:-}" = absent ]; then found=$((1 - found)); fi
    if [ "$found" -eq 1 ]; then passed=$((passed + 1)); echo "ok - $1"
    else failed=$((failed + 1)); echo "not ok - $1"; echo "#   ${3:-} $2"; sed 's/^/#   /' "$W/out" | head -20; fi
}

# The "GitHub" side: a bare repository with main, and the PR branch.
git init -q --bare -b main "$W/origin.git" || exit 2
git clone -q "$W/origin.git" "$W/work" 2>/dev/null || exit 2
cd "$W/work" || exit 2
git config user.email t@example.invalid && git config user.name t
mkdir -p postmortems
printf '# Incident: cache outage\n\nThe DBA was careless.\n' >postmortems/old.md
git add -A && git commit -qm base && git push -q origin main || exit 2
git checkout -q -b pr
printf 'The operator was sloppy.\n' >>postmortems/old.md
printf '# Incident: queue outage\n\nBob forgot to renew it.\n' >postmortems/new.md
git add -A && git commit -qm pr && git push -q origin pr || exit 2
# The runner's checkout: the PR branch, one commit deep, no main.
git clone -q --depth 1 --branch pr "file://$W/origin.git" "$W/clone" 2>/dev/null || exit 2

check "a pull request: only its new lines are reported, and the step fails" 1 \
    GITHUB_BASE_REF=main PATHS=postmortems
want_out "the new line of the old postmortem is annotated" \
    '^::warning file=postmortems/old\.md,line=4,.*title=blame/judgement::'
want_out "the new postmortem is annotated" \
    '^::warning file=postmortems/new\.md,line=3,.*title=blame/person-failure::'
want_out "the base branch's old line is not" 'old\.md,line=3,' absent

check "--fail-on never: annotations, and the step passes" 0 \
    GITHUB_BASE_REF=main PATHS=postmortems FAIL_ON=never
want_out "still annotated" '^::warning file=postmortems/new\.md'

check "a SARIF report beside the annotations" 1 \
    GITHUB_BASE_REF=main PATHS=postmortems SARIF="$W/r.sarif"
if jq -e '[.runs[0].results[] | [.locations[0].physicalLocation.artifactLocation.uri, .locations[0].physicalLocation.region.startLine]] as $at
          | ($at | index([["postmortems/old.md", 4]])) != null and ($at | index([["postmortems/old.md", 3]])) == null
            and any($at[]; .[0] == "postmortems/new.md")' "$W/r.sarif" >/dev/null 2>&1; then
    passed=$((passed + 1)); echo "ok - the SARIF report holds the new findings, not the old"
else
    failed=$((failed + 1)); echo "not ok - the SARIF report holds the new findings, not the old"
    jq -c '[.runs[0].results[] | [.ruleId, .locations[0].physicalLocation.artifactLocation.uri, .locations[0].physicalLocation.region.startLine]]' "$W/r.sarif" 2>&1 | sed 's/^/#   /'
fi

check "not a pull request: every line" 1 PATHS=postmortems
want_out "the old line too" 'old\.md,line=3,'

check "an explicit revision that does not exist: exit 2, said" 2 \
    CHANGED_SINCE=no-such-rev PATHS=postmortems
want_out "git's reason is shown" 'no-such-rev'

grep -q 'tools/action-run.sh' "$SRC/action.yml" && grep -q 'deps-build' "$SRC/action.yml" \
    && { passed=$((passed + 1)); echo "ok - action.yml builds with deps-build and runs tools/action-run.sh"; } \
    || { failed=$((failed + 1)); echo "not ok - action.yml builds with deps-build and runs tools/action-run.sh"; }

echo "action: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
