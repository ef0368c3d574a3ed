using HybridAI.Generators.Endpoints;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Endpoints;

public sealed class OpenAIEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embeddings_come_back_in_input_order_with_usage()
    {
        var server = new RecordedEndpoint().Reply("embeddings.json");
        using var embedder = server.Endpoint(model: "text-embedding-3-small").CreateEmbeddingGenerator();

        var result = await embedder.GenerateAsync(["refund request", "parcel lost"], new EmbeddingGenerationOptions { Dimensions = 4 });

        Assert.Equal(2, result.Count);
        Assert.Equal([0.0023064255f, -0.009327292f, 0.015797347f, -0.0077780345f], result[0].Vector.ToArray());
        Assert.Equal(0.021451212f, result[1].Vector.Span[3]);
        Assert.Equal("text-embedding-3-small", result[0].ModelId);
        Assert.Equal(7, result.Usage!.InputTokenCount);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", sent.Uri.AbsolutePath);
        Assert.Equal("text-embedding-3-small", sent.Json.GetProperty("model").GetString());
        Assert.Equal(["refund request", "parcel lost"], sent.Json.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, sent.Json.GetProperty("dimensions").GetInt32());
        Assert.Equal("base64", sent.Json.GetProperty("encoding_format").GetString());
    }

    [Fact]
    public async Task Servers_that_ignore_base64_and_answer_float_arrays_are_read_too()
    {
        var server = new RecordedEndpoint().Reply("embeddings-float-array.json");
        using var embedder = server.Endpoint(model: "nomic-embed-text").CreateEmbeddingGenerator();

        var result = await embedder.GenerateAsync(["refund request", "parcel lost"]);

        Assert.Equal(-0.009327292f, result[0].Vector.Span[1]);
        Assert.Equal(-0.012809558f, result[1].Vector.Span[0]);
    }

    [Fact]
    public async Task No_inputs_send_nothing()
    {
        var server = new RecordedEndpoint();
        using var embedder = server.Endpoint().CreateEmbeddingGenerator("text-embedding-3-small");

        Assert.Empty(await embedder.GenerateAsync([]));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_empty_input_is_refused_naming_its_index()
    {
        var server = new RecordedEndpoint();
        using var embedder = server.Endpoint().CreateEmbeddingGenerator("text-embedding-3-small");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => embedder.GenerateAsync(["ok", ""]));

        Assert.Contains("Input 1", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Fewer_embeddings_than_inputs_is_a_malformed_reply()
    {
        var server = new RecordedEndpoint().Reply("embeddings-short.json");
        using var embedder = server.Endpoint().CreateEmbeddingGenerator("text-embedding-3-small");

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => embedder.GenerateAsync(["refund request", "parcel lost"]));

        Assert.Equal(OpenAIEndpointFailure.MalformedResponse, e.Failure);
        Assert.Contains("2 inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_names_the_model()
    {
        using var embedder = new RecordedEndpoint().Endpoint().CreateEmbeddingGenerator("nomic-embed-text");

        Assert.Equal("nomic-embed-text", embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }
}
