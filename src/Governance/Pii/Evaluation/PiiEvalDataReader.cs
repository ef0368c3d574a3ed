using System.Globalization;
using System.Text.Json;

namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>
/// Reads a PII evaluation set in JSON Lines, one record a line:
/// <c>{"text": "...", "spans": [{"type": "EMAIL", "start": 10, "end": 27}]}</c> (character offsets, <c>end</c>
/// exclusive). Records are read one at a time, so a file of any size streams. Blank lines are skipped; any other
/// field is ignored. A span's type may be any name: types the detector does not know are reported on their own row.
/// </summary>
/// <example>
/// <code>
/// foreach (PiiLabelledText record in PiiEvalDataReader.Read("data/pii-eval/pii-eval.jsonl"))
///     Console.WriteLine($"line {record.Line}: {record.Spans.Count} spans");
/// </code>
/// </example>
public static class PiiEvalDataReader
{
    /// <summary>Reads the records of the file at <paramref name="path"/>, lazily.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (thrown on the first read).</exception>
    /// <exception cref="PiiEvalDataException">A record is malformed (thrown when it is reached).</exception>
    public static IEnumerable<PiiLabelledText> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadFile(path);
    }

    /// <summary>Reads records from <paramref name="reader"/>, lazily; <paramref name="fileName"/> names the source in errors.</summary>
    public static IEnumerable<PiiLabelledText> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadLines(reader, fileName);
    }

    private static IEnumerable<PiiLabelledText> ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"PII evaluation file {path} does not exist.", path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var record in ReadLines(reader, path))
            yield return record;
    }

    private static IEnumerable<PiiLabelledText> ReadLines(TextReader reader, string fileName)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return Parse(line, fileName, lineNumber);
        }
    }

    private static PiiLabelledText Parse(string line, string fileName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            // JsonException's message can quote a character of the record, so only its position is kept (and no inner exception).
            throw new PiiEvalDataException(fileName, lineNumber, "(record)",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not valid JSON (at byte {e.BytePositionInLine ?? 0})"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new PiiEvalDataException(fileName, lineNumber, "(record)", $"expected a JSON object, found {Kind(root)}");
            if (!root.TryGetProperty("text", out var textElement))
                throw new PiiEvalDataException(fileName, lineNumber, "text", "missing");
            if (textElement.ValueKind != JsonValueKind.String)
                throw new PiiEvalDataException(fileName, lineNumber, "text", $"expected a string, found {Kind(textElement)}");
            var text = textElement.GetString()!;
            if (!root.TryGetProperty("spans", out var spansElement))
                throw new PiiEvalDataException(fileName, lineNumber, "spans", "missing (use [] for a text without personal data)");
            if (spansElement.ValueKind != JsonValueKind.Array)
                throw new PiiEvalDataException(fileName, lineNumber, "spans", $"expected an array, found {Kind(spansElement)}");

            var spans = new PiiSpan[spansElement.GetArrayLength()];
            var i = 0;
            foreach (var span in spansElement.EnumerateArray())
            {
                spans[i] = ParseSpan(span, text.Length, fileName, lineNumber, i);
                i++;
            }

            return new PiiLabelledText(text, spans, lineNumber);
        }
    }

    private static PiiSpan ParseSpan(JsonElement span, int textLength, string fileName, int lineNumber, int index)
    {
        var field = "spans[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (span.ValueKind != JsonValueKind.Object)
            throw new PiiEvalDataException(fileName, lineNumber, field, $"expected an object, found {Kind(span)}");
        if (!span.TryGetProperty("type", out var typeElement))
            throw new PiiEvalDataException(fileName, lineNumber, field + ".type", "missing");
        if (typeElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(typeElement.GetString()))
            throw new PiiEvalDataException(fileName, lineNumber, field + ".type", "expected a non-empty string such as \"EMAIL\"");
        var start = Offset(span, "start", field, fileName, lineNumber);
        var end = Offset(span, "end", field, fileName, lineNumber);
        if (start >= end)
            throw new PiiEvalDataException(fileName, lineNumber, field, $"start {start} is not before end {end} (end is exclusive)");
        if (end > textLength)
            throw new PiiEvalDataException(fileName, lineNumber, field + ".end", $"{end} is beyond the text, which has {textLength} characters");
        return new PiiSpan(typeElement.GetString()!, start, end);
    }

    private static int Offset(JsonElement span, string name, string field, string fileName, int lineNumber)
    {
        if (!span.TryGetProperty(name, out var element))
            throw new PiiEvalDataException(fileName, lineNumber, field + "." + name, "missing");
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
            throw new PiiEvalDataException(fileName, lineNumber, field + "." + name, "expected a whole number");
        if (value < 0)
            throw new PiiEvalDataException(fileName, lineNumber, field + "." + name, $"{value} is negative");
        return value;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
