using HybridAI.Cli;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands;

public sealed class OnnxCommandTests : IDisposable
{
    private static readonly string NpmData = Path.Combine(
        Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai"),
        "deps", "current", "data");

    private const string TestAdd = "/usr/share/libonnx-testdata/data/node/test_add/model.onnx";

    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-onnx-cli-").FullName;
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    [OnnxFact(Needs = "silero_vad.onnx")]
    public async Task Silero_vad_shows_its_three_inputs_and_two_outputs()
    {
        Assert.Equal(0, await Run("onnx", "inspect", Path.Combine(NpmData, "silero_vad.onnx")));

        var inputs = Section("inputs", "outputs");
        Assert.Contains(Row("input", "Tensor", "Float", "[?, ?]"), inputs, StringComparison.Ordinal);
        Assert.Contains(Row("state", "Tensor", "Float", "[2, ?, 128]"), inputs, StringComparison.Ordinal);
        Assert.Contains(Row("sr", "Tensor", "Int64", "[]"), inputs, StringComparison.Ordinal);
        var outputs = Section("outputs", "metadata");
        Assert.Contains(Row("output", "Tensor", "Float", "[?, 1]"), outputs, StringComparison.Ordinal);
        Assert.Contains(Row("stateN", "Tensor", "Float"), outputs, StringComparison.Ordinal);
        Assert.Contains(Row("producer", "spox"), Section("metadata", null), StringComparison.Ordinal);
    }

    [OnnxFact(Needs = "ocr-models/ch_ppocr_mobile_v2.0_cls_infer.onnx")]
    public async Task Ocr_classifier_shows_the_symbolic_batch_dimension_by_name()
    {
        Assert.Equal(0, await Run("onnx", "inspect", Path.Combine(NpmData, "ocr-models", "ch_ppocr_mobile_v2.0_cls_infer.onnx")));

        var inputs = Section("inputs", "outputs");
        Assert.Contains(Row("x", "Tensor", "Float", "[p2o.DynamicDimension.0, 3, p2o.DynamicDimension.1, p2o.DynamicDimension.2]"), inputs, StringComparison.Ordinal);
        Assert.Contains(Row("graph name", "Model from PaddlePaddle."), Section("metadata", null), StringComparison.Ordinal);
    }

