#!/usr/bin/env bash
# npm run pack:check — lint the package exactly as it would be published:
# pack once (prepare runs `npm run build`), then run arethetypeswrong (every
# resolution mode: node10, node16 from CJS and from ESM, bundler) and publint
# (warnings count as errors) over that same tarball. Exit non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

npm pack --pack-destination "$tmp" --silent >/dev/null
tarball=$(ls "$tmp"/*.tgz)

npx --no-install attw "$tarball" --profile strict --format table-flipped
npx --no-install publint run "$tarball" --strict
