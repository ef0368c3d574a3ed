#!/usr/bin/env bash
# Runs the LangChain.js peer of the engine-overhead benchmark (pinned by package-lock.json, scripts ignored).
set -euo pipefail
cd "$(dirname "$0")/langchain"
[[ -d node_modules/@langchain/core ]] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node chain-overhead.mjs
