#!/bin/sh
# tools/action-run.sh: what the GitHub Action (action.yml) runs once
# blamelint is built.  Reads the action's inputs from the environment:
#
#   BLAMELINT       the binary (default: blamelint on PATH)
#   PATHS           files and directories to check, space-separated (.)
#   CHANGED_SINCE   a git revision: only lines added or changed since it
#                   are reported.  Empty on a pull request: the merge base
#                   with the base branch ($GITHUB_BASE_REF), fetched with
#                   the history a shallow checkout lacks.  Empty elsewhere:
#                   every line.
#   FAIL_ON         error, warning (default), info or never
#   SARIF           a file to write a SARIF report to, or empty
#
# Prints GitHub workflow commands (annotations on the diff) and exits as
# blamelint does: 0 clean, 1 findings at or above FAIL_ON, 2 trouble.
set -u
BIN=${BLAMELINT:-blamelint}
PATHS=${PATHS:-.}
FAIL_ON=${FAIL_ON:-warning}
rev=${CHANGED_SINCE:-}

if [ -z "$rev" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    # actions/checkout fetches one commit: the merge base needs history.
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
        git fetch -q --no-tags --unshallow origin \
            || { echo "::error::blamelint: cannot fetch the history of this branch"; exit 2; }
    fi
    git rev-parse --verify -q "origin/$GITHUB_BASE_REF" >/dev/null \
        || git fetch -q --no-tags origin "$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" \
        || { echo "::error::blamelint: cannot fetch the base branch $GITHUB_BASE_REF"; exit 2; }
    rev=$(git merge-base HEAD "origin/$GITHUB_BASE_REF") \
        || { echo "::error::blamelint: no common history with $GITHUB_BASE_REF"; exit 2; }
fi

set --
[ -n "$rev" ] && set -- --changed-since "$rev"
# PATHS is split on spaces on purpose: it is a list.
# shellcheck disable=SC2086
if [ -n "${SARIF:-}" ]; then
    "$BIN" check --format sarif --output "$SARIF" --fail-on never "$@" $PATHS >/dev/null \
        || { echo "::error::blamelint: the SARIF report could not be made (a path that cannot be read, or a file that cannot be written: see above)"; exit 2; }
fi
# shellcheck disable=SC2086
"$BIN" check --format github --fail-on "$FAIL_ON" "$@" $PATHS
