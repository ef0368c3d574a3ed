namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>Where the real third-party models used by the tests live.</summary>
internal static class Models
{
    public const string SileroVad = "silero_vad.onnx";
    public const string OcrClassifier = "ocr-models/ch_ppocr_mobile_v2.0_cls_infer.onnx";

    public static string DataFolder => Path.Combine(
        Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai"),
        "deps", "current", "data");

    /// <summary>An ONNX backend node-test model from Debian's libonnx-testdata.</summary>
    public static string Node(string test) => $"/usr/share/libonnx-testdata/data/node/{test}/model.onnx";

    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(DataFolder, path);

    public static OnnxSession Open(string path, OnnxSessionOptions? options = null) => OnnxSession.FromFile(Resolve(path), options);
}
