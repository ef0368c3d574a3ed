namespace HybridAI.Native.OnnxRuntime.Tests;

public sealed class ConcurrencyTests
{
    [NativeFact(Needs = Models.OcrClassifier)]
    public void Eight_threads_sharing_one_session_get_the_same_outputs_as_sequential_runs()
    {
        using var session = Models.Open(Models.OcrClassifier, new OnnxSessionOptions { IntraOpThreads = 1 });
        const int Threads = 8;
        const int RunsPerThread = 200;
        var images = Enumerable.Range(0, Threads).Select(Image).ToArray();
        var expected = images.Select(image => Classify(session, image)).ToArray();

        var mismatches = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var run = 0; run < RunsPerThread; run++)
            {
                if (!Classify(session, images[thread]).SequenceEqual(expected[thread]))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
        Assert.NotEqual(expected[0], expected[1]);
    }

    private static float[] Classify(OnnxSession session, float[] image)
    {
        using var x = OnnxTensor.Create(image, 1, 3, 48, 192);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["x"] = x });
        return outputs[0].ToArray<float>();
    }

    private static float[] Image(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 48 * 192];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return pixels;
    }
}
