namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>Bad inputs and bad files surface ORT's own error code and message, or a clear .NET exception naming the file.</summary>
public sealed class ErrorTests : IDisposable
{
    private const string Identity = "/usr/share/libonnx-testdata/data/node/test_identity/model.onnx";
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridai-ort-errors-").FullName;

    [NativeFact(Needs = Identity)]
    public void An_unknown_input_name_is_ORTs_invalid_argument()
    {
        using var session = OnnxSession.FromFile(Identity);
        using var x = OnnxTensor.Create(new float[4], 1, 1, 2, 2);

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["not_an_input"] = x }));

        Assert.Equal(OnnxErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Contains("not_an_input", e.Message, StringComparison.Ordinal);
    }

    [NativeFact(Needs = Identity)]
    public void A_wrong_element_type_is_ORTs_invalid_argument()
    {
        using var session = OnnxSession.FromFile(Identity);
        using var x = OnnxTensor.Create(new int[4], 1, 1, 2, 2);

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = x }));

        Assert.Equal(OnnxErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Contains("type", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [NativeFact(Needs = Identity)]
    public void A_wrong_rank_is_ORTs_invalid_argument()
    {
        using var session = OnnxSession.FromFile(Identity);
        using var x = OnnxTensor.Create(new float[4], 4);

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = x }));

        Assert.Equal(OnnxErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Contains("rank", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [NativeFact(Needs = Identity)]
    public void An_unknown_output_name_is_an_error_and_the_session_still_works_after_it()
    {
        using var session = OnnxSession.FromFile(Identity);
        using var x = OnnxTensor.Create(new float[] { 1, 2, 3, 4 }, 1, 1, 2, 2);
        var inputs = new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = x };

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(inputs, ["missing_output"]));
        Assert.Contains("missing_output", e.Message, StringComparison.Ordinal);

        using var outputs = session.Run(inputs);
        Assert.Equal([1f, 2f, 3f, 4f], outputs[0].ToArray<float>());
    }

    [NativeFact]
    public void A_missing_file_is_FileNotFound_naming_the_path()
    {
        var path = Path.Combine(_folder, "absent.onnx");

        var e = Assert.Throws<FileNotFoundException>(() => OnnxSession.FromFile(path));

        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_corrupt_file_is_ORTs_error_naming_the_file()
    {
        var path = Path.Combine(_folder, "corrupt.onnx");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0xFF, 0x12, 0x34, 0x00, 0x99, 0xAB]);

        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.NotEqual(OnnxErrorCode.Ok, e.ErrorCode);
    }

    [NativeFact(Needs = Models.OcrClassifier)]
    public void A_truncated_file_is_ORTs_error_naming_the_file()
    {
        var whole = File.ReadAllBytes(Models.Resolve(Models.OcrClassifier));
        var path = Path.Combine(_folder, "truncated.onnx");
        File.WriteAllBytes(path, whole.AsSpan(0, whole.Length / 2).ToArray());

        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Corrupt_bytes_are_an_error()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes([0x08, 0xFF, 0xFF, 0xFF, 0x7A, 0x01]));

        Assert.Contains("Could not load ONNX model", e.Message, StringComparison.Ordinal);
        Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes([]));
    }

    [NativeFact(Needs = Identity)]
    public void Disposed_sessions_and_tensors_are_refused()
    {
        var session = OnnxSession.FromFile(Identity);
        var x = OnnxTensor.Create(new float[4], 1, 1, 2, 2);
        var inputs = new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = x };
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(inputs));

        using var y = OnnxTensor.Create(new float[4], 1, 1, 2, 2);
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["x"] = y }));
    }

    [NativeFact]
    public void Bad_session_options_are_refused_before_loading()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSession.FromBytes(TestModels.WithMetadata(), new OnnxSessionOptions { IntraOpThreads = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSession.FromBytes(TestModels.WithMetadata(), new OnnxSessionOptions { GraphOptimization = (OnnxGraphOptimization)5 }));
    }

    [NativeTheory]
    [InlineData(OnnxGraphOptimization.Disabled)]
    [InlineData(OnnxGraphOptimization.Basic)]
    [InlineData(OnnxGraphOptimization.Extended)]
    [InlineData(OnnxGraphOptimization.All)]
    public void Every_optimization_level_and_thread_setting_loads_and_runs(OnnxGraphOptimization level)
    {
        using var session = OnnxSession.FromBytes(TestModels.WithMetadata(), new OnnxSessionOptions { IntraOpThreads = 2, InterOpThreads = 1, GraphOptimization = level });
        using var x = OnnxTensor.Create([1f, 2f, 3f], 1, 3);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = x });

        Assert.Equal([1f, 2f, 3f], outputs["Y"].ToArray<float>());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
