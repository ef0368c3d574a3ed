using System.Runtime.InteropServices;
using HybridAI.Hosting.Tests.Support;
using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

public sealed class EmbeddingsEndpointTests(NoModelServerFixture fixture) : IClassFixture<NoModelServerFixture>
{
    private static readonly HashingEmbeddingGenerator Reference = new(new HashingEmbeddingOptions { Dimensions = 1024 });

    private static string Model => Reference.ModelId;

    [Fact]
    public async Task A_string_input_gets_one_float_vector_equal_to_the_embedders_own()
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/embeddings", $$"""{"model":"{{Model}}","input":"refund the double charge"}""");
        Assert.Equal(200, status);
        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Equal(Model, body.GetProperty("model").GetString());
        var item = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("embedding", item.GetProperty("object").GetString());
        Assert.Equal(0, item.GetProperty("index").GetInt32());
        var vector = item.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        Assert.Equal(Reference.Embed("refund the double charge"), vector);
        Assert.True(body.GetProperty("usage").TryGetProperty("prompt_tokens", out _));
        Assert.True(body.GetProperty("usage").TryGetProperty("total_tokens", out _));
    }

    [Fact]
    public async Task An_array_input_gets_vectors_in_order_and_base64_carries_the_same_floats()
    {
        string[] texts = ["late delivery", "password reset", "late delivery"];
        var (_, floats) = await fixture.Server.PostJsonAsync("/v1/embeddings", $$"""{"model":"{{Model}}","input":["late delivery","password reset","late delivery"]}""");
        var (status, packed) = await fixture.Server.PostJsonAsync("/v1/embeddings", $$"""{"model":"{{Model}}","input":["late delivery","password reset","late delivery"],"encoding_format":"base64","dimensions":1024}""");
        Assert.Equal(200, status);
        var data = floats.GetProperty("data").EnumerateArray().ToList();
        var base64 = packed.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = Reference.Embed(texts[i]);
            Assert.Equal(expected, data[i].GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray());
            Assert.Equal(expected, MemoryMarshal.Cast<byte, float>(base64[i].GetProperty("embedding").GetBytesFromBase64()).ToArray());
        }

        Assert.NotEqual(data[0].GetProperty("embedding").GetRawText(), data[1].GetProperty("embedding").GetRawText());
    }

    [Theory]
    [InlineData("""{"model":"M","input":""}""", "input")]
    [InlineData("""{"model":"M","input":[]}""", "input")]
    [InlineData("""{"model":"M"}""", "input")]
    [InlineData("""{"model":"M","input":[[1,2,3]]}""", "input[0]")]
    [InlineData("""{"model":"M","input":["ok",""]}""", "input[1]")]
    [InlineData("""{"model":"M","input":"x","encoding_format":"int8"}""", "encoding_format")]
    [InlineData("""{"model":"M","input":"x","dimensions":256}""", "dimensions")]
    [InlineData("""{"input":"x"}""", "model")]
    public async Task A_malformed_request_is_a_400_naming_the_field(string json, string param)
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/embeddings", json.Replace("\"M\"", $"\"{Model}\"", StringComparison.Ordinal));
        Assert.Equal(400, status);
        Assert.Equal(param, body.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_a_404()
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/embeddings", """{"model":"text-embedding-3-small","input":"x"}""");
        Assert.Equal(404, status);
        Assert.Equal("model_not_found", body.GetProperty("error").GetProperty("code").GetString());
    }
}
