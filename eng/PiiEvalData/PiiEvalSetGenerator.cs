using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>
/// Generates the PII evaluation set (data/pii-eval/pii-eval.jsonl) deterministically from the evaluation-split source
/// lists and the templates of <see cref="Templates"/>: the same seed and sources give byte-identical output.
/// </summary>
public static class PiiEvalSetGenerator
{
    public const int DefaultSeed = 20261203;
    public const int DefaultCount = 2400;

    /// <summary>Share of records (percent) taken from the negatives, which hold no personal data.</summary>
    public const int NegativePercent = 12;

    /// <summary>Share of records (percent) made of two templates of the same language, for longer texts.</summary>
    public const int TwoTemplatePercent = 20;

    public static IReadOnlyList<GeneratedRecord> Generate(SourceLists sources, int seed = DefaultSeed, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var records = new List<GeneratedRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var r = SeededRandom.For(seed, 1, (ulong)i);
            var negative = r.Chance(NegativePercent);
            var (locale, template) = negative ? r.Pick(Templates.Negatives) : r.Pick(Templates.All);
            if (!negative && r.Chance(TwoTemplatePercent))
            {
                // A second template of the same language after a blank line: a thread with a reply.
                var sameLanguage = Templates.All.Where(t => t.Locale == locale && t.Text != template).ToArray();
                template += "\n\n" + r.Pick(sameLanguage).Text;
            }
            var values = new PiiValues(sources, r, locale);
            var (text, spans) = RecordComposer.Fill(template, values);
            records.Add(new GeneratedRecord("pii-" + (i + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), locale, text, spans, values.SourceValuesUsed));
        }
        return records;
    }

    /// <summary>The JSON Lines file: UTF-8 without BOM, \n line ends.</summary>
    public static byte[] Serialize(IReadOnlyList<GeneratedRecord> records)
    {
        var sb = new StringBuilder(records.Count * 400);
        foreach (var record in records)
            JsonLine.Append(sb, record);
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    /// <summary>Generates from <c>{dataDirectory}/sources</c> and writes <c>{dataDirectory}/pii-eval.jsonl</c>.</summary>
    public static IReadOnlyList<GeneratedRecord> WriteTo(string dataDirectory, int seed = DefaultSeed)
    {
        var records = Generate(SourceLists.Load(Path.Combine(dataDirectory, "sources")), seed);
        File.WriteAllBytes(Path.Combine(dataDirectory, "pii-eval.jsonl"), Serialize(records));
        return records;
    }
}
