using System.CommandLine;
using System.Globalization;
using System.Text;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai predict --model DIR|model.hai|model.onnx --data FILE [--text COL] --out scores.csv</c>: one row per input
/// with the predicted label and each label's probability. A .onnx model runs in ONNX Runtime: an end-to-end text graph
/// reads the <c>--text</c> column, one reading table columns gets them by name.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model") { Description = "A folder written by 'hybridai train', its model.hai, or an end-to-end .onnx classifier.", Required = true };
        var data = new Option<string>("--data") { Description = "Rows to score: .arff/.csv for tabular models, .csv/.jsonl with --text for text models.", Required = true };
        var text = new Option<string?>("--text") { Description = "The text column (text models).", DefaultValueFactory = _ => "text" };
        var output = new Option<string>("--out") { Description = "CSV file to write the scores to.", Required = true };
        var command = new Command("predict", "Score rows with a trained model.") { model, data, text, output };
        command.SetAction(parse =>
        {
            try
            {
                var path = ModelPath(parse.GetRequiredValue(model));
                var rows = Score(path, parse.GetRequiredValue(data), parse.GetValue(text) ?? "text", out var labels);
                WriteCsv(parse.GetRequiredValue(output), labels, rows);
                console.WriteLine($"scored: {rows.Count}");
                console.WriteLine($"scores: {parse.GetRequiredValue(output)}");
                return 0;
            }
            catch (Exception e) when (e is TabularDataException or ModelFormatException or InvalidDataException or ArgumentException or FileNotFoundException
                or OnnxRuntimeException or InvalidOperationException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (DllNotFoundException e)
            {
                // Not the user's input at fault: ONNX Runtime itself is missing.
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return 1;
            }
        });
        return command;
    }

    private static string ModelPath(string value)
    {
        var path = Directory.Exists(value) ? Path.Combine(value, TrainCommand.ModelFileName) : value;
        return File.Exists(path) ? path : throw new FileNotFoundException($"Model not found: {path}", path);
    }

    private static List<Classification> Score(string modelPath, string dataPath, string textColumn, out IReadOnlyList<string> labels)
    {
        if (Path.GetExtension(modelPath).Equals(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            return ScoreOnnx(modelPath, dataPath, textColumn, out labels);
        }

        var magic = new byte[8];
        using (var file = File.OpenRead(modelPath))
        {
            file.ReadExactly(magic);
        }

        var kind = Encoding.ASCII.GetString(magic);
        if (kind == "HAITABCL")
        {
            TabularClassifier classifier;
            using (var file = File.OpenRead(modelPath))
            {
                classifier = TabularClassifier.Load(file);
            }

            var data = ReadTable(dataPath);
            labels = classifier.Labels;
            var results = new List<Classification>(data.RowCount);
            for (var i = 0; i < data.RowCount; i++)
            {
                results.Add(classifier.Classify(data.Row(i), topFeatures: 0));
            }

            return results;
        }

        if (kind == "HAITXTCL")
        {
            TextClassifier classifier;
            using (var file = File.OpenRead(modelPath))
            {
                classifier = TextClassifier.Load(file);
            }

            labels = classifier.Labels;
            // Labels are not needed to score; read the text column only.
            var texts = TextExamples.ReadTexts(dataPath, textColumn);
            return [.. texts.Select(t => classifier.Classify(t, 0))];
        }

        throw new InvalidDataException($"{modelPath} is not a HybridAI model file (expected a file written by 'hybridai train').");
    }

    /// <summary>
    /// Scores through <see cref="OnnxClassifier"/>: a graph whose one input is a string vector reads texts, any other
    /// reads table columns by name; a featurized-vector graph is refused with a message saying so.
    /// </summary>
    private static List<Classification> ScoreOnnx(string modelPath, string dataPath, string textColumn, out IReadOnlyList<string> labels)
    {
        OnnxClassifier loaded;
        try
        {
            loaded = OnnxClassifier.FromFile(modelPath);
        }
        catch (Exception e) when (e is OnnxFormatException or OnnxRuntimeException)
        {
            throw new InvalidDataException($"{modelPath} is not a valid ONNX model: {e.Message}", e);
        }

        using var classifier = loaded;
        labels = classifier.Labels;
        var inputs = classifier.Inputs;
        var readsText = inputs.Count == 1 && inputs[0].ElementType == OnnxElementType.String
            && (inputs[0].Shape.Length == 1 || !IsTable(dataPath));
        if (readsText || !IsTable(dataPath))
        {
            // A model that does not read text says what it expects instead.
            return [.. classifier.ClassifyTexts(TextExamples.ReadTexts(dataPath, textColumn))];
        }

        return [.. classifier.Classify(ReadTable(dataPath))];
    }

    private static bool IsTable(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".arff" or ".csv";

    private static TabularData ReadTable(string path) =>
        Path.GetExtension(path).Equals(".arff", StringComparison.OrdinalIgnoreCase)
            ? ArffReader.ReadFile(path)
            : CsvTableReader.ReadFile(path);

    private static void WriteCsv(string path, IReadOnlyList<string> labels, List<Classification> rows)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("row,label," + string.Join(',', labels.Select(l => Quote("p_" + l))));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{Quote(r.Label)},") +
                string.Join(',', r.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))));
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
