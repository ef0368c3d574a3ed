using System.Text.Json;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Abstractions.Tests.Retrieval;

public sealed class SearchHitTests
{
    [Fact]
    public void A_hit_round_trips_through_System_Text_Json_so_states_holding_evidence_can_be_checkpointed()
    {
        var hit = new SearchHit("c1", "KB001", "Refunds take 5 days.", 3.25, "Refund policy", new TextSpan(10, 20))
        {
            Metadata = new Dictionary<string, string> { ["category"] = "refund" },
        };

        var back = JsonSerializer.Deserialize<SearchHit>(JsonSerializer.Serialize(hit))!;

        Assert.Equal(hit with { Metadata = back.Metadata }, back);
        Assert.Equal("refund", back.Metadata["category"]);
        Assert.Equal(30, back.Span.End);
    }

    [Fact]
    public void A_query_defaults_to_five_keyword_hits_without_filter()
    {
        var q = new SearchQuery("where is my parcel");
        Assert.Equal(5, q.Top);
        Assert.Equal(SearchMode.Keyword, q.Mode);
        Assert.Null(q.Filter);
    }

    [Fact]
    public void A_document_without_metadata_has_an_empty_dictionary_not_null()
    {
        var doc = new SourceDocument("d1", "text", "source");
        Assert.Empty(doc.Metadata);
    }
}
