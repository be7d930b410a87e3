#!/usr/bin/env bash
# The install sequence pre-commit runs for a `language: node` hook repository, on a fresh clone:
# npm install (dev and prod), npm pack, global install of the pack into an empty prefix; then the
# installed command must work. Used by .ci/run (it needs the npm registry, or its cache).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
npm install --include=dev --include=prod --ignore-prepublish --no-progress --no-save --prefer-offline --no-audit --no-fund >/dev/null
pkg="$(npm pack --silent | tail -n 1)"
NPM_CONFIG_PREFIX="$work/env" npm install -g --no-audit --no-fund "$work/clone/$pkg" >/dev/null
version="$("$work/env/bin/kubelint" --version)"
echo "pre-commit install sequence: kubelint $version installed from $pkg"
test "$version" = "$(node -p "require('$repo/package.json').version")"
