using BenchmarkDotNet.Attributes;
using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Benchmarks;

/// <summary>
/// Per-call cost of <c>OnnxSession.Run</c>: ONNX's node test <c>test_add</c> (x + y, float [3,4,5]) shows the
/// binding's own overhead; the PaddleOCR orientation classifier at batch 1 and 32 shows it beside real work.
/// One intra-op and one inter-op thread, inputs created once, so the figures line up with
/// bench/peers/onnxruntime-node/call-overhead.mjs (same libonnxruntime, same settings, same cases).
/// </summary>
[MemoryDiagnoser]
public class OnnxRuntimeBenchmarks
{
    private const string TinyModel = "/usr/share/libonnx-testdata/data/node/test_add/model.onnx";

    private readonly List<IDisposable> _owned = [];
    private OnnxSession _tiny = null!;
    private OnnxSession _ocr = null!;
    private Dictionary<string, OnnxTensor> _tinyInputs = null!;
    private Dictionary<string, OnnxTensor> _ocrBatch1 = null!;
    private Dictionary<string, OnnxTensor> _ocrBatch32 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 };
        _tiny = Own(OnnxSession.FromFile(TinyModel, options));
        _ocr = Own(OnnxSession.FromFile(OcrClassifierPath(), options));
        _tinyInputs = new()
        {
            ["x"] = Own(OnnxTensor.Create(Filled(60, 1.5f), 3, 4, 5)),
            ["y"] = Own(OnnxTensor.Create(Filled(60, 2.5f), 3, 4, 5)),
        };
        _ocrBatch1 = new() { ["x"] = Own(OcrInput(1)) };
        _ocrBatch32 = new() { ["x"] = Own(OcrInput(32)) };
    }

    [Benchmark(Baseline = true)]
    public int TinyAdd() => RunOnce(_tiny, _tinyInputs);

    [Benchmark]
    public int OcrClassifierBatch1() => RunOnce(_ocr, _ocrBatch1);

    [Benchmark]
    public int OcrClassifierBatch32() => RunOnce(_ocr, _ocrBatch32);

    [GlobalCleanup]
    public void Cleanup()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private static int RunOnce(OnnxSession session, Dictionary<string, OnnxTensor> inputs)
    {
        using var outputs = session.Run(inputs);
        return outputs.Count;
    }

    /// <summary>The same input as the peer script: x float [N,3,48,192] filled with (i % 255) / 255.</summary>
    private static OnnxTensor OcrInput(int batch)
    {
        var data = new float[batch * 3 * 48 * 192];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (i % 255) / 255f;
        }

        return OnnxTensor.Create(data, batch, 3, 48, 192);
    }

    private static float[] Filled(int count, float value)
    {
        var data = new float[count];
        Array.Fill(data, value);
        return data;
    }

    private static string OcrClassifierPath()
    {
        var cache = Environment.GetEnvironmentVariable("HYBRIDAI_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai");
        return Path.Combine(cache, "deps", "current", "data", "ocr-models", "ch_ppocr_mobile_v2.0_cls_infer.onnx");
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
