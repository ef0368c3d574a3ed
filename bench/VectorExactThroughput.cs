using System.Diagnostics;
using System.Numerics.Tensors;
using HybridAI.Retrieval.Vectors;

namespace HybridAI.Benchmarks;

/// <summary>
/// Exact top-10 search (the library's <see cref="ExactVectorSearch"/> range scan, the path an unfiltered vector search
/// of the SQLite index takes below the HNSW threshold) over 1M random unit vectors of 100 dims in a memory-mapped
/// vector file: queries/s on one thread and on every core, the bytes of vectors scanned per second, and that as a
/// share of the read bandwidth measured in the same run over the same mapped block.
/// </summary>
internal static unsafe class VectorExactThroughput
{
    public static void Run(string[] args)
    {
        int count = BenchArgs.Int(args, "--vectors", 1_000_000);
        const int Dimensions = 100, Top = 10;
        string folder = Path.Combine(Path.GetTempPath(), "hybridai-bench-exact-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var make = Stopwatch.StartNew();
            using VectorFile file = RandomVectorFile(Path.Combine(folder, "v.vectors"), count, Dimensions, seed: 1);
            long bytes = (long)count * Dimensions * sizeof(float);
            Console.WriteLine($"{count:N0} random unit vectors x {Dimensions} dims (float32, {bytes / 1e6:N0} MB), written and mapped in {make.Elapsed.TotalSeconds:F1} s; load average {BenchArgs.LoadAverage()}");
            float[][] queries = [.. Enumerable.Range(0, 64).Select(i => RandomUnit(new Random(1000 + i), Dimensions))];

            int cores = Environment.ProcessorCount;
            foreach (int threads in cores > 1 ? new[] { 1, cores } : [1])
            {
                Rate bandwidth = MemoryBandwidth.Measure(file.Base, (long)count * Dimensions, threads);
                Rate qps = Rate.Queries(threads, queries, q => ExactVectorSearch.TopOfRange(file, q, Top, count, live: null));
                Console.WriteLine($"exact top-{Top}, {threads} thread(s): {qps.PerSecond:N1} queries/s wall ({qps.PerSecond * bytes / 1e9:F2} GB/s scanned), " +
                    $"{qps.PerCoreSecond:N1} per core-second ({qps.PerCoreSecond * bytes / 1e9:F2} GB/s); read bandwidth (same block, best of TensorPrimitives.Sum and a 4-accumulator read loop) " +
                    $"{bandwidth.PerSecond / 1e9:F2} GB/s wall, {bandwidth.PerCoreSecond / 1e9:F2} per core-second; scan = {qps.PerSecond * bytes / bandwidth.PerSecond:P0} of it wall, " +
                    $"{qps.PerCoreSecond * bytes / bandwidth.PerCoreSecond:P0} per core-second");
            }

            // The scan this replaced, for reference: TensorPrimitives.Dot per vector and a PriorityQueue, over the slot list.
            long[] slots = [.. Enumerable.Range(0, count).Select(i => (long)i)];
            Rate before = Rate.Queries(1, queries, q => PerVectorTop(file, q, slots, Top));
            Console.WriteLine($"reference (previous library loop: Dot per vector + PriorityQueue over the slot list), 1 thread: {before.PerSecond:N1} queries/s wall, " +
                $"{before.PerCoreSecond:N1} per core-second ({before.PerCoreSecond * bytes / 1e9:F2} GB/s)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static VectorFile RandomVectorFile(string path, int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var file = VectorFile.Open(path, dimensions, 0);
        for (int done = 0; done < count; done += 10_000)
        {
            int n = Math.Min(10_000, count - done);
            file.Append([.. Enumerable.Range(0, n).Select(_ => (ReadOnlyMemory<float>)RandomUnit(random, dimensions))]);
        }

        file.Publish();
        return file;
    }

    internal static float[] RandomUnit(Random random, int dimensions)
    {
        // Sum of uniforms ≈ normal: directions spread evenly over the sphere.
        float[] v = [.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5))];
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static List<long> PerVectorTop(VectorFile file, float[] query, long[] slots, int top)
    {
        var heap = new PriorityQueue<long, float>(top + 1);
        foreach (long slot in (IEnumerable<long>)slots)
        {
            float score = TensorPrimitives.Dot(query, file[slot]);
            if (heap.Count < top)
            {
                heap.Enqueue(slot, score);
            }
            else if (heap.TryPeek(out _, out float worst) && score > worst)
            {
                heap.DequeueEnqueue(slot, score);
            }
        }

        var result = new List<long>(top);
        while (heap.TryDequeue(out long slot, out _))
        {
            result.Add(slot);
        }

        return result;
    }
}
