#!/usr/bin/env bash
# README's first command: install what is missing, then run the main job on the shipped samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node dist/src/cli/main.js demo "$@"
