using System.Diagnostics;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Sqlite;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// Ingest throughput (chunks/s, end to end: chunking, embedding, SQLite + FTS5 rows, vectors file, commit) into a
/// file-backed <see cref="SqliteDocumentIndex"/>, in batches of 256 documents, with each embedder: none (keyword
/// only), hashed n-grams (1024 dims), SIF word vectors (wink/GloVe, 100 dims) and the ONNX sentence embedder running a
/// tiny random BERT-shaped model built here (32 hidden, one layer: a plumbing figure, not a real model's speed).
/// Documents are the ticket-triage tickets (subject + body), repeated with new ids. Rates per wall second and per
/// CPU-second of the process (which counts every thread it used: the figure for a machine shared with other work).
/// </summary>
internal static class IngestThroughput
{
    private const int Batch = 256;

    public static async Task RunAsync(string[] args)
    {
        int documents = BenchArgs.Int(args, "--documents", 20_000);
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        string[] texts = [.. data.Train.Concat(data.Golden).Select(t => t.Subject + "\n\n" + t.Body)];
        Console.WriteLine($"{documents:N0} documents ({texts.Length} distinct tickets, mean {texts.Average(t => t.Length):N0} chars), batches of {Batch}; load average {BenchArgs.LoadAverage()}");
        string folder = Path.Combine(Path.GetTempPath(), "hybridai-bench-ingest-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            await MeasureAsync("none (keyword only)", null, folder, texts, documents).ConfigureAwait(false);
            await MeasureAsync("hashed n-grams, 1024 dims", new HashingEmbeddingGenerator(), folder, texts, documents).ConfigureAwait(false);
            if (File.Exists(WinkWordVectors.BinaryPath) || File.Exists(WinkWordVectors.JsonPath))
            {
                using WordVectors words = WinkWordVectors.Open();
                await MeasureAsync("SIF word vectors (wink/GloVe), 100 dims", new WordVectorEmbeddingGenerator(words), folder, texts, documents).ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine("SIF word vectors: skipped, run eng/fetch-deps.sh");
            }

            if (OnnxAvailable(out string? why))
            {
                string model = TinySentenceModel.Write(folder, texts);
                await MeasureAsync("ONNX sentence embedder, TINY RANDOM model (32 dims)", new OnnxSentenceEmbeddingGenerator(new OnnxSentenceEmbeddingOptions
                {
                    ModelPath = model, MaxSequenceLength = TinySentenceModel.Positions, IntraOpThreads = 1,
                }), folder, texts, documents).ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine($"ONNX sentence embedder: skipped ({why})");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool OnnxAvailable(out string? why)
    {
        try
        {
            OnnxRuntimeLibrary.EnsureLoaded();
            why = null;
            return true;
        }
        catch (DllNotFoundException e)
        {
            why = e.Message;
            return false;
        }
    }

    private static async Task MeasureAsync(string name, IEmbeddingGenerator<string, Embedding<float>>? embedder, string folder, string[] texts, int documents)
    {
        using (embedder)
        {
            string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            await using var index = await SqliteDocumentIndex.OpenAsync(path, new SqliteIndexOptions { EmbeddingGenerator = embedder }).ConfigureAwait(false);
            long chunks = 0;
            using var process = Process.GetCurrentProcess();
            TimeSpan cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int done = 0; done < documents; done += Batch)
            {
                var batch = Enumerable.Range(done, Math.Min(Batch, documents - done))
                    .Select(i => new SourceDocument("doc-" + i, texts[i % texts.Length] + " #" + i, "tickets")).ToList();
                await index.UpsertAsync(batch).ConfigureAwait(false);
            }

            double seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            foreach (string id in new[] { "doc-0", "doc-" + (documents - 1) })
            {
                chunks += (await index.GetChunksAsync(id).ConfigureAwait(false)).Count;
            }

            long totalChunks = (long)Math.Round(chunks / 2.0 * documents);
            Console.WriteLine($"{name}: ≈{totalChunks / seconds:N0} chunks/s wall, ≈{totalChunks / cpuSeconds:N0} per CPU-second " +
                $"({documents / seconds:N0} documents/s; {seconds:F1} s wall, {cpuSeconds:F1} s CPU; ≈{chunks / 2.0:F1} chunks per document)");
        }
    }
}
