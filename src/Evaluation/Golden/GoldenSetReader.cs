using System.Text;
using System.Text.Json;

namespace HybridAI.Evaluation.Golden;

/// <summary>
/// Streams the examples of a golden-set file, checking each one as it is read: JSONL (a header line, then one
/// record per line) or CSV (a header row of column names). Errors name the file, the line and the field and never
/// quote a record's content. Ids must be unique.
/// </summary>
/// <remarks>
/// <para>JSONL: the first line is <c>{"golden_set": "ticket-triage", "version": "3"}</c>; each further line is
/// <c>{"id": "t-1", "input": "text" or {…}, "expected": {"label", "reference_answer", "required_facts": […],
/// "required_citations": […], "forbidden": […]}, "group": "…", "stratum": "…"}</c>. Any other top-level string,
/// number or boolean field is kept as a tag. Blank lines are skipped.</para>
/// <para>CSV: columns <c>id</c>, <c>input</c> (read as text), <c>expected_label</c>, <c>expected_reference_answer</c>,
/// <c>expected_required_facts</c>, <c>expected_required_citations</c>, <c>expected_forbidden</c> (lists separated by
/// <c>|</c>), any other column a tag. An empty cell is an absent field. CSV has no header line, so the set's name and
/// version are given by the caller.</para>
/// </remarks>
/// <example>
/// <code>
/// using var reader = GoldenSetReader.OpenJsonl("golden/tickets.jsonl", required: GoldenFields.Label);
/// foreach (GoldenExample example in reader.ReadExamples())
///     Console.WriteLine($"{example.Id}: {example.Expected.Label}");
/// </code>
/// </example>
public sealed class GoldenSetReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _source;
    private readonly GoldenFields _required;
    private readonly bool _csv;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private int _line;
    private bool _started;

    private GoldenSetReader(TextReader reader, string source, GoldenFields required, bool csv, string? name, string? version)
    {
        _reader = reader;
        _source = source;
        _required = required;
        _csv = csv;
        if (csv)
        {
            Name = RequireText(name, nameof(name));
            Version = RequireText(version, nameof(version));
        }
        else
        {
            (Name, Version) = ReadHeader();
        }
    }

    /// <summary>The set's name (JSONL header <c>golden_set</c>, or given for CSV).</summary>
    public string Name { get; }

    /// <summary>The set's version (JSONL header <c>version</c>, or given for CSV).</summary>
    public string Version { get; }

    /// <summary>Opens a JSONL golden set and reads its header line.</summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Expected fields every record must have (see <see cref="GoldenSet.RequiredBy{TOutput}"/>).</param>
    /// <exception cref="GoldenSetFormatException">The header line is missing or malformed.</exception>
    public static GoldenSetReader OpenJsonl(string path, GoldenFields required = GoldenFields.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromJsonl(new StreamReader(path, Encoding.UTF8), Path.GetFileName(path), required);
    }

    /// <summary>Reads a JSONL golden set from <paramref name="reader"/>, which the returned reader then owns.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name errors give for it (a file name).</param>
    /// <param name="required">Expected fields every record must have.</param>
    public static GoldenSetReader FromJsonl(TextReader reader, string source, GoldenFields required = GoldenFields.None)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return new GoldenSetReader(reader, source, required, csv: false, null, null);
    }

    /// <summary>Opens a CSV golden set.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The set's name.</param>
    /// <param name="version">The set's version.</param>
    /// <param name="required">Expected fields every record must have.</param>
    public static GoldenSetReader OpenCsv(string path, string name, string version, GoldenFields required = GoldenFields.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromCsv(new StreamReader(path, Encoding.UTF8), Path.GetFileName(path), name, version, required);
    }

    /// <summary>Reads a CSV golden set from <paramref name="reader"/>, which the returned reader then owns.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name errors give for it (a file name).</param>
    /// <param name="name">The set's name.</param>
    /// <param name="version">The set's version.</param>
    /// <param name="required">Expected fields every record must have.</param>
    public static GoldenSetReader FromCsv(TextReader reader, string source, string name, string version, GoldenFields required = GoldenFields.None)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return new GoldenSetReader(reader, source, required, csv: true, name, version);
    }

    /// <summary>The examples, read lazily one record at a time; can be enumerated once.</summary>
    /// <exception cref="GoldenSetFormatException">A record is malformed (raised when that record is reached).</exception>
    public IEnumerable<GoldenExample> ReadExamples()
    {
        if (_started)
        {
            throw new InvalidOperationException("The examples of a golden-set reader can be read once.");
        }

        _started = true;
        return _csv ? ReadCsv() : ReadJsonl();
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private static string RequireText(string? value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        return value;
    }

    private GoldenSetFormatException Error(int line, string? field, string problem) => new(_source, line, field, problem);

    private (string Name, string Version) ReadHeader()
    {
        string? text;
        do
        {
            text = _reader.ReadLine();
            _line += text is null ? 0 : 1;
        }
        while (text is not null && string.IsNullOrWhiteSpace(text));

        const string Expected = "the first line must be the header {\"golden_set\": name, \"version\": version}";
        if (text is null)
        {
            throw Error(Math.Max(_line, 1), null, "the file has no records; " + Expected);
        }

        using JsonDocument document = Parse(text, _line);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("golden_set", out JsonElement name))
        {
            throw Error(_line, null, Expected);
        }

        if (name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
        {
            throw Error(_line, "golden_set", "must be a non-empty string");
        }

        if (!root.TryGetProperty("version", out JsonElement version))
        {
            throw Error(_line, "version", "missing");
        }

        string? versionText = version.ValueKind switch
        {
            JsonValueKind.String => version.GetString(),
            JsonValueKind.Number => version.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(versionText))
        {
            throw Error(_line, "version", "must be a non-empty string or a number");
        }

        return (name.GetString()!, versionText);
    }

    private JsonDocument Parse(string text, int line)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            // The parser's own message quotes the offending characters; only the position is reported.
            throw Error(line, null, $"not valid JSON (at byte {e.BytePositionInLine ?? 0})");
        }
    }

    private IEnumerable<GoldenExample> ReadJsonl()
    {
        while (_reader.ReadLine() is { } text)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using JsonDocument document = Parse(text, _line);
            yield return ReadRecord(document.RootElement, _line);
        }
    }

    private GoldenExample ReadRecord(JsonElement root, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error(line, null, "a record must be a JSON object");
        }

        string? id = null;
        JsonElement? input = null;
        GoldenExpected expected = new();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id":
                    id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                        : throw Error(line, "id", "must be a string");
                    break;
                case "input":
                    input = property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Object ? property.Value.Clone()
                        : throw Error(line, "input", "must be a string or an object");
                    break;
                case "expected":
                    expected = ReadExpected(property.Value, line);
                    break;
                default:
                    tags[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        _ => throw Error(line, property.Name, "a tag must be a string, a number or a boolean"),
                    };
                    break;
            }
        }

        return Finish(id, input, expected, tags, line);
    }

    private GoldenExpected ReadExpected(JsonElement element, int line)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(line, "expected", "must be an object");
        }

        string? label = null, answer = null;
        IReadOnlyList<string>? facts = null, citations = null, forbidden = null;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string field = "expected." + property.Name;
            switch (property.Name)
            {
                case "label":
                    label = ReadString(property.Value, line, field);
                    break;
                case "reference_answer":
                    answer = ReadString(property.Value, line, field);
                    break;
                case "required_facts":
                    facts = ReadList(property.Value, line, field);
                    break;
                case "required_citations":
                    citations = ReadList(property.Value, line, field);
                    break;
                case "forbidden":
                    forbidden = ReadList(property.Value, line, field);
                    break;
                default:
                    throw Error(line, field, "not a known field (label, reference_answer, required_facts, required_citations, forbidden)");
            }
        }

        return new GoldenExpected(label, answer, facts, citations, forbidden);
    }

    private string? ReadString(JsonElement value, int line, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw Error(line, field, "must be a string"),
    };

    private string[]? ReadList(JsonElement value, int line, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(line, field, "must be an array of strings");
        }

        var items = new string[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            items[i] = item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()) ? item.GetString()!
                : throw Error(line, $"{field}[{i}]", "must be a non-empty string");
            i++;
        }

        return items;
    }

    private GoldenExample Finish(string? id, JsonElement? input, GoldenExpected expected, Dictionary<string, string> tags, int line)
    {
        if (id is null)
        {
            throw Error(line, "id", "missing");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw Error(line, "id", "is empty");
        }

        if (input is null)
        {
            throw Error(line, "input", "missing");
        }

        GoldenFields missing = _required & ~expected.Present;
        if (missing != GoldenFields.None)
        {
            throw Error(line, FieldName(missing), "missing, and the evaluators need it");
        }

        if (!_seen.TryAdd(id, line))
        {
            throw Error(line, "id", $"duplicate of the id on line {_seen[id]}");
        }

        return new GoldenExample(id, input.Value, expected, tags);
    }

    private string FieldName(GoldenFields missing)
    {
        // Names the first missing field in the file's own spelling.
        string prefix = _csv ? "expected_" : "expected.";
        string name = (missing & (GoldenFields)(-(int)missing)) switch
        {
            GoldenFields.Label => "label",
            GoldenFields.ReferenceAnswer => "reference_answer",
            GoldenFields.RequiredFacts => "required_facts",
            GoldenFields.RequiredCitations => "required_citations",
            _ => "forbidden",
        };
        return prefix + name;
    }

    private IEnumerable<GoldenExample> ReadCsv()
    {
        var rows = new CsvRows(_reader, _source);
        if (!rows.TryRead(out List<string>? header, out int headerLine))
        {
            throw Error(1, null, "the file is empty; the first row must name the columns (id, input, expected_…)");
        }

        string[] columns = [.. header.Select(h => h.Trim())];
        int idColumn = Array.IndexOf(columns, "id"), inputColumn = Array.IndexOf(columns, "input");
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c].StartsWith("expected_", StringComparison.Ordinal) && columns[c] is not ("expected_label" or "expected_reference_answer"
                or "expected_required_facts" or "expected_required_citations" or "expected_forbidden"))
            {
                throw Error(headerLine, columns[c], "not a known column (expected_label, expected_reference_answer, expected_required_facts, expected_required_citations, expected_forbidden)");
            }

            if (Array.IndexOf(columns, columns[c]) != c)
            {
                throw Error(headerLine, columns[c], "the column appears twice");
            }
        }

        if (idColumn < 0)
        {
            throw Error(headerLine, "id", "no such column");
        }

        if (inputColumn < 0)
        {
            throw Error(headerLine, "input", "no such column");
        }

        while (rows.TryRead(out List<string>? row, out int line))
        {
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != columns.Length)
            {
                throw Error(line, null, $"the row has {row.Count} cells but the header names {columns.Length} columns");
            }

            string? label = null, answer = null;
            string[]? facts = null, citations = null, forbidden = null;
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < columns.Length; c++)
            {
                string cell = row[c];
                if (c == idColumn || c == inputColumn || cell.Length == 0)
                {
                    continue;
                }

                switch (columns[c])
                {
                    case "expected_label": label = cell; break;
                    case "expected_reference_answer": answer = cell; break;
                    case "expected_required_facts": facts = SplitList(cell); break;
                    case "expected_required_citations": citations = SplitList(cell); break;
                    case "expected_forbidden": forbidden = SplitList(cell); break;
                    default: tags[columns[c]] = cell; break;
                }
            }

            string? id = row[idColumn].Length == 0 ? null : row[idColumn];
            if (id is not null && row[inputColumn].Length == 0)
            {
                throw Error(line, "input", "is empty");
            }

            JsonElement input = JsonSerializer.SerializeToElement(row[inputColumn]);
            yield return Finish(id, input, new GoldenExpected(label, answer, facts, citations, forbidden), tags, line);
        }
    }

    private static string[] SplitList(string cell) => cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
