using System.Globalization;
using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

/// <summary>The Lumio help centre: articles numbered KB001.. in category order, so ids are stable.</summary>
internal static partial class KnowledgeBaseArticles
{
    public static KnowledgeBaseArticle[] Build()
    {
        ArticleDraft[] drafts = [.. Billing, .. Refund, .. AccountAccess, .. Shipping, .. TechnicalBug, .. Cancellation, .. ProductQuestion, .. Privacy];
        var articles = new KnowledgeBaseArticle[drafts.Length];
        for (int i = 0; i < drafts.Length; i++)
        {
            ArticleDraft d = drafts[i];
            string id = "KB" + (i + 1).ToString("000", CultureInfo.InvariantCulture);
            // Source files may be checked out with CRLF; the published text always uses "\n".
            string markdown = d.Markdown.ReplaceLineEndings("\n").Trim('\n') + "\n";
            articles[i] = new KnowledgeBaseArticle(id, Slug(d.Title), d.Category, d.Language, d.Title, markdown);
        }
        return articles;
    }

    /// <summary>"Colis livré mais non reçu ?" → "colis-livre-mais-non-recu", at most ~60 characters, cut at a dash.</summary>
    internal static string Slug(string title)
    {
        string folded = Generation.PiiFactory.AsciiLower(title);
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        string slug = sb.ToString().Trim('-');
        if (slug.Length > 60)
        {
            int cut = slug.LastIndexOf('-', 60);
            slug = slug[..(cut > 20 ? cut : 60)];
        }
        return slug;
    }
}
