using BenchmarkDotNet.Running;
using HybridAI.Benchmarks;

// dotnet run -c Release --project bench -- engine [--job short] [--filter PATTERN]  (BenchmarkDotNet: engine overhead per run)
// dotnet run -c Release --project bench -- audit-sink  (sustained events/s of the SQLite, JSONL and PostgreSQL audit logs, batched)
// dotnet run -c Release --project bench -- scenario    (scenario 01 over its whole data set)
// dotnet run -c Release --project bench -- classifiers (scoring throughput of text LR and GBDT, LR training on 100k texts)
// dotnet run -c Release --project bench -- tabular     (the classifiers mode's GBDT and LR scoring figures alone)
// dotnet run -c Release --project bench -- embeddings (embeddings/s of the hashed n-gram and SIF word-vector embedders)
// dotnet run -c Release --project bench -- batching    (items/s of a batch run over an ONNX classifier, with and without step batching)
// dotnet run -c Release --project bench -- gbdt [--job short]  (BenchmarkDotNet: GBDT scoring per row, scoring layout vs reference walk)
// dotnet run -c Release --project bench -- onnx [--job short]  (BenchmarkDotNet: OnnxSession.Run per call; peer: bench/peers/onnxruntime-node/call-overhead.mjs)
// dotnet run -c Release --project bench -- tokens      (tiktoken tokens/s, cl100k/o200k, against js-tiktoken on the same texts)
// dotnet run -c Release --project bench -- onnx-decoder (OnnxDecoderChatClient per-token overhead on the tests' tiny decoder, with and without the KV cache)
// dotnet run -c Release --project bench -- vector-exact [--vectors 1000000]  (exact top-10 over 1M x 100-d vectors vs memory bandwidth)
// dotnet run -c Release --project bench -- hnsw [--vectors 100000] [--queries 2000] [--no-peer]  (HNSW on GloVe: build, recall@10 vs q/s; peer: bench/peers/hnswlib-node)
// dotnet run -c Release --project bench -- ingest [--documents 20000]  (chunks/s into SqliteDocumentIndex per embedder)
// dotnet run -c Release --project bench -- masking [--mb 8] [--chunk 16]  (MB/s per anonymization operator, detection alone, streaming cost per chunk)
// dotnet run -c Release --project bench -- pii-names   (MB/s of the PII detector on scenario 01's EN/FR tickets, before/after the names tagger)
// dotnet run -c Release --project bench -- tool-loop   (ToolCallingChatClient overhead per tool call, model time excluded)
// dotnet run -c Release --project bench -- rag         (RAG prompting: passages/s packed to a token budget and compressed, answer sentences/s checked for groundedness)
// dotnet run -c Release --project bench -- mcp         (MCP tool calls/s and round trip over stdio to the tests' MCP server, vs in process)
// dotnet run -c Release --project bench -- cache       (response cache: p50/p95 of exact and semantic hits and of misses at 2,000 and 20,000 entries, SQLite scan vs in-memory index, one caller)
// dotnet run -c Release --project bench -- drafts      (no-model GroundedDraftWriter drafts/s: replies, summaries, reports over 5 KB paragraphs, allocations per draft)
// dotnet run -c Release --project bench -- pii         (PII detection on data/pii-eval: per-type P/R/F2 and MB/s of the default detector; peer: bench/peers/redact-pii)
// dotnet run -c Release --project bench -- review [--runs 2000]  (human-in-the-loop round trips/s: suspend + decide + resume through ReviewQueue on SQLite and PostgreSQL, vs the plain checkpoint store)
// dotnet run -c Release --project bench -- llama [THREADS]  (llama.cpp binding: prompt/generation tok/s, first token; peer: bench/peers/node-llama-cpp)
var mode = args.Length > 0 ? args[0] : "engine";
switch (mode)
{
    case "engine":
        BenchmarkSwitcher.FromTypes([typeof(EngineOverheadBenchmarks), typeof(EngineOverheadWhileSinkKeepsUpBenchmarks)])
            .Run(args.Length > 1 ? args[1..] : ["--filter", "*"]);
        return 0;
    case "gbdt":
        BenchmarkSwitcher.FromTypes([typeof(GbdtScoringBenchmarks)])
            .Run(args.Contains("--filter") ? args[1..] : [.. args[1..], "--filter", "*"]);
        return 0;
    case "onnx":
        // Without a filter BenchmarkDotNet asks which benchmark to run; "onnx --job short" should just run them all.
        BenchmarkSwitcher.FromTypes([typeof(OnnxRuntimeBenchmarks)])
            .Run(args.Contains("--filter") ? args[1..] : [.. args[1..], "--filter", "*"]);
        return 0;
    case "audit-sink":
        await AuditSinkThroughput.RunAsync().ConfigureAwait(false);
        return 0;
    case "classifiers":
        ClassifierThroughput.Run();
        return 0;
    case "tabular":
        ClassifierThroughput.RunTabular();
        return 0;
    case "embeddings":
        EmbeddingThroughput.Run();
        return 0;
    case "batching":
        await BatchingThroughput.RunAsync().ConfigureAwait(false);
        return 0;
    case "onnx-decoder":
        await OnnxDecoderThroughput.RunAsync().ConfigureAwait(false);
        return 0;
    case "tokens":
        TokenizerThroughput.Run();
        return 0;
    case "scenario":
        await ScenarioThroughput.RunAsync().ConfigureAwait(false);
        return 0;
    case "vector-exact":
        VectorExactThroughput.Run(args);
        return 0;
    case "hnsw":
        HnswBenchmark.Run(args);
        return 0;
    case "ingest":
        await IngestThroughput.RunAsync(args).ConfigureAwait(false);
        return 0;
    case "masking":
        MaskingThroughput.Run(args);
        return 0;
    case "pii-names":
        PiiNamesThroughput.Run();
        return 0;
    case "tool-loop":
        ToolLoopThroughput.Run();
        return 0;
    case "rag":
        RagThroughput.Run();
        return 0;
    case "mcp":
        await McpToolCallThroughput.RunAsync().ConfigureAwait(false);
        return 0;
    case "drafts":
        DraftThroughput.Run();
        return 0;
    case "cache":
        await CacheHitLatency.RunAsync().ConfigureAwait(false);
        return 0;
    case "serve": return await ServeThroughput.RunAsync(args[1..]).ConfigureAwait(false); // [--clients 16] [--parallel N] [--threads 1] [--seconds 10]: /v1/chat/completions requests/s, p50/p95
    case "llama":
        return LlamaThroughput.Run(args[1..]);
    case "pii":
        return PiiThroughput.Run();
    case "review":
        await ReviewThroughput.RunAsync(args[1..]).ConfigureAwait(false);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Use engine, gbdt, onnx, audit-sink, classifiers, tabular, embeddings, batching, tokens, onnx-decoder, scenario, vector-exact, hnsw, ingest, masking, tool-loop, rag, mcp, drafts, cache, pii, pii-names, review, serve or llama.");
        return 2;
}
