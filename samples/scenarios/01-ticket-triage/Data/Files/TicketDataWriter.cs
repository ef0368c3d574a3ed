using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>Writes a data set as UTF-8 (no BOM) files with "\n" line ends, the same bytes on every machine.</summary>
internal static class TicketDataWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(TicketDataSet data, string directory)
    {
        Directory.CreateDirectory(directory);
        WriteLines(Path.Combine(directory, TicketDataFileNames.Train), data.Train.Select(TicketLine));
        WriteLines(Path.Combine(directory, TicketDataFileNames.Golden), data.Golden.Select(TicketLine));
        WriteLines(Path.Combine(directory, TicketDataFileNames.PlantedPii), data.PlantedPii.Select(PiiLine));
        WriteArticles(data.Articles, Path.Combine(directory, TicketDataFileNames.KnowledgeBaseFolder));
        WriteText(Path.Combine(directory, TicketDataFileNames.Readme), DataReadme.Render(data));
        // A checkout with core.autocrlf would rewrite line ends and break the byte-for-byte regeneration check.
        WriteText(Path.Combine(directory, ".gitattributes"), "# Generated files: git must keep their bytes (LF line ends) exactly as written.\n* -text\n");
    }

    public static string TicketLine(TicketRecord t) => new JsonLine()
        .Add("id", t.Id)
        .Add("subject", t.Subject)
        .Add("body", t.Body)
        .Add("language", t.Language)
        .Add("category", t.Category)
        .Add("priority", t.Priority)
        .Add("noise", t.Noise)
        .Add("other_category", t.OtherCategory)
        .Add("customer_name", t.CustomerName)
        .Add("channel", t.Channel)
        .ToString();

    public static string PiiLine(PlantedPiiValue p) => new JsonLine()
        .Add("ticket_id", p.TicketId)
        .Add("type", p.Type)
        .Add("value", p.Value)
        .ToString();

    public static string ArticleText(KnowledgeBaseArticle a) =>
        "---\n" +
        "id: " + a.Id + "\n" +
        "category: " + a.Category + "\n" +
        "language: " + a.Language + "\n" +
        "title: " + YamlQuoted(a.Title) + "\n" +
        "---\n\n" +
        "# " + a.Title + "\n\n" +
        a.Markdown.TrimEnd('\n') + "\n";

    /// <summary>Titles hold ": " and "?", which plain YAML scalars do not allow; a double-quoted scalar takes anything.</summary>
    private static string YamlQuoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void WriteArticles(IReadOnlyList<KnowledgeBaseArticle> articles, string kbDirectory)
    {
        Directory.CreateDirectory(kbDirectory);
        var expected = new HashSet<string>(articles.Select(a => a.FileName), StringComparer.Ordinal);
        // Remove articles from an older run whose title (and so file name) changed; touch nothing else.
        foreach (string stale in Directory.EnumerateFiles(kbDirectory, "KB*.md"))
        {
            if (!expected.Contains(Path.GetFileName(stale)))
            {
                File.Delete(stale);
            }
        }
        foreach (KnowledgeBaseArticle article in articles)
        {
            WriteText(Path.Combine(kbDirectory, article.FileName), ArticleText(article));
        }
    }

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        var sb = new StringBuilder(64 * 1024);
        foreach (string line in lines)
        {
            sb.Append(line).Append('\n');
        }
        WriteText(path, sb.ToString());
    }

    private static void WriteText(string path, string text) => File.WriteAllText(path, text.ReplaceLineEndings("\n"), Utf8NoBom);
}
