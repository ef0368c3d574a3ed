using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary><c>POST /v1/chat/completions</c>: one JSON completion, or with <c>stream: true</c> SSE chunks ending in <c>data: [DONE]</c>.</summary>
internal static class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        using var body = await RequestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var request = ChatCompletionRequest.Parse(body.RootElement);
        var client = ServedModels.Chat(context.RequestServices, request.Model);
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!request.Stream)
        {
            var response = await client.GetResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
            ChatCompletionJson.WriteCompletion(json, id, created, request.Model, response);
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await StreamAsync(context, client, request, id, created).ConfigureAwait(false);
    }

    private static async Task StreamAsync(HttpContext context, IChatClient client, ChatCompletionRequest request, string id, long created)
    {
        var cancellationToken = context.RequestAborted;
        var updates = client.GetStreamingResponseAsync(request.Messages, request.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            // The first update is awaited before any byte is sent, so a request the model refuses still gets a status code.
            var more = await updates.MoveNextAsync().ConfigureAwait(false);
            await using var events = new ServerSentEvents(context.Response, cancellationToken);
            var first = true;
            ChatFinishReason? finish = null;
            UsageDetails? usage = null;
            var calledTools = false;
            try
            {
                for (; more; more = await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    var update = updates.Current;
                    finish = update.FinishReason ?? finish;
                    usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                    calledTools |= update.Contents.OfType<FunctionCallContent>().Any();
                    if (update.Contents.Any(c => c is TextContent { Text.Length: > 0 } or FunctionCallContent) || first)
                    {
                        var isFirst = first;
                        await events.WriteAsync(json => ChatCompletionJson.WriteChunk(json, id, created, request.Model, update, isFirst, null)).ConfigureAwait(false);
                        first = false;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Headers are gone: the error travels as an event, which OpenAI's SDKs raise as an exception.
                var error = OpenAIErrorHandling.Classify(context, e);
                await events.WriteAsync(json => OpenAIError.Write(json, error.Message, error.Type, error.Param, error.Code)).ConfigureAwait(false);
                return;
            }

            var reason = ChatCompletionJson.FinishReason(finish, calledTools);
            await events.WriteAsync(json => ChatCompletionJson.WriteChunk(json, id, created, request.Model, null, false, reason)).ConfigureAwait(false);
            if (request.IncludeUsage)
            {
                await events.WriteAsync(json => ChatCompletionJson.WriteUsageChunk(json, id, created, request.Model, usage)).ConfigureAwait(false);
            }

            await events.WriteDoneAsync().ConfigureAwait(false);
        }
    }
}
