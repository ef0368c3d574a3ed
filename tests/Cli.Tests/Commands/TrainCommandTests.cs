using System.Globalization;
using HybridAI.Cli;

using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private const string GermanCredit = "/usr/share/doc/weka/examples/credit-g.arff";
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-train-").FullName;
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    private double Metric(string name)
    {
        var line = _cli.Output.Split('\n').Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 2)..], CultureInfo.InvariantCulture);
    }

    [RequiresFileTheory(GermanCredit)]
    [InlineData("lr")]
    [InlineData("gbdt")]
    public async Task German_credit_reaches_the_five_fold_roc_auc_target_and_the_model_scores_every_row(string algo)
    {
        var folder = Path.Combine(_work, algo);
        Assert.Equal(0, await Run("train", "--data", GermanCredit, "--label", "class", "--algo", algo, "--out", folder));
        Assert.True(Metric("roc_auc") >= 0.78, $"{algo} roc_auc {Metric("roc_auc")}");
        Assert.InRange(Metric("ece"), 0, 0.2);
        Assert.True(File.Exists(Path.Combine(folder, "model.hai")));
        Assert.True(new FileInfo(Path.Combine(folder, "model.onnx")).Length > 0);

        var scores = Path.Combine(_work, algo + ".csv");
        Assert.Equal(0, await Run("predict", "--model", folder, "--data", GermanCredit, "--out", scores));
        var lines = await File.ReadAllLinesAsync(scores);
        Assert.Equal("row,label,p_bad,p_good", lines[0]);
        Assert.Equal(1001, lines.Length);
    }

    [Fact]
    public async Task A_text_classifier_trains_from_jsonl_and_scores_the_golden_tickets()
    {
        var data = Path.Combine(Repository(), "samples", "scenarios", "01-ticket-triage", "data");
        var folder = Path.Combine(_work, "text");
        Assert.Equal(0, await Run("train", "--data", Path.Combine(data, "tickets.train.jsonl"), "--label", "category", "--text", "body", "--out", folder));
        Assert.True(Metric("macro_f1") > 0.6, $"macro_f1 {Metric("macro_f1")}");

        var scores = Path.Combine(_work, "text.csv");
        Assert.Equal(0, await Run("predict", "--model", Path.Combine(folder, "model.hai"), "--data", Path.Combine(data, "tickets.golden.jsonl"), "--text", "body", "--out", scores));
        Assert.Equal(107, (await File.ReadAllLinesAsync(scores)).Length);
    }

    [Fact]
    public async Task A_text_classifier_trains_with_temperature_calibration_kept_in_its_model_file()
    {
        var data = Path.Combine(Repository(), "samples", "scenarios", "01-ticket-triage", "data");
        var folder = Path.Combine(_work, "calibrated");
        Assert.Equal(0, await Run("train", "--data", Path.Combine(data, "tickets.train.jsonl"), "--label", "priority", "--text", "body",
            "--calibrate", "temperature", "--folds", "3", "--out", folder));

        var temperature = Metric("temperature");
        Assert.NotEqual(1, temperature);
        using var file = File.OpenRead(Path.Combine(folder, "model.hai"));
        Assert.Equal(temperature, HybridAI.Classifiers.TextClassifier.Load(file).Temperature, 4);
    }

    [Fact]
    public async Task A_calibration_that_does_not_fit_the_model_kind_is_a_clear_error()
    {
        var csv = Path.Combine(_work, "t.csv");
        await File.WriteAllTextAsync(csv, "a,b,class\n1,x,y\n2,z,n\n3,x,y\n");
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "class", "--calibrate", "temperature", "--out", _work));
        Assert.Contains("--calibrate temperature calibrates text classifiers", _cli.Flat, StringComparison.Ordinal);

        await File.WriteAllTextAsync(csv, "body,category\nrefund please,billing\napp crashes,technical\n");
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "category", "--text", "body", "--calibrate", "platt", "--out", _work));
        Assert.Contains("text classifiers use --calibrate temperature", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arff_syntax_error_names_file_line_and_column()
    {
        var bad = Path.Combine(_work, "bad.arff");
        await File.WriteAllTextAsync(bad, "@relation x\n@attribute a numeric\n@attribute class {y,n}\n@data\n1,y\n2,maybe\n");
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", bad, "--label", "class", "--out", _work));
        var text = string.Join(' ', _cli.Output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("bad.arff, line 6, column 'class'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maybe", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_jsonl_line_names_file_and_line_without_quoting_it()
    {
        var bad = Path.Combine(_work, "texts.jsonl");
        await File.WriteAllTextAsync(bad, "{\"body\":\"refund please\",\"category\":\"refund\"}\n{\"body\": \"call 06 12 34 56 78\n");
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", bad, "--label", "category", "--text", "body", "--out", _work));
        Assert.Contains("texts.jsonl:2: not valid JSON", _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_unknown_label_columns_and_mismatched_algorithms_are_clear_errors()
    {
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", Path.Combine(_work, "none.arff"), "--label", "class", "--out", _work));
        Assert.Contains("none.arff", _cli.Output, StringComparison.Ordinal);

        var csv = Path.Combine(_work, "t.csv");
        await File.WriteAllTextAsync(csv, "a,b,class\n1,x,y\n2,z,n\n3,x,y\n");
        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "nosuch", "--out", _work));
        Assert.Contains("nosuch", _cli.Output, StringComparison.Ordinal);

        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "class", "--algo", "nb", "--out", _work));
        Assert.Contains("--algo nb trains text classifiers", _cli.Output, StringComparison.Ordinal);

        Assert.Equal(HybridAICommand.InputError, await Run("predict", "--model", Path.Combine(_work, "nomodel"), "--data", csv, "--out", Path.Combine(_work, "s.csv")));
        Assert.Contains("Model not found", _cli.Output, StringComparison.Ordinal);
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
