#!/usr/bin/env bash
# Runs scenario 01 (ticket triage + grounded reply) on embedded defaults: no model, no server, no set-up.
# Extra arguments go to `hybridai run ticket-triage`, e.g. --input tickets.jsonl --out results.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
# Retrieval is hybrid (BM25 + embeddings): the GloVe word vectors when eng/fetch-deps.sh has fetched them, else the
# hashed n-gram embedder, with a one-line notice. --retrieval keyword|vector|hybrid chooses; --compare-retrieval measures all three.
# The scenario needs no native runtime, so the first run does not wait for the npm fetch of ONNX Runtime/llama.cpp.
dotnet build src/Cli -c Release -nologo -v quiet -p:HybridAISkipNativeFetch=true
exec dotnet src/Cli/bin/Release/net10.0/hybridai.dll run ticket-triage --out "${HYBRIDAI_RESULTS:-.hybridai/ticket-triage/results.jsonl}" "$@"
