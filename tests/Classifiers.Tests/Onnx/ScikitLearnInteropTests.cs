using System.Diagnostics;
using System.Globalization;
using HybridAI.Classifiers.Onnx;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>
/// Models trained by scikit-learn itself (Debian's python3-sklearn), written to ONNX by
/// samples/interop/scikit-learn/train_and_export.py in skl2onnx's layout, run through <see cref="OnnxClassifier"/>:
/// ONNX Runtime must reproduce scikit-learn's own predict_proba and predict on every held-out row.
/// </summary>
public sealed class ScikitLearnInteropTests(ScikitLearnModels models) : IClassFixture<ScikitLearnModels>
{
    // Float32 graphs against scikit-learn's float64 arithmetic.
    private const double Tolerance = 1e-5;

    private static readonly OnnxClassifierOptions SkLearnNames = new()
    {
        InputName = "float_input",
        LabelOutput = "output_label",
        ProbabilitiesOutput = "output_probability",
    };

    [ScikitLearnTheory]
    [InlineData("breast-cancer-lr")]   // Scaler → LinearClassifier (LOGISTIC) → Normalizer → ZipMap, int64 labels
    [InlineData("iris-lr")]            // the same with SOFTMAX over three string labels
    [InlineData("wine-forest")]        // TreeEnsembleClassifier → ZipMap, 25 trees
    public void OnnxClassifier_reproduces_scikit_learn(string name)
    {
        var folder = models.Folder;
        var expected = ExpectedRows.Read(Path.Combine(folder, name + ".expected.csv"));
        using var classifier = OnnxClassifier.FromFile(Path.Combine(folder, name + ".onnx"), SkLearnNames);

        Assert.Equal(expected.Labels, classifier.Labels);
        Assert.True(expected.Rows.Count >= 45, $"{name}: only {expected.Rows.Count} rows");
        var batch = classifier.Classify([.. expected.Rows.Select(r => r.Features)]);
        var worst = 0d;
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            var row = expected.Rows[r];
            var single = classifier.Classify(row.Features);
            foreach (var c in new[] { single, batch[r] })
            {
                Assert.Equal(row.Label, c.Label);
                for (var k = 0; k < row.Probabilities.Length; k++)
                {
                    var diff = Math.Abs(row.Probabilities[k] - c.Probabilities[k]);
                    worst = Math.Max(worst, diff);
                    Assert.True(diff <= Tolerance, $"{name} row {r} p[{expected.Labels[k]}]: scikit-learn {row.Probabilities[k]}, ORT {c.Probabilities[k]}");
                }
            }
        }

        Console.WriteLine($"{name}: {expected.Rows.Count} rows, max |Δp| = {worst:E2}");
    }

    private sealed record ExpectedRow(float[] Features, string Label, double[] Probabilities);

    /// <summary>The script's CSV: features f0…, scikit-learn's label, then one p:LABEL column per class in classes_ order.</summary>
    private sealed record ExpectedRows(string[] Labels, List<ExpectedRow> Rows)
    {
        public static ExpectedRows Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            var labelColumn = Array.IndexOf(header, "label");
            var labels = header[(labelColumn + 1)..].Select(h => h["p:".Length..]).ToArray();
            var rows = new List<ExpectedRow>();
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var cells = line.Split(',');
                rows.Add(new ExpectedRow(
                    [.. cells[..labelColumn].Select(v => float.Parse(v, CultureInfo.InvariantCulture))],
                    cells[labelColumn],
                    [.. cells[(labelColumn + 1)..].Select(v => double.Parse(v, CultureInfo.InvariantCulture))]));
            }

            return new ExpectedRows(labels, rows);
        }
    }
}

/// <summary>Runs train_and_export.py once for all the interop tests (it trains three models) into a temp folder.</summary>
public sealed class ScikitLearnModels : IDisposable
{
    private readonly Lazy<string> _folder;
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-sklearn-").FullName;

    public ScikitLearnModels() => _folder = new Lazy<string>(Export);

    /// <summary>The folder holding NAME.onnx and NAME.expected.csv; exported on first use, so skipped tests never run Python.</summary>
    public string Folder => _folder.Value;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Export()
    {
        var script = Path.Combine(RepositoryRoot(), "samples", "interop", "scikit-learn", "train_and_export.py");
        using var process = Process.Start(new ProcessStartInfo(ScikitLearnTheoryAttribute.Python, [script, _work])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"train_and_export.py exited {process.ExitCode}: {stderr.Result}");
        return _work;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found above " + AppContext.BaseDirectory);
    }

}

/// <summary>
/// Needs ONNX Runtime and a Python with scikit-learn and onnx (Debian's /usr/bin/python3 with python3-sklearn and
/// python3-onnx, or HYBRIDAI_SKLEARN_PYTHON); skipped with the reason when missing, except under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ScikitLearnTheoryAttribute : TheoryAttribute
{
    public ScikitLearnTheoryAttribute()
    {
        var ortSkip = OnnxRuntimeAvailability.SkipReason();
        if (ortSkip is not null)
        {
            Skip = ortSkip;
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!CanImport())
        {
            Skip = $"{Python} cannot import sklearn and onnx (apt-get install python3-sklearn python3-onnx, or set HYBRIDAI_SKLEARN_PYTHON); set CI=true to make this a failure.";
        }
    }

    public static string Python => Environment.GetEnvironmentVariable("HYBRIDAI_SKLEARN_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private static bool CanImport()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import sklearn, onnx"]) { RedirectStandardError = true })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
