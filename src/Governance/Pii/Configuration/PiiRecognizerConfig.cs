using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HybridAI.Governance.Pii.Configuration;

/// <summary>
/// Custom recognizers declared in JSON, for identifiers of your own (order ids, member numbers, internal codes):
/// <c>{"recognizers": [{"name", "type", "pattern", "validator", "context", "score", "flags", "timeoutMs"}]}</c>
/// (or the array alone). <c>validator</c> is <c>none</c> (default), <c>luhn</c> or <c>mod97</c> (IBAN-style, spaces
/// ignored); <c>flags</c> are <c>ignoreCase</c>, <c>multiline</c>, <c>singleline</c>, <c>ignorePatternWhitespace</c>;
/// <c>timeoutMs</c> bounds one match (default 1000). Every mistake is reported with the recognizer, the field and the line.
/// </summary>
/// <example>
/// <code>
/// // recognizers.json: {"recognizers": [{"name": "member-id", "type": "MEMBER_ID", "pattern": "\\bMB-\\d{7}\\b",
/// //                                   "context": ["member", "adhérent"], "score": 0.7}]}
/// var detector = new PiiDetector([.. PiiRecognizers.All(), .. PiiRecognizerConfig.Load("recognizers.json")]);
/// </code>
/// </example>
public static class PiiRecognizerConfig
{
    /// <summary>Reads the recognizers of a JSON file.</summary>
    /// <exception cref="PiiRecognizerConfigException">A definition is wrong (names recognizer, field, file and line).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<IPiiRecognizer> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads recognizers from JSON text.</summary>
    /// <param name="json">The definitions.</param>
    /// <param name="source">A name for error messages (a file path); null for inline text.</param>
    /// <exception cref="PiiRecognizerConfigException">A definition is wrong.</exception>
    public static IReadOnlyList<IPiiRecognizer> Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var lines = new LineIndex(bytes);
        var definitions = new List<Definition>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var found = false;
                while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var property = reader.GetString();
                    Read(ref reader);
                    if (property == "recognizers")
                    {
                        found = true;
                        ReadArray(ref reader, definitions, lines, source);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                if (!found)
                    throw new PiiRecognizerConfigException(At(source, 1) + "the top-level object has no \"recognizers\" array.", null, "recognizers", source, 1);
            }
            else
            {
                ReadArray(ref reader, definitions, lines, source);
            }
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            // JsonException's message can quote the file's text, so only the position is reported.
            throw new PiiRecognizerConfigException($"{At(source, line)}invalid JSON (at byte {ex.BytePositionInLine ?? 0} of the line)", null, null, source, line);
        }

        var recognizers = new List<IPiiRecognizer>(definitions.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            if (!names.Add(d.Name!))
                throw d.Error("name", $"the name '{d.Name}' is used by another recognizer of this file.");
            recognizers.Add(d.Build());
        }
        return recognizers;
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("Unexpected end of JSON.");
        return true;
    }

    private static void ReadArray(ref Utf8JsonReader reader, List<Definition> definitions, LineIndex lines, string? source)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var line = lines.LineOf(reader.TokenStartIndex);
            throw new PiiRecognizerConfigException(At(source, line) + "\"recognizers\" must be an array of objects.", null, "recognizers", source, line);
        }
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var d = new Definition(definitions.Count, source, lines.LineOf(reader.TokenStartIndex));
            if (reader.TokenType != JsonTokenType.StartObject)
                throw d.Error(null, "each recognizer must be a JSON object.");
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.GetString()!;
                var line = lines.LineOf(reader.TokenStartIndex);
                Read(ref reader);
                d.Set(field, ref reader, line);
            }
            definitions.Add(d);
        }
    }

    internal static string At(string? source, int? line) =>
        source is null ? (line is { } l ? string.Create(CultureInfo.InvariantCulture, $"line {l}: ") : "")
            : line is { } n ? string.Create(CultureInfo.InvariantCulture, $"{source}({n}): ") : $"{source}: ";

    /// <summary>Line numbers from byte offsets (the JSON reader only gives offsets).</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                    _starts.Add(i + 1);
            }
        }

        public int LineOf(long offset)
        {
            var i = _starts.BinarySearch(offset);
            return (i >= 0 ? i : ~i - 1) + 1;
        }
    }

    /// <summary>One recognizer as written, with the line of each field for error messages.</summary>
    private sealed class Definition(int index, string? source, int line)
    {
        private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
        private string? _type;
        private string? _pattern;
        private string _validator = "none";
        private List<string> _context = [];
        private double _score = 0.8;
        private RegexOptions _options;
        private double _timeoutMs = 1000;

        public string? Name { get; private set; }

        private string Label => Name is null ? string.Create(CultureInfo.InvariantCulture, $"recognizers[{index}]") : Name;

        public PiiRecognizerConfigException Error(string? field, string problem)
        {
            var at = field is not null && _lines.TryGetValue(field, out var l) ? l : line;
            var what = field is null ? $"recognizer '{Label}'" : $"recognizer '{Label}', field '{field}'";
            return new PiiRecognizerConfigException($"{At(source, at)}{what}: {problem}", Label, field, source, at);
        }

        public void Set(string field, ref Utf8JsonReader reader, int fieldLine)
        {
            _lines[field] = fieldLine;
            switch (field)
            {
                case "name":
                    Name = String(ref reader, field);
                    break;
                case "type":
                    _type = String(ref reader, field);
                    break;
                case "pattern":
                    _pattern = String(ref reader, field);
                    break;
                case "validator":
                    _validator = String(ref reader, field).ToLowerInvariant();
                    break;
                case "context":
                    _context = Strings(ref reader, field);
                    break;
                case "score":
                    _score = Number(ref reader, field);
                    break;
                case "timeoutMs":
                    _timeoutMs = Number(ref reader, field);
                    break;
                case "flags":
                    foreach (var flag in Strings(ref reader, field))
                    {
                        _options |= flag.ToLowerInvariant() switch
                        {
                            "ignorecase" => RegexOptions.IgnoreCase,
                            "multiline" => RegexOptions.Multiline,
                            "singleline" => RegexOptions.Singleline,
                            "ignorepatternwhitespace" => RegexOptions.IgnorePatternWhitespace,
                            "explicitcapture" => RegexOptions.ExplicitCapture,
                            _ => throw Error(field, $"unknown flag '{flag}'; use ignoreCase, multiline, singleline, ignorePatternWhitespace or explicitCapture."),
                        };
                    }
                    break;
                default:
                    throw Error(field, "unknown field; the fields are name, type, pattern, validator, context, score, flags, timeoutMs.");
            }
        }

        public RegexRecognizer Build()
        {
            if (string.IsNullOrWhiteSpace(Name))
                throw Error("name", "a name is required.");
            if (string.IsNullOrWhiteSpace(_type))
                throw Error("type", "a type is required (e.g. \"MEMBER_ID\").");
            if (string.IsNullOrEmpty(_pattern))
                throw Error("pattern", "a pattern is required.");
            if (_score is < 0 or > 1 || double.IsNaN(_score))
                throw Error("score", "must be between 0 and 1.");
            if (_timeoutMs is <= 0 or > 60_000 || double.IsNaN(_timeoutMs))
                throw Error("timeoutMs", "must be between 1 and 60000 milliseconds.");
            Func<ReadOnlySpan<char>, bool>? validator = _validator switch
            {
                "none" => null,
                "luhn" => Checksums.Luhn,
                "mod97" => Mod97,
                _ => throw Error("validator", $"unknown validator '{_validator}'; use luhn, mod97 or none."),
            };
            try
            {
                return new RegexRecognizer(Name, _type, _pattern, validator, _context, _score, _options, TimeSpan.FromMilliseconds(_timeoutMs));
            }
            catch (ArgumentException ex)
            {
                // RegexRecognizer names the recognizer; the field and line are added here.
                throw new PiiRecognizerConfigException($"{At(source, _lines.GetValueOrDefault("pattern", line))}recognizer '{Name}', field 'pattern': {ex.Message}",
                    Name, "pattern", source, _lines.GetValueOrDefault("pattern", line), ex);
            }
        }

        private static bool Mod97(ReadOnlySpan<char> value)
        {
            Span<char> compact = stackalloc char[Math.Min(value.Length, 64)];
            var n = 0;
            foreach (var c in value)
            {
                if (c == ' ')
                    continue;
                if (n == compact.Length)
                    return false;
                compact[n++] = c;
            }
            return n > 4 && Checksums.IbanMod97(compact[..n]);
        }

        private string String(ref Utf8JsonReader reader, string field) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Error(field, "must be a string.");

        private double Number(ref Utf8JsonReader reader, string field) =>
            reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw Error(field, "must be a number.");

        private List<string> Strings(ref Utf8JsonReader reader, string field)
        {
            if (reader.TokenType == JsonTokenType.String)
                return [reader.GetString()!];
            if (reader.TokenType != JsonTokenType.StartArray)
                throw Error(field, "must be an array of strings.");
            var values = new List<string>();
            while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                    throw Error(field, "must be an array of strings.");
                values.Add(reader.GetString()!);
            }
            return values;
        }
    }
}
