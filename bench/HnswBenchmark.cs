using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Vectors;

namespace HybridAI.Benchmarks;

/// <summary>
/// HNSW (M 16, efConstruction 200) on real word vectors: the wink/GloVe 100-d vectors, shuffled with a fixed seed,
/// the first N in the index and the next Q words as held-out queries, all scaled to unit length (cosine); truth is
/// the exact top 10. Reports build time, bytes per vector, save/load of the graph file, and recall@10 against
/// queries/s over efSearch, on one thread and on every core; then runs hnswlib-node on the same vectors, queries and
/// parameters (bench/peers/hnswlib-node, when installed) and compares queries/s at equal recall.
/// </summary>
internal static class HnswBenchmark
{
    private const int M = 16, EfConstruction = 200, K = 10;
    private static readonly int[] EfValues = [10, 16, 24, 32, 48, 64, 96, 128, 200, 300, 400];
    private static readonly double[] RecallTargets = [0.90, 0.95, 0.98, 0.99];

    public static void Run(string[] args)
    {
        int count = BenchArgs.Int(args, "--vectors", 100_000);
        int queryCount = BenchArgs.Int(args, "--queries", 2_000);
        if (!File.Exists(WinkWordVectors.BinaryPath) && !File.Exists(WinkWordVectors.JsonPath))
        {
            Console.WriteLine($"hnsw: skipped, {WinkWordVectors.JsonPath} is missing (run eng/fetch-deps.sh)");
            return;
        }

        using WordVectors words = WinkWordVectors.Open();
        int dims = words.Dimensions;
        int[] order = [.. Enumerable.Range(0, words.Count).Where(r => TensorPrimitives.Norm(words.GetVector(r)) > 0)];
        new Random(7).Shuffle(order);
        if (count + queryCount > order.Length)
        {
            throw new ArgumentException($"--vectors {count} + --queries {queryCount} exceeds the {order.Length} word vectors.");
        }

        string folder = Path.Combine(Path.GetTempPath(), "hybridai-bench-hnsw-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            using VectorFile file = VectorFile.Open(Path.Combine(folder, "words.vectors"), dims, 0);
            file.Append([.. order.Take(count).Select(r => (ReadOnlyMemory<float>)Unit(words.GetVector(r)))]);
            file.Publish();
            float[][] queries = [.. order.Skip(count).Take(queryCount).Select(r => Unit(words.GetVector(r)))];
            var truth = new int[queryCount][];
            var exact = Stopwatch.StartNew();
            Parallel.For(0, queryCount, q => truth[q] = [.. ExactVectorSearch.TopOfRange(file, queries[q], K, count, null).Select(h => (int)h.Slot)]);
            Console.WriteLine($"{count:N0} wink/GloVe word vectors x {dims} dims in the index, {queryCount:N0} held-out words as queries; exact truth in {exact.Elapsed.TotalSeconds:F1} s; load average {BenchArgs.LoadAverage()}");

            using var process = Process.GetCurrentProcess();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var graph = new HnswGraph(file, M, EfConstruction);
            graph.AddUpTo(count);
            double buildSeconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var build = (Wall: buildSeconds, Cpu: (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            double bytesPerVector = (graph.LinkBytes + ((long)count * dims * sizeof(float))) / (double)count;
            Console.WriteLine($"HybridAI HNSW build (M {M}, efConstruction {EfConstruction}, 1 thread): {buildSeconds:F1} s wall, {build.Cpu:F1} s CPU ({count / build.Cpu:N0} inserts per CPU-second); " +
                $"{bytesPerVector:F0} bytes/vector ({graph.LinkBytes / (double)count:F0} graph + {dims * sizeof(float)} vector)");
            string graphPath = Path.Combine(folder, "words.hnsw");
            var save = Stopwatch.StartNew();
            graph.Save(graphPath);
            double saveMs = save.Elapsed.TotalMilliseconds;
            var load = Stopwatch.StartNew();
            using HnswGraph? loaded = HnswGraph.TryLoad(graphPath, file, M, EfConstruction);
            Console.WriteLine($"graph file {new FileInfo(graphPath).Length / 1e6:F1} MB: saved in {saveMs:N0} ms, loaded and validated in {load.Elapsed.TotalMilliseconds:N0} ms " +
                $"({(loaded is not null && loaded.Inserted == 0 ? "no rebuild" : "REJECTED")}; the build it saves took {buildSeconds:F1} s)");

            int cores = Environment.ProcessorCount;
            var ours = new List<(int Ef, double Recall, double Qps, double CoreQps)>();
            Console.WriteLine($"{"efSearch",8} {"recall@10",10} {"q/s 1 thread",14} {"q/core-second",16} {"q/s " + cores + " threads",14} {"q/core-second",16}");
            foreach (int ef in EfValues)
            {
                double recall = Recall(queries, truth, q => graph.Search(q, K, ef, null).Select(h => h.Slot));
                Rate single = Rate.Queries(1, queries, q => graph.Search(q, K, ef, null), seconds: 2);
                Rate all = cores > 1 ? Rate.Queries(cores, queries, q => graph.Search(q, K, ef, null), seconds: 2) : single;
                ours.Add((ef, recall, single.PerSecond, single.PerCoreSecond));
                Console.WriteLine($"{ef,8} {recall,10:F4} {single.PerSecond,14:N0} {single.PerCoreSecond,16:N0} {all.PerSecond,14:N0} {all.PerCoreSecond / cores,16:N0}");
            }

            if (!args.Contains("--no-peer"))
            {
                RunPeer(folder, file, queries, truth, ours, build);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static float[] Unit(ReadOnlySpan<float> vector)
    {
        float[] v = vector.ToArray();
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static double Recall(float[][] queries, int[][] truth, Func<float[], IEnumerable<int>> search)
    {
        long hit = 0;
        for (int q = 0; q < queries.Length; q++)
        {
            var found = search(queries[q]).ToHashSet();
            hit += truth[q].Count(found.Contains);
        }

        return hit / (double)(queries.Length * K);
    }

    private static void RunPeer(string folder, VectorFile file, float[][] queries, int[][] truth, List<(int Ef, double Recall, double Qps, double CoreQps)> ours, (double Wall, double Cpu) build)
    {
        string peer = Path.Combine(BenchArgs.RepositoryRoot(), "bench", "peers", "hnswlib-node");
        if (!Directory.Exists(Path.Combine(peer, "node_modules", "hnswlib-node")))
        {
            Console.WriteLine($"hnswlib-node: not installed, run {Path.Combine(peer, "install.sh")}");
            return;
        }

        string export = Path.Combine(folder, "peer.bin");
        Export(export, file, queries, truth);
        var start = new ProcessStartInfo("node", [Path.Combine(peer, "hnsw-peer.mjs"), export, string.Join(',', EfValues)])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = peer,
        };
        using Process node = Process.Start(start)!;
        var theirs = new List<(int Ef, double Recall, double Qps, double CoreQps)>();
        string? version = null;
        while (node.StandardOutput.ReadLine() is string line)
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement e = json.RootElement;
            if (e.GetProperty("kind").GetString() == "build")
            {
                double seconds = e.GetProperty("seconds").GetDouble(), cpuSeconds = e.GetProperty("cpuSeconds").GetDouble();
                version = "hnswlib-node";
                Console.WriteLine($"hnswlib-node build (same M, efConstruction, 1 thread): {seconds:F1} s wall, {cpuSeconds:F1} s CPU; " +
                    $"HybridAI/hnswlib-node build time = {build.Wall / seconds:F2}x wall, {build.Cpu / cpuSeconds:F2}x CPU");
                Console.WriteLine($"{"efSearch",8} {"recall@10",10} {"q/s 1 thread",14} {"q/core-second",16}");
            }
            else
            {
                var point = (e.GetProperty("ef").GetInt32(), e.GetProperty("recall").GetDouble(), e.GetProperty("qps").GetDouble(), e.GetProperty("cpuQps").GetDouble());
                theirs.Add(point);
                Console.WriteLine($"{point.Item1,8} {point.Item2,10:F4} {point.Item3,14:N0} {point.Item4,16:N0}");
            }
        }

        node.WaitForExit();
        if (node.ExitCode != 0 || version is null)
        {
            Console.WriteLine($"hnswlib-node: the peer exited with {node.ExitCode}");
            return;
        }

        foreach (double target in RecallTargets)
        {
            double? a = QpsAt(ours, target, p => p.Qps), b = QpsAt(theirs, target, p => p.Qps);
            double? c = QpsAt(ours, target, p => p.CoreQps), d = QpsAt(theirs, target, p => p.CoreQps);
            Console.WriteLine($"at recall@10 {target:F2}, 1 thread: HybridAI {Format(a)} q/s wall, {Format(c)} per core-second; " +
                $"hnswlib-node {Format(b)} q/s wall, {Format(d)} per core-second; HybridAI/hnswlib-node = {Ratio(a, b)} wall, {Ratio(c, d)} per core-second");
        }
    }

    private static string Ratio(double? a, double? b) => a is double x && b is double y ? (x / y).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";

    private static string Format(double? qps) => qps is double q ? q.ToString("N0", CultureInfo.InvariantCulture) : "n/a";

    // Queries/s at a recall, interpolated linearly between the two efSearch points around it (recall rises with ef).
    private static double? QpsAt(List<(int Ef, double Recall, double Qps, double CoreQps)> curve, double recall, Func<(int Ef, double Recall, double Qps, double CoreQps), double> rate)
    {
        for (int i = 0; i < curve.Count; i++)
        {
            if (curve[i].Recall >= recall)
            {
                if (i == 0)
                {
                    return rate(curve[0]);
                }

                var (lo, hi) = (curve[i - 1], curve[i]);
                double t = (recall - lo.Recall) / Math.Max(hi.Recall - lo.Recall, 1e-12);
                return rate(lo) + (t * (rate(hi) - rate(lo)));
            }
        }

        return null;
    }

    private static unsafe void Export(string path, VectorFile file, float[][] queries, int[][] truth)
    {
        int count = (int)file.Count, dims = file.Dimensions;
        using var writer = new BinaryWriter(File.Create(path));
        foreach (int value in new[] { count, queries.Length, dims, M, EfConstruction, K })
        {
            writer.Write(value);
        }

        writer.Write(new ReadOnlySpan<byte>((byte*)file.Base, count * dims * sizeof(float)));
        foreach (float[] q in queries)
        {
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(q.AsSpan()));
        }

        foreach (int[] t in truth)
        {
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.AsSpan()));
        }
    }
}
