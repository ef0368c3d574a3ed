using System.Collections.Concurrent;
using System.Text.Json;
using HybridAI.Generators.Endpoints;
using HybridAI.Generators.Tests.Endpoints;
using HybridAI.Generators.Tools;
using HybridAI.Governance.Review;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tools;

/// <summary>
/// The tool loop over the OpenAI adapter, fed recorded wire-format replies through the SDK's transport: what the model
/// asks for arrives as a real completion, and what the loop answers is read back from the next request's body.
/// </summary>
public sealed class ToolLoopOverOpenAIWireTests : IDisposable
{
    private readonly ConcurrentQueue<string> _invoked = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridai-toolloop-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another thread: leave it for the OS temp cleanup.
        }
    }

    private AIFunction LookupOrder => AIFunctionFactory.Create(
        (string order_id, bool include_items = false) => { _invoked.Enqueue($"lookup_order {order_id}"); return $"order {order_id}: shipped"; },
        "lookup_order", "Finds an order by its id.");

    private AIFunction RefundStatus => AIFunctionFactory.Create(
        (string order_id, string currency) => { _invoked.Enqueue($"refund_status {order_id} {currency}"); return "pending"; },
        "refund_status", "Tells where a refund stands.");

    private AIFunction ListOpenTickets => AIFunctionFactory.Create(
        () => { _invoked.Enqueue("list_open_tickets"); return "3 open"; }, "list_open_tickets", "Counts open tickets.");

    private AIFunction IssueRefund => new ApprovalRequiredAIFunction(AIFunctionFactory.Create(
        (string order_id, int amount, string customer_email) => { _invoked.Enqueue($"issue_refund {order_id} {amount}"); return "refunded"; },
        "issue_refund", "Refunds an order; a person must approve it."));

    private static ToolCallingChatClient Loop(RecordedEndpoint server, ToolCallingOptions? options = null) =>
        server.Endpoint().CreateChatClient().WithToolCalling(options);

    /// <summary>The tool messages of a request body: (tool_call_id, content), in order.</summary>
    private static List<(string Id, string Content)> ToolMessages(RecordedEndpoint.SentRequest request) =>
        [.. request.Json.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .Select(m => (m.GetProperty("tool_call_id").GetString()!, m.GetProperty("content").GetString()!))];

    private static List<string> AssistantCallIds(RecordedEndpoint.SentRequest request) =>
        [.. request.Json.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "assistant" && m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray())
            .Select(c => c.GetProperty("id").GetString()!)];

    [Fact]
    public async Task An_allowed_tool_runs_and_its_result_is_sent_back_under_the_call_id()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call.json").Reply("chat-text.json");

        var reply = await Loop(server, new ToolCallingOptions { AllowedTools = ["lookup_order"] })
            .GetResponseAsync("Where is order A-1042?", new ChatOptions { Tools = [LookupOrder] });

        Assert.Equal(["lookup_order A-1042"], _invoked);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(["call_q7Kx2nBPv0yZXz1Ql0fS3a9T"], AssistantCallIds(server.Requests[1]));
        Assert.Equal([("call_q7Kx2nBPv0yZXz1Ql0fS3a9T", "\"order A-1042: shipped\"")], ToolMessages(server.Requests[1]));
        Assert.Equal("Category: billing. The customer was charged twice for one order.", reply.Messages[^1].Text);
        Assert.Equal(111 + 56, reply.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task A_tool_outside_the_allow_list_is_never_invoked_and_the_model_is_told()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call.json").Reply("chat-text.json");

        await Loop(server, new ToolCallingOptions { AllowedTools = ["refund_status"] })
            .GetResponseAsync("Where is order A-1042?", new ChatOptions { Tools = [LookupOrder, RefundStatus] });

        Assert.Empty(_invoked);
        Assert.Equal([("call_q7Kx2nBPv0yZXz1Ql0fS3a9T", "Error: tool 'lookup_order' is not allowed.")], ToolMessages(server.Requests[1]));
    }

    [Fact]
    public async Task Arguments_that_break_the_schema_are_answered_with_what_is_wrong_not_the_values()
    {
        var server = new RecordedEndpoint().Reply("tool-loop-schema-violation.json").Reply("chat-text.json");

        await Loop(server).GetResponseAsync("Where is order 1042?", new ChatOptions { Tools = [LookupOrder] });

        Assert.Empty(_invoked);
        var (id, content) = Assert.Single(ToolMessages(server.Requests[1]));
        Assert.Equal("call_s4Wr0ngTyp3s0", id);
        Assert.StartsWith("Error: invalid arguments for tool 'lookup_order': ", content, StringComparison.Ordinal);
        Assert.Contains("order_id", content, StringComparison.Ordinal);
        Assert.Contains("include_items", content, StringComparison.Ordinal);
        Assert.DoesNotContain("1042", content, StringComparison.Ordinal);
        Assert.DoesNotContain("yes", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_calls_in_one_response_both_run_and_both_results_go_back_in_call_order()
    {
        var server = new RecordedEndpoint().Reply("chat-parallel-tool-calls.json").Reply("chat-text.json");

        await Loop(server).GetResponseAsync("Order A-1042 and its refund?", new ChatOptions { Tools = [LookupOrder, RefundStatus] });

        Assert.Equal(["lookup_order A-1042", "refund_status A-1042 EUR"], _invoked.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("call_1lK0w8sQeZb9", "\"order A-1042: shipped\""), ("call_2pR7n3vXcT4d", "\"pending\"")],
            ToolMessages(server.Requests[1]));
    }

    [Fact]
    public async Task A_model_that_keeps_calling_tools_is_stopped_at_the_iteration_limit()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call.json").Reply("chat-tool-call.json");

        var reply = await Loop(server, new ToolCallingOptions { MaxIterations = 1 })
            .GetResponseAsync("Where is order A-1042?", new ChatOptions { Tools = [LookupOrder] });

        Assert.Equal(["lookup_order A-1042"], _invoked);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(ToolCallingChatClient.IterationLimitReached, reply.FinishReason);
        var refused = Assert.IsType<FunctionResultContent>(Assert.Single(reply.Messages[^1].Contents));
        Assert.Contains("limit of 1 tool rounds", Assert.IsType<string>(refused.Result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_a_tool_that_does_not_exist_is_answered_with_an_error()
    {
        var server = new RecordedEndpoint().Reply("tool-loop-unknown-tool.json").Reply("chat-text.json");

        var reply = await Loop(server).GetResponseAsync("Close my account", new ChatOptions { Tools = [LookupOrder] });

        Assert.Empty(_invoked);
        Assert.Equal([("call_u9TkDel3teAcc0", "Error: there is no tool named 'delete_account'.")], ToolMessages(server.Requests[1]));
        Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
    }

    [Fact]
    public async Task Non_json_arguments_are_answered_with_an_error_and_the_other_call_still_runs()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call-bad-arguments.json").Reply("chat-text.json");

        var reply = await Loop(server).GetResponseAsync("Order A-1042?", new ChatOptions { Tools = [LookupOrder, ListOpenTickets] });

        Assert.Equal(["list_open_tickets"], _invoked);
        Assert.Equal(
            [("call_bad1", "Error: the arguments for tool 'lookup_order' could not be read as a JSON object."), ("call_good2", "\"3 open\"")],
            ToolMessages(server.Requests[1]));
        Assert.DoesNotContain("order_id: A-1042", server.Requests[1].Body, StringComparison.Ordinal);
        AssertNoExceptionQuotes(reply, "{order_id: A-1042");
    }

    [Fact]
    public async Task Arguments_cut_off_mid_value_are_answered_with_an_error_and_never_leak_into_exceptions()
    {
        var server = new RecordedEndpoint().Reply("tool-loop-truncated-arguments.json").Reply("chat-text.json");

        var reply = await Loop(server).GetResponseAsync("Order A-1042?", new ChatOptions { Tools = [LookupOrder] });

        Assert.Empty(_invoked);
        Assert.Equal([("call_t7CutOffArgs00", "Error: the arguments for tool 'lookup_order' could not be read as a JSON object.")], ToolMessages(server.Requests[1]));
        Assert.DoesNotContain("jane.doe", server.Requests[1].Body, StringComparison.Ordinal);
        var call = Assert.Single(reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("jane.doe@exam", Assert.IsType<ToolArgumentsException>(call.Exception).RawArguments, StringComparison.Ordinal);
        AssertNoExceptionQuotes(reply, "jane.doe");
    }

    [Fact]
    public async Task An_approval_required_tool_goes_to_the_review_queue_and_runs_only_after_approval()
    {
        await using var queue = new ReviewQueue(Path.Combine(_dir, "reviews.db"));
        var server = new RecordedEndpoint().Reply("tool-loop-refund.json").Reply("chat-text.json");
        var approver = new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions { Workflow = "refund-agent" });
        var reviewer = ReviewAsync(queue, approve: true);

        await Loop(server, new ToolCallingOptions { Approver = approver })
            .GetResponseAsync("Refund order A-1042", new ChatOptions { Tools = [IssueRefund] });
        var (seen, invokedBeforeDecision) = await reviewer;

        Assert.Equal(0, invokedBeforeDecision);
        Assert.Equal(["issue_refund A-1042 250"], _invoked);
        Assert.Equal([("call_r3fundA1042x0", "\"refunded\"")], ToolMessages(server.Requests[1]));
        Assert.Equal(("refund-agent", "tool:issue_refund"), (seen.Workflow, seen.Step));
        Assert.Equal("issue_refund(order_id=\"A-1042\", amount=250, customer_email=\"<EMAIL_1>\")", seen.Summary);
        Assert.Equal(ReviewStatus.Approved, (await queue.GetAsync(seen.RunId))!.Status);
    }

    [Fact]
    public async Task A_rejected_approval_required_tool_is_not_invoked_and_the_model_hears_why()
    {
        await using var queue = new ReviewQueue(Path.Combine(_dir, "reviews.db"));
        var server = new RecordedEndpoint().Reply("tool-loop-refund.json").Reply("chat-text.json");
        var reviewer = ReviewAsync(queue, approve: false);

        await Loop(server, new ToolCallingOptions { Approver = new ReviewQueueToolApprover(queue) })
            .GetResponseAsync("Refund order A-1042", new ChatOptions { Tools = [IssueRefund] });
        await reviewer;

        Assert.Empty(_invoked);
        Assert.Equal(
            [("call_r3fundA1042x0", "Error: the call to tool 'issue_refund' was not approved (a reviewer rejected it); it was not invoked.")],
            ToolMessages(server.Requests[1]));
    }

    [Fact]
    public async Task Streamed_tool_call_deltas_run_the_tool_and_the_result_goes_into_the_next_streamed_request()
    {
        var server = new RecordedEndpoint().Reply("tool-loop-stream-tool-call.sse").Reply("chat-stream-text.sse");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Loop(server, new ToolCallingOptions { AllowedTools = ["lookup_order"] })
            .GetStreamingResponseAsync("Where is order A-1042?", new ChatOptions { Tools = [LookupOrder] }))
        {
            updates.Add(update);
        }

        Assert.Equal(["lookup_order A-1042"], _invoked);
        Assert.True(server.Requests[1].Json.GetProperty("stream").GetBoolean());
        Assert.Equal(["call_s1ngleStr3am0"], AssistantCallIds(server.Requests[1]));
        Assert.Equal([("call_s1ngleStr3am0", "\"order A-1042: shipped\"")], ToolMessages(server.Requests[1]));
        var results = Assert.Single(updates, u => u.Role == ChatRole.Tool);
        Assert.Equal("call_s1ngleStr3am0", Assert.IsType<FunctionResultContent>(Assert.Single(results.Contents)).CallId);
        Assert.Equal("Category: billing. The customer was charged twice.", string.Concat(updates.SkipWhile(u => u.Role != ChatRole.Tool).Select(u => u.Text)));
    }

    [Fact]
    public async Task Two_streamed_calls_both_run_and_both_results_go_back()
    {
        var server = new RecordedEndpoint().Reply("chat-stream-tool-calls.sse").Reply("chat-stream-text.sse");

        var response = await Loop(server)
            .GetStreamingResponseAsync("Order A-1042 and its refund?", new ChatOptions { Tools = [LookupOrder, RefundStatus] })
            .ToChatResponseAsync();

        Assert.Equal(["lookup_order A-1042", "refund_status A-1042 EUR"], _invoked.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("call_1lK0w8sQeZb9", "\"order A-1042: shipped\""), ("call_2pR7n3vXcT4d", "\"pending\"")],
            ToolMessages(server.Requests[1]));
        Assert.EndsWith("was charged twice.", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_approval_required_call_waits_for_the_reviewer_too()
    {
        await using var queue = new ReviewQueue(Path.Combine(_dir, "reviews.db"));
        var server = new RecordedEndpoint().Reply("tool-loop-stream-refund.sse").Reply("chat-stream-text.sse");
        var reviewer = ReviewAsync(queue, approve: true);

        var response = await Loop(server, new ToolCallingOptions { Approver = new ReviewQueueToolApprover(queue) })
            .GetStreamingResponseAsync("Refund order A-1042", new ChatOptions { Tools = [IssueRefund] })
            .ToChatResponseAsync();
        var (seen, invokedBeforeDecision) = await reviewer;

        Assert.Equal(0, invokedBeforeDecision);
        Assert.Equal(["issue_refund A-1042 250"], _invoked);
        Assert.Equal([("call_r3fundStr3am0", "\"refunded\"")], ToolMessages(server.Requests[1]));
        Assert.DoesNotContain("jane.doe", seen.Summary, StringComparison.Ordinal);
        Assert.EndsWith("was charged twice.", response.Text, StringComparison.Ordinal);
    }

    /// <summary>A reviewer working the queue concurrently: waits for the pending item, notes whether the tool ran already, decides.</summary>
    private async Task<(ReviewItem Item, int InvokedBeforeDecision)> ReviewAsync(ReviewQueue queue, bool approve)
    {
        while (true)
        {
            var pending = await queue.ListPendingAsync();
            if (pending.Count > 0)
            {
                var invoked = _invoked.Count;
                await queue.DecideAsync(pending[0].RunId, approve, "agent-7", approve ? null : "no receipt");
                return (pending[0], invoked);
            }

            await Task.Delay(10);
        }
    }

    private static void AssertNoExceptionQuotes(ChatResponse reply, string raw)
    {
        foreach (var content in reply.Messages.SelectMany(m => m.Contents))
        {
            var e = content switch
            {
                FunctionCallContent c => c.Exception,
                FunctionResultContent r => r.Exception,
                _ => null,
            };
            for (; e is not null; e = e.InnerException)
            {
                Assert.DoesNotContain(raw, e.Message, StringComparison.Ordinal);
            }
        }
    }
}
