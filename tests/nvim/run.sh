#!/bin/sh
# tests/nvim/run.sh BINARY: Neovim (0.7 or later) as a real client of
# `BINARY lsp`, through the plugin in editors/nvim.  Headless, with no user
# configuration and private XDG directories; a hard timeout kills nvim and
# the server with it if anything hangs.
set -u
[ $# -eq 1 ] || { echo "usage: tests/nvim/run.sh BINARY" >&2; exit 2; }
command -v nvim >/dev/null 2>&1 || { echo "tests/nvim/run.sh: nvim is needed (make deps installs it)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $1 in /*) bin=$1 ;; *) bin=$PWD/$1 ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/blamelint-nvim.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cp "$here/sample.md" "$tmp/sample.md"
# A repository that turns spelling on, for "Add 'word' to the word list".
mkdir -p "$tmp/spell/.git"
printf '[rules]\n"spelling/unknown-word" = "on"\n' >"$tmp/spell/.blamelint.toml"
printf '# Notes\n\nThe page went out. Zorblax saw it at night.\n' >"$tmp/spell/notes.md"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
       XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
export BLAMELINT_BIN="$bin" BLAMELINT_PLUGIN="$root/editors/nvim" \
       BLAMELINT_FILE="$tmp/sample.md" BLAMELINT_SPELL_FILE="$tmp/spell/notes.md"
timeout -k 5 60 nvim --headless --clean -n \
    -c "luafile $here/check.lua" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
if [ $rc -ne 0 ] || grep -q '^not ok' "$tmp/out" || ! grep -q '^ok' "$tmp/out"; then
    echo "nvim: FAILED (exit status $rc)"
    sed 's/^/#   /' "$tmp/err" | head -40
    exit 1
fi
echo "nvim: $(grep -c '^ok' "$tmp/out") passed, 0 failed"
