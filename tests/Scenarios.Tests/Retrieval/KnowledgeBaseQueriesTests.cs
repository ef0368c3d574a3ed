using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Scenarios.Tests.Retrieval;

public sealed class KnowledgeBaseQueriesTests
{
    private static readonly TicketDataSet Data = TicketTriageScenario.LoadData(ScenarioData.Locate());

    [Fact]
    public void One_query_per_ticket_whose_relevant_ids_are_the_articles_of_its_category_graded_by_language()
    {
        var queries = KnowledgeBaseQueries.FromTickets(Data.Golden, Data.Articles);

        Assert.Equal(Data.Golden.Count, queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var ticket = Data.Golden[i];
            var category = KnowledgeBaseQueries.DescribedCategory(ticket);
            var expected = Data.Articles.Where(a => a.Category == category).ToDictionary(
                a => a.Id, a => a.Language == ticket.Language ? KnowledgeBaseQueries.SameLanguage : KnowledgeBaseQueries.OtherLanguage);
            Assert.Equal(expected, queries[i].Relevant);
            Assert.Contains(queries[i].Relevant.Values, g => g == KnowledgeBaseQueries.SameLanguage);
        }
    }

    [Fact]
    public void Mislabelled_tickets_are_judged_by_the_category_their_text_describes()
    {
        var mislabelled = Data.Golden.Where(t => t.Noise == TicketNoise.Mislabelled).ToList();
        Assert.NotEmpty(mislabelled);
        foreach (var ticket in mislabelled)
        {
            Assert.Equal(ticket.OtherCategory, KnowledgeBaseQueries.DescribedCategory(ticket));
        }

        var clean = Data.Golden.First(t => t.Noise == TicketNoise.Clean);
        Assert.Equal(clean.Category, KnowledgeBaseQueries.DescribedCategory(clean));
    }

    [Fact]
    public void Queries_are_masked_like_the_workflow_input_and_hold_none_of_the_planted_pii()
    {
        var queries = KnowledgeBaseQueries.FromTickets(Data.Golden, Data.Articles);
        var golden = Data.Golden.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var planted = Data.PlantedPii.Where(p => golden.Contains(p.TicketId)).Select(p => p.Value).ToList();
        Assert.NotEmpty(planted);
        var all = string.Join("\u001f", queries.Select(q => q.Query));
        Assert.All(planted, value => Assert.DoesNotContain(value, all, StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_without_articles_is_a_clear_error_naming_ticket_and_category()
    {
        var ticket = Data.Golden[0] with { Category = "astrology", Noise = TicketNoise.Clean };
        var ex = Assert.Throws<InvalidDataException>(() => KnowledgeBaseQueries.FromTickets([ticket], Data.Articles));
        Assert.Contains(ticket.Id, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'astrology'", ex.Message, StringComparison.Ordinal);
    }
}
