namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>A help-centre article, written to <c>kb/{Id}-{Slug}.md</c>.</summary>
/// <param name="Id"><c>KB001</c> onwards.</param>
/// <param name="Slug">File-name friendly form of the title.</param>
/// <param name="Category">The ticket category it answers.</param>
/// <param name="Language"><c>en</c> or <c>fr</c>.</param>
/// <param name="Title">Plain title (also the Markdown <c># heading</c>).</param>
/// <param name="Markdown">The article body below the heading: paragraphs and lists.</param>
public sealed record KnowledgeBaseArticle(string Id, string Slug, string Category, string Language, string Title, string Markdown)
{
    /// <summary>The file name inside the <c>kb/</c> folder.</summary>
    public string FileName => Id + "-" + Slug + ".md";
}
