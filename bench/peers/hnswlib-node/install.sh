#!/usr/bin/env bash
# Installs the hnswlib-node peer (pinned by package-lock.json). hnswlib-node 3.0.0 ships no prebuilt binary: its
# install script runs node-gyp, which needs the Node headers. Offline, they come from the distribution: the
# nodesource `nodejs` package installs them in /usr/include/node (Debian: `apt-get install -y libnode-dev node-gyp
# build-essential python3`), and node-gyp is pointed at them with --nodedir=/usr instead of downloading them.
set -euo pipefail
cd "$(dirname "$0")"
[[ -f /usr/include/node/node_api.h ]] || { echo "Node headers missing: install libnode-dev (or the nodesource nodejs package)" >&2; exit 1; }
npm_config_nodedir=/usr npm ci --no-audit --no-fund --loglevel=error
node -e "require('hnswlib-node'); console.log('hnswlib-node', require('hnswlib-node/package.json').version, 'built')"
