using System.Text.Json;
using HybridAI.Hosting.Tests.Support;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

public sealed class ModelsEndpointTests(NoModelServerFixture fixture) : IClassFixture<NoModelServerFixture>
{
    [Fact]
    public async Task Lists_the_served_embedding_model_and_gets_it_by_id()
    {
        var list = JsonDocument.Parse(await fixture.Server.Http.GetStringAsync(new Uri("/v1/models", UriKind.Relative))).RootElement;
        Assert.Equal("list", list.GetProperty("object").GetString());
        var model = Assert.Single(list.GetProperty("data").EnumerateArray());
        var id = model.GetProperty("id").GetString()!;
        Assert.StartsWith("hashing-v1-d1024", id, StringComparison.Ordinal);
        Assert.Equal("model", model.GetProperty("object").GetString());
        var one = JsonDocument.Parse(await fixture.Server.Http.GetStringAsync(new Uri($"/v1/models/{id}", UriKind.Relative))).RootElement;
        Assert.Equal(id, one.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_model_id_is_a_404_in_the_error_shape()
    {
        using var response = await fixture.Server.Http.GetAsync(new Uri("/v1/models/gpt-9", UriKind.Relative));
        Assert.Equal(404, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Healthz_answers_ok()
    {
        Assert.Equal("ok", await fixture.Server.Http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }
}
