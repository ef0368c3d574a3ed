using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Loads a Markdown file as one document: the id is the file name, the source (shown in citations) is the text of
/// the first heading, or the file name when there is none; the title is also kept in metadata under "title".
/// </summary>
public sealed class MarkdownLoader : IDocumentLoader
{
    /// <summary>Metadata key that holds the title.</summary>
    public const string TitleKey = "title";

    /// <inheritdoc />
    public async ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        string name = Path.GetFileName(path);
        string? title = FindTitle(text);
        var document = title is null
            ? new SourceDocument(name, text, name)
            : new SourceDocument(name, text, title) { Metadata = new Dictionary<string, string> { [TitleKey] = title } };
        return new DocumentLoadResult([document], []);
    }

    /// <summary>The text of the first ATX heading outside code fences, without its '#' marks.</summary>
    internal static string? FindTitle(string text)
    {
        foreach (MarkdownBlock block in MarkdownBlock.Split(text))
        {
            if (!block.IsHeading)
            {
                continue;
            }

            ReadOnlySpan<char> heading = text.AsSpan(block.Start, block.End - block.Start).Trim().TrimStart('#').Trim();
            // A closing sequence ("## Title ##") is decoration, not title.
            ReadOnlySpan<char> withoutClosing = heading.TrimEnd('#');
            if (withoutClosing.Length < heading.Length && (withoutClosing.IsEmpty || char.IsWhiteSpace(withoutClosing[^1])))
            {
                heading = withoutClosing.TrimEnd();
            }

            if (!heading.IsEmpty)
            {
                return heading.ToString();
            }
        }

        return null;
    }
}