    [OnnxFact(Needs = TestAdd)]
    public async Task Node_test_model_shows_fixed_shapes_and_its_producer()
    {
        Assert.Equal(0, await Run("onnx", "inspect", TestAdd));

        var inputs = Section("inputs", "outputs");
        Assert.Contains(Row("x", "Tensor", "Float", "[3, 4, 5]"), inputs, StringComparison.Ordinal);
        Assert.Contains(Row("y", "Tensor", "Float", "[3, 4, 5]"), inputs, StringComparison.Ordinal);
        Assert.Contains(Row("sum", "Tensor", "Float", "[3, 4, 5]"), Section("outputs", "metadata"), StringComparison.Ordinal);
        var metadata = Section("metadata", null);
        Assert.Contains(Row("producer", "backend-test"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("graph name", "test_add"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("version", "(not set)"), metadata, StringComparison.Ordinal);
    }

    [OnnxFact]
    public async Task Every_metadata_field_and_custom_entry_is_shown_escaped()
    {
        var path = Path.Combine(_work, "described.onnx");
        var model = new OnnxModelBuilder("described_graph")
            .ImportOpset("", 17)
            .Producer("hybridai-tests", "1.0")
            .Metadata("owner", "platform-team")
            .Metadata("labels", "[spam] [ham]")
            .Input("X", TypeProto.Tensor(OnnxElementType.Float, "batch", 3L, null))
            .Node("Identity", ["X"], ["Y"])
            .Output("Y", TypeProto.Tensor(OnnxElementType.Float, "batch", 3L, null))
            .Build();
        model.Domain = "ai.hybrid.tests";
        model.DocString = "Copies [its] input.";
        model.ModelVersion = 7;
        await File.WriteAllBytesAsync(path, model.ToByteArray());

        Assert.Equal(0, await Run("onnx", "inspect", path));

        Assert.Contains(Row("X", "Tensor", "Float", "[batch, 3, ?]"), Section("inputs", "outputs"), StringComparison.Ordinal);
        var metadata = Section("metadata", null);
        Assert.Contains(Row("producer", "hybridai-tests"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("graph name", "described_graph"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("domain", "ai.hybrid.tests"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("description", "Copies [its] input."), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("version", "7"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("custom: labels", "[spam] [ham]"), metadata, StringComparison.Ordinal);
        Assert.Contains(Row("custom: owner", "platform-team"), metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_model_is_an_input_error_naming_the_file()
    {
        var missing = Path.Combine(_work, "no-such-model.onnx");

        Assert.Equal(HybridAICommand.InputError, await Run("onnx", "inspect", missing));

        Assert.Contains("not found", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains(missing, _cli.Flat, StringComparison.Ordinal);
    }

    [OnnxFact(Needs = TestAdd)]
    public async Task Truncated_model_is_an_input_error_with_ort_s_message_and_no_stack_trace()
    {
        var truncated = Path.Combine(_work, "truncated.onnx");
        var bytes = await File.ReadAllBytesAsync(TestAdd);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        Assert.Equal(HybridAICommand.InputError, await Run("onnx", "inspect", truncated));

        var text = _cli.Flat;
        Assert.Contains(truncated, text, StringComparison.Ordinal);
        Assert.Contains("Protobuf parsing failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [OnnxFact]
    public async Task Garbage_file_is_an_input_error_with_ort_s_message()
    {
        var corrupt = Path.Combine(_work, "corrupt.onnx");
        await File.WriteAllTextAsync(corrupt, "this is not a protobuf model");

        Assert.Equal(HybridAICommand.InputError, await Run("onnx", "inspect", corrupt));

        Assert.Contains(corrupt, _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("Protobuf parsing failed", _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _cli.Output, StringComparison.Ordinal);
    }

    /// <summary>A table row as Spectre draws it (cells separated by " │ "), so cells are matched whole and in order.</summary>
    private static string Row(params string[] cells) => "│ " + string.Join(" │ ", cells) + " │";

    /// <summary>The output between two table titles, with each row's padding collapsed so cells compare exactly.</summary>
    private string Section(string from, string? to)
    {
        var lines = _cli.Output.Split('\n').Select(l => l.Trim()).ToList();
        var start = lines.IndexOf(from);
        Assert.True(start >= 0, $"No '{from}' table in:\n{_cli.Output}");
        var end = to is null ? lines.Count : lines.IndexOf(to);
        Assert.True(end > start, $"No '{to}' table after '{from}' in:\n{_cli.Output}");
        return string.Join('\n', lines[start..end].Select(CollapseCells));
    }

    private static string CollapseCells(string line) =>
        string.Join(" │ ", line.Split('│').Select(c => c.Trim())).Trim();


    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>
    /// Needs the ONNX Runtime library and, with <see cref="Needs"/>, a model (relative to the npm data folder, or absolute):
    /// skipped with the reason when missing, except under CI=true, where a missing dependency must fail instead of hiding.
    /// </summary>
    private sealed class OnnxFactAttribute : FactAttribute
    {
        private static readonly bool OnCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        public OnnxFactAttribute()
        {
            if (OnCi)
            {
                return;
            }

            try
            {
                OnnxRuntimeLibrary.Locate();
            }
            catch (DllNotFoundException e)
            {
                Skip = e.Message;
            }
        }

        public string? Needs
        {
            get => null;
            init
            {
                var path = value is null ? null : Path.Combine(NpmData, value);
                if (!OnCi && Skip is null && path is not null && !File.Exists(path))
                {
                    Skip = $"Model {path} is missing (run eng/fetch-deps.sh; node-test models come from Debian's libonnx-testdata).";
                }
            }
        }
    }
}
