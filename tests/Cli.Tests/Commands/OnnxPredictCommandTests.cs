using System.Globalization;
using HybridAI.Cli;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands;

/// <summary><c>hybridai train</c> writes model.onnx beside model.hai, and <c>predict</c> scores with either alike.</summary>
public sealed class OnnxPredictCommandTests : IDisposable
{
    private const string GermanCredit = "/usr/share/doc/weka/examples/credit-g.arff";
    private const double Tolerance = 1e-5;
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-onnx-predict-").FullName;
    private readonly CliConsole _cli = new();

    private static string Tickets(string file) => Path.Combine(Repository(), "samples", "scenarios", "01-ticket-triage", "data", file);

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    [Theory]
    [InlineData("lr")]
    [InlineData("nb")]
    public async Task A_words_text_model_predicts_the_same_from_model_hai_and_its_end_to_end_onnx(string algo)
    {
        var folder = Path.Combine(_work, algo);
        Assert.Equal(0, await Run("train", "--data", Tickets("tickets.train.jsonl"), "--label", "category", "--text", "body", "--features", "words", "--algo", algo, "--out", folder));
        Assert.Contains($"onnx: {Path.Combine(folder, "model.onnx")} (input: text string[N], end to end)", _cli.Output, StringComparison.Ordinal);

        var fromHai = await Predict(folder, Tickets("tickets.golden.jsonl"), "--text", "body");
        var fromOnnx = await Predict(Path.Combine(folder, "model.onnx"), Tickets("tickets.golden.jsonl"), "--text", "body");
        Assert.Equal(107, fromHai.Length);
        AssertSameScores(fromHai, fromOnnx);
    }

    [Fact]
    public async Task A_default_text_model_writes_a_feature_vector_onnx_which_predict_refuses_for_raw_text()
    {
        var folder = Path.Combine(_work, "default");
        Assert.Equal(0, await Run("train", "--data", Tickets("tickets.train.jsonl"), "--label", "category", "--text", "body", "--out", folder));
        Assert.Contains($"onnx: {Path.Combine(folder, "model.onnx")} (input: features float[N,262144])", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("onnx_not_end_to_end: TextFeaturizerOptions.FeatureSpace is Hashed", _cli.Flat, StringComparison.Ordinal);

        var scores = Path.Combine(_work, "refused.csv");
        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", Path.Combine(folder, "model.onnx"), "--data", Tickets("tickets.golden.jsonl"), "--text", "body", "--out", scores));
        Assert.Contains("That is a featurized vector", _cli.Flat, StringComparison.Ordinal);
        Assert.False(File.Exists(scores));
    }

    [RequiresFileTheory(GermanCredit)]
    [InlineData("lr")]
    [InlineData("gbdt")]
    public async Task A_tabular_model_predicts_the_same_from_model_hai_and_its_onnx_reading_columns_by_name(string algo)
    {
        var folder = Path.Combine(_work, "credit-" + algo);
        Assert.Equal(0, await Run("train", "--data", GermanCredit, "--label", "class", "--algo", algo, "--out", folder));
        var fromHai = await Predict(folder, GermanCredit);
        var fromOnnx = await Predict(Path.Combine(folder, "model.onnx"), GermanCredit);
        Assert.Equal(1001, fromHai.Length);
        AssertSameScores(fromHai, fromOnnx);
    }

    [Fact]
    public async Task Missing_corrupt_and_truncated_onnx_files_are_clear_input_errors()
    {
        var csv = Path.Combine(_work, "rows.csv");
        await File.WriteAllTextAsync(csv, "body,category\nrefund please,refund\n");
        var scores = Path.Combine(_work, "s.csv");

        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", Path.Combine(_work, "none.onnx"), "--data", csv, "--out", scores));
        Assert.Contains("Model not found", _cli.Output, StringComparison.Ordinal);

        var garbage = Path.Combine(_work, "garbage.onnx");
        await File.WriteAllTextAsync(garbage, "this is not an ONNX model at all");
        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", garbage, "--data", csv, "--out", scores));
        Assert.Contains("garbage.onnx is not a valid ONNX model", _cli.Flat, StringComparison.Ordinal);

        var folder = Path.Combine(_work, "words");
        Assert.Equal(0, await Run("train", "--data", Tickets("tickets.train.jsonl"), "--label", "category", "--text", "body", "--features", "words", "--folds", "2", "--out", folder));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "model.onnx"));
        var truncated = Path.Combine(_work, "truncated.onnx");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", truncated, "--data", csv, "--text", "body", "--out", scores));
        Assert.Contains("truncated.onnx is not a valid ONNX model", _cli.Flat, StringComparison.Ordinal);

        var empty = Path.Combine(_work, "empty.onnx");
        await File.WriteAllBytesAsync(empty, []);
        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", empty, "--data", csv, "--text", "body", "--out", scores));
        Assert.False(File.Exists(scores));

        // The end-to-end text model given a table without the text column names what is missing.
        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", Path.Combine(folder, "model.onnx"), "--data", csv, "--text", "subject", "--out", scores));
        Assert.Contains("'subject'", _cli.Output, StringComparison.Ordinal);
    }

    private async Task<string[]> Predict(string model, string data, params string[] more)
    {
        var scores = Path.Combine(_work, $"scores-{Guid.NewGuid():N}.csv");
        Assert.Equal(0, await Run(["predict", "--model", model, "--data", data, .. more, "--out", scores]));
        return await File.ReadAllLinesAsync(scores);
    }

    /// <summary>Same header and labels; probabilities within <see cref="Tolerance"/> (a label may differ only on a near-tie).</summary>
    private static void AssertSameScores(string[] expected, string[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected[0], actual[0]);
        double worst = 0;
        for (var i = 1; i < expected.Length; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.Equal(e[0], a[0]);
            var pe = e[2..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var pa = a[2..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            worst = Math.Max(worst, pe.Zip(pa, (x, y) => Math.Abs(x - y)).Max());
            var sorted = pe.OrderDescending().ToArray();
            if (sorted[0] - sorted[1] > Tolerance)
            {
                Assert.Equal(e[1], a[1]);
            }
        }

        Assert.True(worst <= Tolerance, $"max |Δp| {worst:E2} > {Tolerance}");
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found");
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
