using System.Text.Json;

namespace HybridAI.Hosting.Tests.Support;

/// <summary>Reads an SSE response line by line as the server flushes it: each <c>data:</c> payload, in order.</summary>
public static class ServerSentEventsReader
{
    public static async Task<List<string>> ReadDataAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            Assert.StartsWith("data: ", line, StringComparison.Ordinal);
            data.Add(line["data: ".Length..]);
        }

        return data;
    }

    /// <summary>The chunks before the closing <c>[DONE]</c>, which must be last and only once.</summary>
    public static List<JsonElement> Chunks(List<string> data)
    {
        Assert.Equal("[DONE]", data[^1]);
        Assert.Single(data, d => d == "[DONE]");
        return data[..^1].Select(d => JsonDocument.Parse(d).RootElement.Clone()).ToList();
    }
}
