using System.CommandLine;
using System.Globalization;
using HybridAI.Classifiers;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Validation;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai train --data FILE --label COL [--text COL [--features default|words]] [--algo lr|nb|gbdt] [--calibrate none|platt|isotonic|temperature] --out DIR</c>
/// (with <c>--algo gbdt</c> also <c>--trees N --learning-rate R --max-depth D --subsample S --feature-subsample F --min-leaf M</c>):
/// k-fold metrics (one <c>name: value</c> per line), then a model trained on all rows, written to <c>DIR/model.hai</c>
/// and as ONNX to <c>DIR/model.onnx</c>: end to end (raw columns or raw text in) where ONNX can express the featurizer,
/// else reading the featurized vector; the <c>onnx:</c> line says which.
/// </summary>
internal static class TrainCommand
{
    public const string ModelFileName = "model.hai";

    public const string OnnxFileName = "model.onnx";

    public static Command Create(IAnsiConsole console)
    {
        var data = new Option<string>("--data") { Description = "Training data: .arff or .csv (tabular), or .csv/.jsonl with --text.", Required = true };
        var label = new Option<string>("--label") { Description = "The label column.", Required = true };
        var text = new Option<string?>("--text") { Description = "The text column: trains a text classifier instead of a tabular one." };
        var algo = new Option<string>("--algo") { Description = "lr, nb (text only) or gbdt (tabular only).", DefaultValueFactory = _ => "lr" };
        algo.AcceptOnlyFromAmong("lr", "nb", "gbdt");
        var calibrate = new Option<string>("--calibrate") { Description = "Probability calibration: platt or isotonic (binary tabular), temperature (text).", DefaultValueFactory = _ => "none" };
        calibrate.AcceptOnlyFromAmong("none", "platt", "isotonic", "temperature");
        var features = new Option<string>("--features")
        {
            Description = "Text features: default (hashed words and character n-grams, accents folded) or words (a word 1-2 gram vocabulary, accents kept, which ONNX runs end to end).",
            DefaultValueFactory = _ => "default",
        };
        features.AcceptOnlyFromAmong("default", "words");
        var positive = new Option<string?>("--positive") { Description = "The positive label of a binary task (default: the rarer label)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write model.hai to.", Required = true };
        var boosting = new BoostingFlags();
        var command = new Command("train", "Train a classifier, print k-fold metrics and write the model.")
        {
            data, label, text, features, algo, calibrate, positive, folds, seed, output,
        };
        foreach (var option in boosting.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var request = new TrainRequest(parse.GetRequiredValue(data), parse.GetRequiredValue(label), parse.GetValue(text), parse.GetRequiredValue(features),
                parse.GetRequiredValue(algo), parse.GetRequiredValue(calibrate), parse.GetValue(positive),
                parse.GetValue(folds), parse.GetValue(seed), parse.GetRequiredValue(output), boosting.Read(parse));
            try
            {
                if (request.Algo != "gbdt" && request.Boosting.FirstGiven is { } flag)
                {
                    throw new ArgumentException($"{flag} sets gradient-boosted trees; add --algo gbdt, or leave it out.");
                }

                return request.Text is null ? TrainTabular(console, request) : TrainText(console, request);
            }
            catch (Exception e) when (e is TabularDataException or InvalidDataException or ArgumentException or FileNotFoundException or InvalidOperationException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
        });
        return command;
    }

    private sealed record TrainRequest(string Data, string Label, string? Text, string Features, string Algo, string Calibrate, string? Positive, int Folds, int Seed, string Out, BoostingFlags.Values Boosting);

