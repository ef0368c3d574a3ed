using System.Text.Json;
using HybridAI.Generators.Tools;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// What the tool-call loop adds per call: a request whose model (an in-memory stand-in, so no model time is counted)
/// asks for one tool and then answers, through <see cref="ToolCallingChatClient"/> (allow-list, schema check of the
/// arguments, invocation, history), against the same two model calls and the same tool invocation done by hand.
/// </summary>
internal static class ToolLoopThroughput
{
    public static void Run()
    {
        var tool = AIFunctionFactory.Create((int id, string status) => $"order {id}: {status}", "get_order");
        var options = new ChatOptions { Tools = [tool] };
        ChatMessage[] ask = [new(ChatRole.User, "Where is order 42?")];
        using var model = new CallThenAnswer();
        using var loop = model.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_order"] });

        Rate looped = Rate.Measure(1, (_, _) =>
        {
            loop.GetResponseAsync(ask, options).GetAwaiter().GetResult();
            return 1;
        });
        Rate byHand = Rate.Measure(1, (_, _) =>
        {
            ChatResponse first = model.GetResponseAsync(ask, options).GetAwaiter().GetResult();
            var call = (FunctionCallContent)first.Messages[0].Contents[0];
            object? result = tool.InvokeAsync(new AIFunctionArguments(call.Arguments)).AsTask().GetAwaiter().GetResult();
            List<ChatMessage> history = [.. ask, .. first.Messages, new(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)])];
            model.GetResponseAsync(history, options).GetAwaiter().GetResult();
            return 1;
        });

        double overheadMicros = (1e6 / looped.PerCoreSecond) - (1e6 / byHand.PerCoreSecond);
        Console.WriteLine($"tool loop: {looped.PerCoreSecond:N0} requests/s/core through ToolCallingChatClient (1 call + answer), {byHand.PerCoreSecond:N0} by hand");
        Console.WriteLine($"tool loop: overhead {overheadMicros:F1} µs per tool call (allow-list, schema validation, bookkeeping)");
    }

    /// <summary>Asks for get_order until it sees a tool result, then answers; stateless, so it can be shared.</summary>
    private sealed class CallThenAnswer : IChatClient
    {
        private static readonly Dictionary<string, object?> Arguments = JsonSerializer.SerializeToElement(new { id = 42, status = "shipped" })
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(messages.Last().Role == ChatRole.Tool
                ? new ChatResponse(new ChatMessage(ChatRole.Assistant, "It shipped."))
                : new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_order", new Dictionary<string, object?>(Arguments))])));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
