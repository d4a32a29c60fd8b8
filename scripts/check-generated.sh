#!/usr/bin/env bash
# Regenerates schema.graphql and examples.graphql (from the server's code) and the client's typed operations
# (from schema.graphql), then fails if either differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent schema
npm run --silent codegen
if ! git diff --exit-code -- schema.graphql examples.graphql client/src/app/graphql/generated.ts; then
  echo "Generated files are stale: run 'npm run schema && npm run codegen' and commit the result." >&2
  exit 1
fi
echo "schema.graphql, examples.graphql and client/src/app/graphql/generated.ts are up to date."
