using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>
/// Reads the scenario's data files back. A bad line does not stop the read: it becomes a
/// <see cref="TicketDataLineError"/> naming the file and line, and the good records are still returned.
/// </summary>
/// <example>
/// <code>
/// var result = TicketDataReader.ReadTickets("data/tickets.golden.jsonl");
/// foreach (var error in result.Errors) Console.Error.WriteLine(error); // tickets.golden.jsonl:17: missing field 'category'
/// Evaluate(result.Records);
/// </code>
/// </example>
public static class TicketDataReader
{
    private static readonly string[] TicketFields = ["id", "subject", "body", "language", "category", "priority"];
    private static readonly string[] InputFields = ["id", "body"];
    private static readonly string[] PiiFields = ["ticket_id", "type", "value"];

    /// <summary>Reads everything under a <c>data/</c> folder written by <see cref="TicketDataGenerator.WriteTo"/>.</summary>
    public static TicketDataReadResult<TicketDataSet> ReadDataSet(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var train = ReadTickets(Path.Combine(directory, TicketDataFileNames.Train));
        var golden = ReadTickets(Path.Combine(directory, TicketDataFileNames.Golden));
        var pii = ReadPlantedPii(Path.Combine(directory, TicketDataFileNames.PlantedPii));
        var articles = ReadArticles(Path.Combine(directory, TicketDataFileNames.KnowledgeBaseFolder));
        var data = new TicketDataSet(null, train.Records, golden.Records, articles.Records, pii.Records);
        return new TicketDataReadResult<TicketDataSet>([data], [.. train.Errors, .. golden.Errors, .. pii.Errors, .. articles.Errors]);
    }

    /// <summary>Reads <c>tickets.train.jsonl</c> or <c>tickets.golden.jsonl</c>.</summary>
    public static TicketDataReadResult<TicketRecord> ReadTickets(string path) =>
        ReadJsonLines(path, TicketFields, root => new TicketRecord(
            Id: Text(root, "id")!,
            Subject: Text(root, "subject")!,
            Body: Text(root, "body")!,
            Language: Text(root, "language")!,
            Category: Text(root, "category")!,
            Priority: Text(root, "priority")!,
            Noise: Text(root, "noise") ?? TicketNoise.Clean,
            OtherCategory: Text(root, "other_category"),
            CustomerName: Text(root, "customer_name") ?? "",
            Channel: Text(root, "channel") ?? ""));

    /// <summary>
    /// Reads tickets given to the workflow by a user: only <c>id</c> and <c>body</c> are required; <c>subject</c>,
    /// <c>language</c>, <c>category</c> and <c>priority</c> are empty when absent (no labels = no accuracy figures).
    /// </summary>
    public static TicketDataReadResult<TicketRecord> ReadInputTickets(string path) =>
        ReadJsonLines(path, InputFields, root => new TicketRecord(
            Id: Text(root, "id")!,
            Subject: Text(root, "subject") ?? "",
            Body: Text(root, "body")!,
            Language: Text(root, "language") ?? "",
            Category: Text(root, "category") ?? "",
            Priority: Text(root, "priority") ?? "",
            Noise: Text(root, "noise") ?? TicketNoise.Clean,
            OtherCategory: Text(root, "other_category"),
            CustomerName: Text(root, "customer_name") ?? "",
            Channel: Text(root, "channel") ?? ""));

    /// <summary>Reads <c>planted-pii.jsonl</c>.</summary>
    public static TicketDataReadResult<PlantedPiiValue> ReadPlantedPii(string path) =>
        ReadJsonLines(path, PiiFields, root => new PlantedPiiValue(Text(root, "ticket_id")!, Text(root, "type")!, Text(root, "value")!));

    /// <summary>Reads every <c>KB*.md</c> article of a <c>kb/</c> folder, in file-name order.</summary>
    public static TicketDataReadResult<KnowledgeBaseArticle> ReadArticles(string kbDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kbDirectory);
        var records = new List<KnowledgeBaseArticle>();
        var errors = new List<TicketDataLineError>();
        string[] files = Directory.GetFiles(kbDirectory, "KB*.md");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            KnowledgeBaseArticle? article = ParseArticle(file, errors);
            if (article is not null)
            {
                records.Add(article);
            }
        }
        return new TicketDataReadResult<KnowledgeBaseArticle>(records, errors);
    }

    private static TicketDataReadResult<T> ReadJsonLines<T>(string path, string[] required, Func<JsonElement, T> map)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        var records = new List<T>();
        var errors = new List<TicketDataLineError>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            string? problem = null;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                JsonElement root = doc.RootElement;
                problem = Validate(root, required);
                if (problem is null)
                {
                    records.Add(map(root));
                }
            }
            catch (JsonException ex)
            {
                // The parser's own message can quote the text; say only where it broke.
                problem = "not valid JSON (byte " + (ex.BytePositionInLine ?? 0).ToString(CultureInfo.InvariantCulture) + ")";
            }
            if (problem is not null)
            {
                errors.Add(new TicketDataLineError(name, lineNumber, problem));
            }
        }
        return new TicketDataReadResult<T>(records, errors);
    }

    private static string? Validate(JsonElement root, string[] required)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "expected a JSON object";
        }
        foreach (string field in required)
        {
            if (!root.TryGetProperty(field, out JsonElement value) || value.ValueKind != JsonValueKind.String)
            {
                return "missing field '" + field + "'";
            }
            if (value.GetString()!.Length == 0)
            {
                return "empty field '" + field + "'";
            }
        }
        return null;
    }

    private static string? Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        for (int i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
            {
                i++;
            }
            sb.Append(value[i]);
        }
        return sb.ToString();
    }

    /// <summary>Front matter between "---" lines (id, category, language, title), then "# Title", then the body.</summary>
    private static KnowledgeBaseArticle? ParseArticle(string file, List<TicketDataLineError> errors)
    {
        string name = Path.GetFileName(file);
        string[] lines = File.ReadAllText(file, Encoding.UTF8).ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0] != "---")
        {
            errors.Add(new TicketDataLineError(name, 1, "expected front matter starting with '---'"));
            return null;
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 1;
        for (; i < lines.Length && lines[i] != "---"; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors.Add(new TicketDataLineError(name, i + 1, "expected 'key: value' in front matter"));
                return null;
            }
            fields[lines[i][..colon].Trim()] = Unquote(lines[i][(colon + 1)..].Trim());
        }
        if (i == lines.Length)
        {
            errors.Add(new TicketDataLineError(name, 1, "front matter is not closed with '---'"));
            return null;
        }
        foreach (string key in (string[])["id", "category", "language", "title"])
        {
            if (!fields.TryGetValue(key, out string? v) || v.Length == 0)
            {
                errors.Add(new TicketDataLineError(name, 1, "missing front matter field '" + key + "'"));
                return null;
            }
        }
        // Skip blank lines and the "# Title" heading, which repeats the title.
        int bodyStart = i + 1;
        while (bodyStart < lines.Length && (lines[bodyStart].Length == 0 || lines[bodyStart].StartsWith("# ", StringComparison.Ordinal)))
        {
            bodyStart++;
        }
        string markdown = string.Join('\n', lines[bodyStart..]).TrimEnd('\n') + "\n";
        string stem = Path.GetFileNameWithoutExtension(file);
        string slug = stem.StartsWith(fields["id"] + "-", StringComparison.Ordinal) ? stem[(fields["id"].Length + 1)..] : stem;
        return new KnowledgeBaseArticle(fields["id"], slug, fields["category"], fields["language"], fields["title"], markdown);
    }
}
