#!/usr/bin/env bash
# Builds the web UI with the machine's npm. Skips work when nothing changed since the last build.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.huinong-ci-stamp
lock_sum=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi
src_sum=$( (find src public index.html vite.config.ts tsconfig*.json package.json -type f 2>/dev/null | sort | xargs sha1sum) | sha1sum | cut -d' ' -f1)
if [ -f dist/.src-sum ] && [ "$(cat dist/.src-sum)" = "$src_sum" ]; then
  echo "web-ui: dist is up to date"
  exit 0
fi
npm run build
echo "$src_sum" > dist/.src-sum
