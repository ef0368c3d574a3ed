using System.Text.Json;
using HybridAI.Classifiers.Data;

namespace HybridAI.Cli.Commands;

/// <summary>Reads (text, label) pairs for text training from a CSV or JSONL file.</summary>
internal static class TextExamples
{
    public static List<(string Text, string Label)> Read(string path, string textColumn, string labelColumn)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Training data not found: {path}", path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => FromJsonLines(path, (row, line) => (Field(row, textColumn, path, line), Field(row, labelColumn, path, line))),
            ".csv" => FromCsv(path, textColumn, labelColumn),
            _ => throw new ArgumentException($"{path}: text training reads .csv or .jsonl files."),
        };
    }

    /// <summary>Only the text column, for scoring (rows need no label).</summary>
    public static List<string> ReadTexts(string path, string textColumn)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data not found: {path}", path);
        }

        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var data = CsvTableReader.ReadFile(path);
            return data.TryGetColumn(textColumn, out var column)
                ? [.. column.Categories.ToArray().Select(t => t ?? "")]
                : throw new ArgumentException($"{Path.GetFileName(path)}: no text column '{textColumn}'.");
        }

        return FromJsonLines(path, (row, line) => Field(row, textColumn, path, line));
    }

    private static List<(string Text, string Label)> FromCsv(string path, string textColumn, string labelColumn)
    {
        var data = CsvTableReader.ReadFile(path, labelColumn);
        if (!data.TryGetColumn(textColumn, out var text) || text.Categories.IsEmpty && data.RowCount > 0)
        {
            throw new ArgumentException($"{Path.GetFileName(path)}: no text column '{textColumn}'.");
        }

        var labels = data.Labels();
        var texts = text.Categories;
        var examples = new List<(string, string)>(data.RowCount);
        for (var i = 0; i < data.RowCount; i++)
        {
            examples.Add((texts[i] ?? "", labels[i]));
        }

        return examples;
    }

    /// <summary>One <typeparamref name="T"/> per non-blank line; a line that is not JSON fails with file and line only (its text may hold personal data).</summary>
    private static List<T> FromJsonLines<T>(string path, Func<JsonElement, int, T> map)
    {
        var rows = new List<T>();
        var line = 0;
        foreach (var json in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(json);
                rows.Add(map(doc.RootElement, line));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: not valid JSON (byte {e.BytePositionInLine ?? 0}).", e);
            }
        }

        return rows;
    }

    private static string Field(JsonElement row, string name, string path, int line) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: missing string field '{name}'.");
}
