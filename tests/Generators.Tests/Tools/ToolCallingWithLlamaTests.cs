using HybridAI.Tests.Gguf;
using HybridAI.Generators.Tests.Local;
using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Tools;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tools;

/// <summary>
/// The loop driven by real model output: the tiny llama.cpp model, whose replies are forced into tool-call JSON by
/// grammar whenever a tool is required, so every call here is one the model actually produced.
/// </summary>
public sealed class ToolCallingWithLlamaTests(TinyChatClientFixture tiny) : IClassFixture<TinyChatClientFixture>
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "What time is it?")];

    private static ChatOptions Require(string tool, params AIFunction[] tools) =>
        new() { Tools = [.. tools], ToolMode = ChatToolMode.RequireSpecific(tool), Temperature = 0, MaxOutputTokens = 40 };

    private static List<FunctionResultContent> Results(IEnumerable<ChatMessage> messages) =>
        [.. messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents).OfType<FunctionResultContent>()];

    [LlamaFact]
    public async Task A_granted_tool_the_model_calls_is_invoked_and_answered_under_the_same_call_id()
    {
        int invoked = 0;
        var clock = AIFunctionFactory.Create(() => { Interlocked.Increment(ref invoked); return "12:30"; }, "get_time");
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_time"], MaxIterations = 2 });

        var response = await chat.GetResponseAsync(Ask, Require("get_time", clock));

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        var results = Results(response.Messages);
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal("get_time", c.Name));
        Assert.Equal(calls.Select(c => c.CallId), results.Select(r => r.CallId));
        Assert.Equal(Math.Min(calls.Count, 2), invoked);
        Assert.Contains("12:30", results[0].Result?.ToString(), StringComparison.Ordinal);
    }

    [LlamaFact]
    public async Task A_tool_the_workflow_did_not_grant_is_never_invoked_however_the_model_insists()
    {
        int deleted = 0, timed = 0;
        var delete = AIFunctionFactory.Create(() => Interlocked.Increment(ref deleted), "delete_account");
        var clock = AIFunctionFactory.Create(() => Interlocked.Increment(ref timed), "get_time");
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_time"], MaxIterations = 2, KeepRequiredToolMode = true });

        var response = await chat.GetResponseAsync(Ask, Require("delete_account", delete, clock));

        Assert.Equal(0, deleted);
        Assert.Equal(0, timed);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("delete_account", c.Name));
        var results = Results(response.Messages);
        Assert.All(results.Take(2), r => Assert.Equal("Error: tool 'delete_account' is not allowed.", r.Result));
    }

    [LlamaFact]
    public async Task A_model_made_to_keep_calling_stops_at_the_iteration_limit()
    {
        int invoked = 0;
        var clock = AIFunctionFactory.Create(() => Interlocked.Increment(ref invoked), "get_time");
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { MaxIterations = 3, KeepRequiredToolMode = true });

        var response = await chat.GetResponseAsync(Ask, Require("get_time", clock));

        Assert.Equal(3, invoked);
        Assert.Equal(ToolCallingChatClient.IterationLimitReached, response.FinishReason);
        Assert.Equal(4, response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count());
        Assert.StartsWith("Error: tool 'get_time' was not invoked: the limit of 3", Results(response.Messages)[^1].Result?.ToString(), StringComparison.Ordinal);
    }

    [LlamaFact]
    public async Task An_approval_required_tool_the_model_calls_runs_only_once_the_approver_agrees()
    {
        var log = new List<string>();
        var refund = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(() => { lock (log) { log.Add("refunded"); } return "refunded"; }, "refund"));
        var approver = new SecondTimeApprover(log);
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { Approver = approver, MaxIterations = 2, KeepRequiredToolMode = true });

        var response = await chat.GetResponseAsync([new(ChatRole.User, "Refund me.")], Require("refund", refund));

        Assert.Equal(["asked", "asked", "refunded"], log);
        var results = Results(response.Messages);
        Assert.Equal("Error: the call to tool 'refund' was not approved; it was not invoked.", results[0].Result);
        Assert.Contains("refunded", results[1].Result?.ToString(), StringComparison.Ordinal);
    }

    [LlamaFact]
    public async Task Streaming_from_the_model_loops_through_the_tool_too()
    {
        int invoked = 0;
        var clock = AIFunctionFactory.Create(() => { Interlocked.Increment(ref invoked); return "12:30"; }, "get_time");
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { MaxIterations = 1, KeepRequiredToolMode = true });

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in chat.GetStreamingResponseAsync(Ask, Require("get_time", clock)))
        {
            updates.Add(u);
        }

        Assert.Equal(1, invoked);
        var results = updates.Where(u => u.Role == ChatRole.Tool).SelectMany(u => u.Contents).OfType<FunctionResultContent>().ToList();
        Assert.Equal(2, results.Count);
        Assert.Contains("12:30", results[0].Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(ToolCallingChatClient.IterationLimitReached, updates[^1].FinishReason);
    }

    private sealed class SecondTimeApprover(List<string> log) : IToolApprover
    {
        private int _asked;

        public ValueTask<ToolApproval> ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Add("asked");
            }

            return ValueTask.FromResult<ToolApproval>(Interlocked.Increment(ref _asked) == 2);
        }
    }
}
