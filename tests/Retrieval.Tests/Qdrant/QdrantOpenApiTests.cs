using System.Net;
using System.Text;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>The validator the fake server applies to every request can fail: it rejects what Qdrant's spec rejects.</summary>
public sealed class QdrantOpenApiTests
{
    private const string Query = "/collections/kb/points/query";

    [Fact]
    public void A_well_formed_hybrid_query_conforms()
    {
        const string body = """
            {"prefetch":[{"query":{"indices":[1,7],"values":[1.0,0.5]},"using":"keywords","limit":50,
                          "filter":{"must":[{"key":"added","range":{"lte":3}},{"key":"metadata.lang","match":{"value":"fr"}}]}},
                         {"query":[0.1,0.2],"using":"dense","limit":50}],
             "query":{"rrf":{"k":60}},"limit":50,"with_payload":true,"with_vector":["dense"]}
            """;

        Assert.Empty(QdrantOpenApi.Shared.ValidateRequest("POST", Query, [], body));
    }

    [Theory]
    [InlineData("""{"filter":{"must":[],"bogus":1}}""", "Filter allows no other keys")]
    [InlineData("""{"limit":0}""", "limit has minimum 1")]
    [InlineData("""{"query":{"fusion":"sum"}}""", "fusion is rrf or dbsf")]
    [InlineData("""{"filter":{"must":[{"key":"a","match":{"value":{"nested":true}}}]}}""", "match.value is a scalar")]
    [InlineData("""{"with_payload":null,"query":{"indices":[-1],"values":[1]}}""", "sparse indices are unsigned")]
    public void A_malformed_query_body_is_rejected(string body, string why)
    {
        Assert.True(QdrantOpenApi.Shared.ValidateRequest("POST", Query, [], body).Count > 0, why);
    }

    [Fact]
    public void Upsert_points_need_ids_that_are_integers_or_uuids()
    {
        const string good = """{"points":[{"id":"6f1c7b1e-8e8f-4a43-9a57-0d0c9d7e3b11","vector":{"dense":[0.5]},"payload":{"text":"x"}}]}""";
        const string bad = """{"points":[{"id":"chunk-1","vector":{"dense":[0.5]}}]}""";

        Assert.Empty(QdrantOpenApi.Shared.ValidateRequest("PUT", "/collections/kb/points", ["wait"], good));
        Assert.NotEmpty(QdrantOpenApi.Shared.ValidateRequest("PUT", "/collections/kb/points", ["wait"], bad));
    }

    [Fact]
    public void Unknown_paths_methods_and_query_parameters_are_rejected()
    {
        Assert.NotEmpty(QdrantOpenApi.Shared.ValidateRequest("POST", "/collections/kb/points/search", [], "{}"));
        Assert.NotEmpty(QdrantOpenApi.Shared.ValidateRequest("DELETE", "/collections/kb/points/scroll", [], null));
        Assert.NotEmpty(QdrantOpenApi.Shared.ValidateRequest("POST", "/collections/kb/points/scroll", ["wait"], "{}"));
        Assert.Empty(QdrantOpenApi.Shared.ValidateRequest("POST", "/collections/kb/points/scroll", [], "{}"));
    }

    [Fact]
    public async Task The_fake_server_refuses_a_request_off_the_spec_and_records_it()
    {
        await using FakeQdrantServer server = await FakeQdrantServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new StringContent("""{"vectors":{"dense":{"size":4,"distance":"Cosine"}},"shard_number":0}""", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PutAsync("collections/kb", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("OpenAPI", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(server.Violations);
        Assert.False(server.HasCollection("kb"));
    }
}
