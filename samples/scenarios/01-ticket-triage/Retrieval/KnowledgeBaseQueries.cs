using HybridAI.Governance.Masking;
using HybridAI.Retrieval.Evaluation;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// A labelled query set for the knowledge base, derived from labelled tickets: each ticket's text (PII masked, as the
/// workflow masks it before retrieval) is a query, and the articles of the category the ticket describes are its
/// relevant ids, graded 2 in the ticket's language and 1 in the other. The described category is the label, except for
/// tickets marked <c>mislabelled</c>, whose text describes <see cref="TicketRecord.OtherCategory"/>.
/// </summary>
/// <remarks>
/// The tickets carry a category, not an article id, so the judgement is topical: an article is relevant when it
/// answers the ticket's kind of problem, not only when it is the single best one. Recall@k is therefore bounded by
/// k / (articles in the category, 6 to 7) for small k.
/// </remarks>
public static class KnowledgeBaseQueries
{
    /// <summary>Grade of an article of the ticket's category in the ticket's language.</summary>
    public const double SameLanguage = 2;

    /// <summary>Grade of an article of the ticket's category in the other language.</summary>
    public const double OtherLanguage = 1;

    /// <summary>One labelled query per ticket, in the tickets' order.</summary>
    /// <exception cref="InvalidDataException">A ticket's category has no article; the message names the ticket and category.</exception>
    public static IReadOnlyList<LabelledQuery> FromTickets(IEnumerable<TicketRecord> tickets, IReadOnlyList<KnowledgeBaseArticle> articles,
        PiiMasker? masker = null)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(articles);
        masker ??= PiiMasker.CreateDefault();
        var byCategory = articles.ToLookup(a => a.Category, StringComparer.Ordinal);
        var queries = new List<LabelledQuery>();
        foreach (var ticket in tickets)
        {
            var category = DescribedCategory(ticket);
            var grades = byCategory[category].ToDictionary(
                a => a.Id,
                a => string.Equals(a.Language, ticket.Language, StringComparison.Ordinal) ? SameLanguage : OtherLanguage,
                StringComparer.Ordinal);
            if (grades.Count == 0)
            {
                throw new InvalidDataException($"Ticket {ticket.Id}: no knowledge-base article has category '{category}'.");
            }

            queries.Add(new LabelledQuery(masker.Mask(TicketTriageComponents.TextOf(ticket)).Text, grades));
        }

        return queries;
    }

    /// <summary>The category the ticket's text is about.</summary>
    public static string DescribedCategory(TicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Noise == TicketNoise.Mislabelled && !string.IsNullOrEmpty(ticket.OtherCategory) ? ticket.OtherCategory : ticket.Category;
    }
}
