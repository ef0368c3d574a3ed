using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>Writes <c>data: JSON</c> events straight into the response pipe, flushed one by one.</summary>
internal sealed class ServerSentEvents : IAsyncDisposable
{
    private readonly PipeWriter _pipe;
    private readonly Utf8JsonWriter _json;
    private readonly CancellationToken _cancellationToken;

    public ServerSentEvents(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold tokens back
        _pipe = response.BodyWriter;
        _json = new Utf8JsonWriter(_pipe);
        _cancellationToken = cancellationToken;
    }

    public ValueTask<FlushResult> WriteAsync(Action<Utf8JsonWriter> write)
    {
        _pipe.Write("data: "u8);
        _json.Reset(_pipe);
        write(_json);
        _json.Flush();
        _pipe.Write("\n\n"u8);
        return _pipe.FlushAsync(_cancellationToken);
    }

    public ValueTask<FlushResult> WriteDoneAsync()
    {
        _pipe.Write("data: [DONE]\n\n"u8);
        return _pipe.FlushAsync(_cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}
