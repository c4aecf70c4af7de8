#!/usr/bin/env bash
# The database example end to end: start a throw-away server, load the sample 焦作 pool into a table, announce, draw
# and verify from the database, compare with the in-memory draw, stop the server.
#   bash examples/database/run.sh [postgres|mariadb] [--lang en]
set -euo pipefail
cd "$(dirname "$0")/../.."
engine="${1:-postgres}"; shift || true
mapfile -t started < <(bash examples/database/start-db.sh "$engine")
trap 'eval "${started[1]}"' EXIT
npx tsx examples/database/draw-from-database.ts "${started[0]}" "$@"
