using System.Text.Json;
using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Tools;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tools;

public sealed class ToolCallingChatClientTests
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "Where is order 42?")];

    private static FunctionCallContent Call(string id, string name, object? arguments = null) =>
        new(id, name, arguments is null ? new Dictionary<string, object?>() : JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value));

    private static List<FunctionResultContent> Results(ChatResponse response) =>
        [.. response.Messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents).OfType<FunctionResultContent>()];

    private static string ResultText(FunctionResultContent result) => Assert.IsType<string>(result.Result);

    [Fact]
    public async Task A_granted_tool_runs_and_its_result_goes_back_to_the_model_before_the_answer()
    {
        int invoked = 0;
        var order = AIFunctionFactory.Create((int id) => { invoked++; return $"order {id}: shipped"; }, "get_order");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "get_order", new { id = 42 })), ScriptedChatClient.Answer("It shipped."));
        var chat = model.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_order"] });

        var response = await chat.GetResponseAsync(Ask, new ChatOptions { Tools = [order] });

        Assert.Equal(1, invoked);
        Assert.Equal("It shipped.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], response.Messages.Select(m => m.Role));
        var sent = Assert.Single(model.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("c1", sent.CallId);
        Assert.Contains("order 42: shipped", JsonSerializer.Serialize(sent.Result), StringComparison.Ordinal);
        Assert.Equal(25 + 12, response.Usage!.TotalTokenCount);
        Assert.Equal(30, response.Usage.InputTokenCount);
    }

    [Fact]
    public async Task Arguments_that_break_the_schema_are_explained_to_the_model_and_the_tool_never_runs()
    {
        int invoked = 0;
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"integer"},"note":{"type":"string","maxLength":5}},"required":["id"]}""");
        var order = new SchemaTool("get_order", schema.RootElement, () => invoked++);
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(Call("c1", "get_order", new { id = "forty-two", note = "far too long a note" }), Call("c2", "get_order", new { note = "ok" })),
            ScriptedChatClient.Answer("Sorry."));

        var response = await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [order] });

        Assert.Equal(0, invoked);
        var results = Results(response);
        Assert.Equal(["c1", "c2"], results.Select(r => r.CallId));
        string first = ResultText(results[0]);
        Assert.StartsWith("Error: invalid arguments for tool 'get_order':", first, StringComparison.Ordinal);
        Assert.Contains("IntegerExpected", first, StringComparison.Ordinal);
        Assert.Contains("StringTooLong", first, StringComparison.Ordinal);
        Assert.DoesNotContain("forty-two", first, StringComparison.Ordinal);
        Assert.Contains("PropertyRequired", ResultText(results[1]), StringComparison.Ordinal);
        Assert.Equal("Sorry.", response.Text);
    }

    [Fact]
    public async Task Arguments_the_client_could_not_parse_are_an_error_result()
    {
        var order = AIFunctionFactory.Create((int id) => "never", "get_order");
        var broken = new FunctionCallContent("c1", "get_order") { Exception = new JsonException("'}' is invalid after a value") };
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(broken), ScriptedChatClient.Answer("ok"));

        var response = await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [order] });

        Assert.Equal("Error: the arguments for tool 'get_order' could not be read as a JSON object.", ResultText(Assert.Single(Results(response))));
    }

    [Fact]
    public async Task A_tool_outside_the_allow_list_is_never_invoked_and_the_model_is_told_so()
    {
        int deleted = 0;
        var delete = AIFunctionFactory.Create(() => deleted++, "delete_account");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "delete_account")), ScriptedChatClient.Answer("Cannot."));

        var response = await model.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_order"] })
            .GetResponseAsync(Ask, new ChatOptions { Tools = [delete] });

        Assert.Equal(0, deleted);
        Assert.Equal("Error: tool 'delete_account' is not allowed.", ResultText(Assert.Single(Results(response))));
    }

    [Fact]
    public async Task Unknown_and_declaration_only_tools_get_error_results()
    {
        var declared = AIFunctionFactory.CreateDeclaration("get_weather", null, JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "send_mail"), Call("c2", "get_weather")), ScriptedChatClient.Answer("ok"));

        var results = Results(await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [declared] }));

        Assert.Equal("Error: there is no tool named 'send_mail'.", ResultText(results[0]));
        Assert.Equal("Error: tool 'get_weather' is declared but has no implementation here.", ResultText(results[1]));
    }

    [Fact]
    public async Task A_tool_that_throws_is_reported_to_the_model_without_its_message_or_stack()
    {
        var lookup = AIFunctionFactory.Create(string () => throw new InvalidOperationException("Host=db;Password=hunter2"), "get_order");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "get_order")), ScriptedChatClient.Answer("ok"));

        var result = Assert.Single(Results(await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [lookup] })));
        var detailed = Assert.Single(Results(await new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "get_order")), ScriptedChatClient.Answer("ok"))
            .WithToolCalling(new ToolCallingOptions { IncludeExceptionMessages = true }).GetResponseAsync(Ask, new ChatOptions { Tools = [lookup] })));

        Assert.Equal("Error: tool 'get_order' failed", ResultText(result));
        Assert.IsType<InvalidOperationException>(result.Exception);
        Assert.Equal("Error: tool 'get_order' failed: Host=db;Password=hunter2", ResultText(detailed));
        Assert.DoesNotContain(" at ", ResultText(detailed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_in_one_response_run_concurrently_and_results_keep_the_calls_order()
    {
        // Each call waits until all three have started, so the test can only finish if they run at the same time;
        // they then complete in reverse order.
        var started = new TaskCompletionSource[3].Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var finished = new List<int>();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var slow = AIFunctionFactory.Create(async (int n) =>
        {
            started[n].SetResult();
            await Task.WhenAll(started.Select(s => s.Task)).WaitAsync(guard.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(20 * (2 - n)), guard.Token);
            lock (finished)
            {
                finished.Add(n);
            }

            return $"done {n}";
        }, "slow");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("a", "slow", new { n = 0 }), Call("b", "slow", new { n = 1 }), Call("c", "slow", new { n = 2 })), ScriptedChatClient.Answer("ok"));

        var results = Results(await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [slow] }));

        Assert.Equal(["a", "b", "c"], results.Select(r => r.CallId));
        Assert.Equal(["\"done 0\"", "\"done 1\"", "\"done 2\""], results.Select(r => JsonSerializer.Serialize(r.Result)));
        Assert.Equal(3, finished.Count);
    }

    [Fact]
    public async Task Without_concurrency_calls_run_one_at_a_time()
    {
        int running = 0, most = 0;
        var tool = AIFunctionFactory.Create(async () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Yield();
            Interlocked.Decrement(ref running);
        }, "step");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("a", "step"), Call("b", "step"), Call("c", "step")), ScriptedChatClient.Answer("ok"));

        var results = Results(await model.WithToolCalling(new ToolCallingOptions { AllowConcurrentInvocation = false }).GetResponseAsync(Ask, new ChatOptions { Tools = [tool] }));

        Assert.Equal(3, results.Count);
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task An_approval_required_tool_runs_only_after_the_approver_says_yes()
    {
        var log = new List<string>();
        var refund = new ApprovalRequiredAIFunction(AIFunctionFactory.Create((int amount) => { log.Add($"refunded {amount}"); return "refunded"; }, "refund"));
        var approver = new RecordingApprover(log, approve: call => call.Arguments!["amount"] is JsonElement { ValueKind: JsonValueKind.Number } a && a.GetInt32() <= 100);
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("small", "refund", new { amount = 30 }), Call("big", "refund", new { amount = 5000 })), ScriptedChatClient.Answer("ok"));

        var results = Results(await model.WithToolCalling(new ToolCallingOptions { Approver = approver, AllowConcurrentInvocation = false })
            .GetResponseAsync(Ask, new ChatOptions { Tools = [refund] }));

        Assert.Equal(["asked small", "refunded 30", "asked big"], log);
        Assert.Equal("\"refunded\"", JsonSerializer.Serialize(results[0].Result));
        Assert.Equal("Error: the call to tool 'refund' was not approved; it was not invoked.", ResultText(results[1]));
    }

    [Fact]
    public async Task An_approval_required_tool_outside_the_allow_list_never_reaches_the_approver()
    {
        var log = new List<string>();
        var refund = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(() => log.Add("refunded"), "refund"));
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "refund")), ScriptedChatClient.Answer("ok"));

        var result = Assert.Single(Results(await model.WithToolCalling(new ToolCallingOptions { AllowedTools = [], Approver = new RecordingApprover(log, _ => true) })
            .GetResponseAsync(Ask, new ChatOptions { Tools = [refund] })));

        Assert.Empty(log);
        Assert.Equal("Error: tool 'refund' is not allowed.", ResultText(result));
    }

    [Fact]
    public async Task An_approval_required_tool_without_an_approver_is_never_invoked()
    {
        int invoked = 0;
        var refund = new ApprovalRequiredAIFunction(AIFunctionFactory.Create(() => invoked++, "refund"));
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "refund")), ScriptedChatClient.Answer("ok"));

        var result = Assert.Single(Results(await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [refund] })));

        Assert.Equal(0, invoked);
        Assert.Equal("Error: tool 'refund' needs approval and no approver is configured; it was not invoked.", ResultText(result));
    }

    [Fact]
    public async Task A_model_that_keeps_calling_stops_at_the_iteration_limit_with_a_clear_finish_reason()
    {
        int invoked = 0;
        var tool = AIFunctionFactory.Create(() => ++invoked, "tick");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c", "tick")));

        var response = await model.WithToolCalling(new ToolCallingOptions { MaxIterations = 3 }).GetResponseAsync(Ask, new ChatOptions { Tools = [tool] });

        Assert.Equal(3, invoked);
        Assert.Equal(4, model.Requests.Count);
        Assert.Equal(ToolCallingChatClient.IterationLimitReached, response.FinishReason);
        Assert.Equal("Error: tool 'tick' was not invoked: the limit of 3 tool rounds for this request was reached.", ResultText(Results(response)[^1]));
    }

    [Fact]
    public async Task A_required_tool_mode_is_relaxed_after_the_first_round_unless_kept()
    {
        var tool = AIFunctionFactory.Create(() => "t", "tick");
        ChatOptions Required() => new() { Tools = [tool], ToolMode = ChatToolMode.RequireSpecific("tick") };

        var relaxed = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c", "tick")), ScriptedChatClient.Answer("ok"));
        await relaxed.WithToolCalling().GetResponseAsync(Ask, Required());
        var kept = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c", "tick")), ScriptedChatClient.Answer("ok"));
        await kept.WithToolCalling(new ToolCallingOptions { KeepRequiredToolMode = true }).GetResponseAsync(Ask, Required());

        Assert.IsType<RequiredChatToolMode>(relaxed.Requests[0].Options!.ToolMode);
        Assert.Equal(ChatToolMode.Auto, relaxed.Requests[1].Options!.ToolMode);
        Assert.IsType<RequiredChatToolMode>(kept.Requests[1].Options!.ToolMode);
    }

    [Fact]
    public async Task A_service_that_keeps_the_conversation_gets_only_the_results()
    {
        var tool = AIFunctionFactory.Create(() => "t", "tick");
        var first = ScriptedChatClient.Calls(Call("c", "tick"));
        first.ConversationId = "conv-1";
        var model = new ScriptedChatClient(first, ScriptedChatClient.Answer("ok"));

        await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [tool] });

        var second = Assert.Single(model.Requests[1].Messages);
        Assert.Equal(ChatRole.Tool, second.Role);
        Assert.Equal("conv-1", model.Requests[1].Options!.ConversationId);
    }

    [Fact]
    public async Task Streaming_also_loops_yielding_the_calls_the_results_and_the_answer()
    {
        int invoked = 0;
        var tool = AIFunctionFactory.Create(() => ++invoked, "tick");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "tick")), ScriptedChatClient.Answer("Done."));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in model.WithToolCalling().GetStreamingResponseAsync(Ask, new ChatOptions { Tools = [tool] }))
        {
            updates.Add(u);
        }

        Assert.Equal(1, invoked);
        Assert.Equal(2, model.Requests.Count);
        Assert.Contains(updates, u => u.Contents.OfType<FunctionCallContent>().Any(c => c.CallId == "c1"));
        var result = Assert.Single(updates.Where(u => u.Role == ChatRole.Tool).SelectMany(u => u.Contents).OfType<FunctionResultContent>());
        Assert.Equal("c1", result.CallId);
        Assert.Contains(model.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>(), r => r.CallId == "c1");
        Assert.EndsWith("Done.", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_stops_at_the_iteration_limit_with_the_finish_reason_on_the_last_update()
    {
        int invoked = 0;
        var tool = AIFunctionFactory.Create(() => ++invoked, "tick");
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c", "tick")));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in model.WithToolCalling(new ToolCallingOptions { MaxIterations = 2 }).GetStreamingResponseAsync(Ask, new ChatOptions { Tools = [tool] }))
        {
            updates.Add(u);
        }

        Assert.Equal(2, invoked);
        Assert.Equal(ToolCallingChatClient.IterationLimitReached, updates[^1].FinishReason);
    }

    [Fact]
    public void A_limit_below_one_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ScriptedChatClient(ScriptedChatClient.Answer("x")).WithToolCalling(new ToolCallingOptions { MaxIterations = 0 }));
        Assert.Contains("MaxIterations", e.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingApprover(List<string> log, Func<FunctionCallContent, bool> approve) : IToolApprover
    {
        public ValueTask<ToolApproval> ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken)
        {
            log.Add("asked " + call.CallId);
            return ValueTask.FromResult<ToolApproval>(approve(call));
        }
    }

    /// <summary>A tool with a hand-written schema (AIFunctionFactory derives schemas from parameters, which cannot say maxLength).</summary>
    private sealed class SchemaTool(string name, JsonElement schema, Action onInvoke) : AIFunction
    {
        public override string Name => name;

        public override JsonElement JsonSchema => schema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            onInvoke();
            return ValueTask.FromResult<object?>("ran");
        }
    }
}
