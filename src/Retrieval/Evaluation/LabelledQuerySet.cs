using System.Globalization;
using System.Text.Json;

namespace HybridAI.Retrieval.Evaluation;

/// <summary>
/// Reads a labelled query set from JSON Lines, one query per line:
/// <c>{"query": "charged twice", "relevant": ["KB002", "KB005"]}</c> or, graded,
/// <c>{"query": "charged twice", "relevant": {"KB002": 2, "KB005": 1}}</c>. Blank lines are skipped.
/// </summary>
/// <example>
/// <code>
/// var queries = LabelledQuerySet.ReadJsonl("queries.jsonl");
/// var report = await RetrievalEvaluator.EvaluateAsync(index, queries, SearchMode.Hybrid);
/// Console.WriteLine($"recall@10 {report.RecallAtK:F3}  MRR {report.MeanReciprocalRank:F3}  nDCG@10 {report.NdcgAt10:F3}");
/// </code>
/// </example>
public static class LabelledQuerySet
{
    /// <summary>Reads every query of the file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is not a valid labelled query; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledQuery> ReadJsonl(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Labelled query set not found: {path}", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads every query from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static IReadOnlyList<LabelledQuery> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var queries = new List<LabelledQuery>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                queries.Add(Parse(line));
            }
            catch (JsonException e)
            {
                throw Error(name, lineNumber, $"invalid JSON ({e.Message})");
            }
            catch (FormatException e)
            {
                throw Error(name, lineNumber, e.Message);
            }
        }

        return queries;
    }

    private static LabelledQuery Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object");
        }

        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString()))
        {
            throw new FormatException("field 'query' is missing or not a non-empty string");
        }

        if (!root.TryGetProperty("relevant", out var relevant))
        {
            throw new FormatException("field 'relevant' is missing");
        }

        var grades = new Dictionary<string, double>(StringComparer.Ordinal);
        switch (relevant.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var id in relevant.EnumerateArray())
                {
                    if (id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
                    {
                        throw new FormatException("field 'relevant' must hold non-empty id strings");
                    }

                    grades[id.GetString()!] = 1;
                }

                break;
            case JsonValueKind.Object:
                foreach (var entry in relevant.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetDouble(out double grade) || grade <= 0 || !double.IsFinite(grade))
                    {
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                            $"field 'relevant' grade of '{entry.Name}' must be a positive number"));
                    }

                    grades[entry.Name] = grade;
                }

                break;
            default:
                throw new FormatException("field 'relevant' must be an array of ids or an object of id → grade");
        }

        if (grades.Count == 0)
        {
            throw new FormatException("field 'relevant' is empty");
        }

        return new LabelledQuery(query.GetString()!, grades);
    }

    private static InvalidDataException Error(string name, int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}({line}): {what}"));
}
