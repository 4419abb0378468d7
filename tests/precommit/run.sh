#!/bin/sh
# tests/precommit/run.sh BINARY: the repository's .pre-commit-hooks.yaml,
# run by Debian's pre-commit (3.0.4, offline) the way a team uses it.
#
# A scratch hook repository holds a copy of .pre-commit-hooks.yaml (what
# pre-commit clones from a `repo:` URL); a scratch project refers to it by
# path and commit, with BINARY as the blamelint on PATH.  A commit adding a
# blameful postmortem must be blocked, with the finding readable in the
# output; a clean one must pass.  Nothing is downloaded: PRE_COMMIT_HOME is
# a scratch folder and the hook language is `system`.
set -u
[ $# -eq 1 ] || { echo "usage: tests/precommit/run.sh BINARY" >&2; exit 2; }
case $1 in /*) BIN=$1 ;; *) BIN=$PWD/$1 ;; esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
command -v pre-commit >/dev/null 2>&1 \
    || { echo "tests/precommit/run.sh: pre-commit is needed (make deps installs it)" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/blamelint-precommit.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
export PRE_COMMIT_HOME="$W/pc-home" HOME="$W/home"
mkdir -p "$W/bin" "$W/home" "$W/hooks" "$W/project"
ln -s "$BIN" "$W/bin/blamelint"
PATH="$W/bin:$PATH"
export PATH
passed=0 failed=0

check() {   # NAME WANT_RC COMMAND...: runs it in the project, output in $W/out
    name=$1 want=$2
    shift 2
    (cd "$W/project" && "$@") >"$W/out" 2>&1
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        passed=$((passed + 1)); echo "ok - $name"
        return 0
    fi
    failed=$((failed + 1)); echo "not ok - $name"
    echo "#   exit status $rc, wanted $want"; sed 's/^/#   /' "$W/out" | head -30
    return 1
}

want_out() {  # NAME REGEX: the last output matches
    if grep -Eq "$2" "$W/out"; then
        passed=$((passed + 1)); echo "ok - $1"
    else
        failed=$((failed + 1)); echo "not ok - $1"
        echo "#   no line matches $2"; sed 's/^/#   /' "$W/out" | head -30
    fi
}

git_init() {
    git -C "$1" init -q -b main . && git -C "$1" config user.email t@example.invalid \
        && git -C "$1" config user.name t && git -C "$1" config commit.gpgsign false
}

# The hook repository: what `repo:` points at.
git_init "$W/hooks" || exit 2
cp "$SRC/.pre-commit-hooks.yaml" "$W/hooks/" && git -C "$W/hooks" add -A \
    && git -C "$W/hooks" commit -qm hooks || exit 2
rev=$(git -C "$W/hooks" rev-parse HEAD)

git_init "$W/project" || exit 2
cat >"$W/project/.pre-commit-config.yaml" <<EOC
repos:
  - repo: $W/hooks
    rev: $rev
    hooks:
      - id: blamelint
        files: ^postmortems/
EOC
mkdir -p "$W/project/postmortems"
printf '# Project\n\nBob forgot to update this README.\n' >"$W/project/README.md"
git -C "$W/project" add -A && git -C "$W/project" commit -qm "config, README" || exit 2
check "pre-commit install" 0 pre-commit install

cat >"$W/project/postmortems/2025-03-04-checkout.md" <<'EOC'
# Incident 2025-03-04: checkout outage

## Summary

Checkout failed for 40 minutes after a certificate expired.

## Impact

About 1,200 orders failed between 14:02 and 14:42 UTC.

## Timeline (UTC)

- 14:02 Checkout starts returning 502s.
- 14:42 A renewed certificate is deployed.

## Root cause

Bob forgot to renew the certificate.

## Action items

- Alert 30 days before any certificate expires (owner: @dana, due 2025-04-01)

## Lessons learned

- Nothing watched the expiry date.
EOC
git -C "$W/project" add -A
check "a commit adding a blameful postmortem is blocked" 1 git commit -qm "postmortem"
want_out "the finding is in the output, with file and line" \
    'postmortems/2025-03-04-checkout\.md:18:1: (error|warning): .*\[blame/'
want_out "pre-commit names the hook that failed" 'blamelint \(blameless postmortems\).*Failed'

sed -i 's/^Bob forgot to renew the certificate\./The certificate was renewed by hand, and nothing tracked its expiry date./' \
    "$W/project/postmortems/2025-03-04-checkout.md"
git -C "$W/project" add -A
check "the same commit, rewritten blamelessly, passes" 0 git commit -qm "postmortem"
want_out "the hook ran and passed" 'blamelint \(blameless postmortems\).*Passed'

# Files outside `files:` are not checked: the README's "Bob forgot" stays.
printf '\nAlice forgot too.\n' >>"$W/project/README.md"
git -C "$W/project" add -A
check "a README outside files: is not checked" 0 git commit -qm "readme"

echo "precommit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