    private static int TrainTabular(IAnsiConsole console, TrainRequest r)
    {
        if (r.Algo == "nb")
        {
            throw new ArgumentException("--algo nb trains text classifiers; use lr or gbdt for tabular data, or give --text COL.");
        }

        if (r.Features != "default")
        {
            throw new ArgumentException("--features chooses text features; give --text COL, or leave it out for tabular data.");
        }

        if (r.Calibrate == "temperature")
        {
            throw new ArgumentException("--calibrate temperature calibrates text classifiers; use platt or isotonic for tabular data, or give --text COL.");
        }

        // Before reading the data: a bad flag should not wait for a large file.
        ITabularTrainer trainer = r.Algo == "gbdt"
            ? new GradientBoostingTrainer(r.Boosting.ToOptions(r.Seed))
            : new TabularLogisticRegressionTrainer();
        var data = Path.GetExtension(r.Data).ToLowerInvariant() switch
        {
            ".arff" => ArffReader.ReadFile(r.Data, r.Label),
            ".csv" => CsvTableReader.ReadFile(r.Data, r.Label),
            _ => throw new ArgumentException($"{r.Data}: tabular training reads .arff or .csv files."),
        };
        if (r.Calibrate != "none")
        {
            trainer = new CalibratedTrainer(trainer, r.Calibrate == "platt" ? CalibrationMethod.Platt : CalibrationMethod.Isotonic, r.Folds, r.Seed);
        }

        var labels = data.Labels();
        var positive = r.Positive ?? RarestLabel(labels);
        var cv = TabularCrossValidation.KFold(data, trainer, positive, r.Folds, r.Seed);
        var ci = CultureInfo.InvariantCulture;
        console.WriteLine($"rows: {data.RowCount}");
        console.WriteLine($"positive_label: {positive}");
        console.WriteLine(string.Create(ci, $"roc_auc: {cv.MeanRocAuc:F4}"));
        console.WriteLine(string.Create(ci, $"pr_auc: {cv.MeanAveragePrecision:F4}"));
        console.WriteLine(string.Create(ci, $"accuracy: {cv.MeanAccuracy:F4}"));
        console.WriteLine(string.Create(ci, $"log_loss: {cv.MeanLogLoss:F4}"));
        console.WriteLine(string.Create(ci, $"ece: {cv.MeanExpectedCalibrationError:F4}"));

        var model = trainer.Train(data);
        Write(console, r.Out, model.Save);
        if (model.Calibrator is IsotonicCalibrator)
        {
            console.WriteLine("onnx: not written (isotonic calibration has no ONNX form yet; use --calibrate platt or none)");
        }
        else
        {
            // Scaling, one-hot and the model in one graph: one input per column, so the file runs anywhere ONNX Runtime does.
            var onnx = Path.Combine(r.Out, OnnxFileName);
            File.WriteAllBytes(onnx, OnnxExporter.ExportEndToEnd(model));
            console.WriteLine($"onnx: {onnx} (input: one tensor per column, end to end)");
        }

        return 0;
    }

    private static int TrainText(IAnsiConsole console, TrainRequest r)
    {
        if (r.Algo == "gbdt")
        {
            throw new ArgumentException("--algo gbdt trains tabular classifiers; use lr or nb with --text.");
        }

        if (r.Calibrate is "platt" or "isotonic")
        {
            throw new ArgumentException($"--calibrate {r.Calibrate} calibrates binary tabular models; text classifiers use --calibrate temperature.");
        }

        var examples = TextExamples.Read(r.Data, r.Text!, r.Label);
        var options = new TextClassifierTrainingOptions
        {
            Algorithm = r.Algo == "nb" ? TextClassifierAlgorithm.NaiveBayes : TextClassifierAlgorithm.LogisticRegression,
            Featurizer = r.Features == "words"
                ? new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, CharNGramMax = 0, FoldAccents = false }
                : new TextFeaturizerOptions(),
        };
        // Temperature scaling never changes a label, so the k-fold label metrics need not pay for nested calibration.
        var cv = CrossValidation.KFold(examples, options.CreateTrainer(), r.Folds, r.Seed);
        var ci = CultureInfo.InvariantCulture;
        console.WriteLine($"rows: {examples.Count}");
        console.WriteLine(string.Create(ci, $"macro_f1: {cv.MeanMacroF1:F4}"));
        console.WriteLine(string.Create(ci, $"accuracy: {cv.MeanAccuracy:F4}"));
        var model = TextClassifier.Train(examples, r.Calibrate == "temperature"
            ? options with { Calibration = TextCalibration.Temperature, CalibrationFolds = r.Folds, CalibrationSeed = r.Seed }
            : options);
        if (r.Calibrate == "temperature")
        {
            console.WriteLine(string.Create(ci, $"temperature: {model.Temperature:F4}"));
        }

        Write(console, r.Out, model.Save);
        var onnx = Path.Combine(r.Out, OnnxFileName);
        if (OnnxExporter.CanExportEndToEnd(model, out var reason))
        {
            File.WriteAllBytes(onnx, OnnxExporter.ExportEndToEnd(model));
            console.WriteLine($"onnx: {onnx} (input: {OnnxExporter.TextInput} string[N], end to end)");
        }
        else
        {
            // Still useful to hosts that featurize themselves; the reason tells how to get an end-to-end file.
            File.WriteAllBytes(onnx, OnnxExporter.Export(model));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"onnx: {onnx} (input: {OnnxExporter.FeaturesInput} float[N,{model.Featurizer.Dimension}])"));
            console.WriteLine($"onnx_not_end_to_end: {reason} From the CLI: train with --features words.");
        }

        return 0;
    }

    private static string RarestLabel(string[] labels) =>
        labels.GroupBy(l => l, StringComparer.Ordinal).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static void Write(IAnsiConsole console, string folder, Action<Stream> save)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ModelFileName);
        using (var file = File.Create(path))
        {
            save(file);
        }

        console.WriteLine($"model: {path}");
    }
}
