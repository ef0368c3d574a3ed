using System.Text.Json;
using HybridAI.Generators.Mcp;
using HybridAI.Generators.Tests.Local;
using HybridAI.Generators.Tests.Tools;
using HybridAI.Generators.Tools;
using HybridAI.Tests.Gguf;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Mcp;

/// <summary>
/// MCP tools inside <see cref="ToolCallingChatClient"/>: the loop's checks run before anything reaches the server, and
/// the server's failures come back to the model as error results. The server's own log proves what reached it.
/// </summary>
public sealed class McpToolsInToolLoopTests(TinyChatClientFixture tiny) : IClassFixture<TinyChatClientFixture>, IDisposable
{
    private static readonly ChatMessage[] Ask = [new(ChatRole.User, "Where is order A-1001?")];
    private readonly ShopServer _server = new();

    public void Dispose() => _server.Dispose();

    private static FunctionCallContent Call(string id, string name, object arguments) =>
        new(id, name, JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));

    private static List<FunctionResultContent> Results(IEnumerable<ChatMessage> messages) =>
        [.. messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents).OfType<FunctionResultContent>()];

    [Fact]
    public async Task A_granted_mcp_tool_runs_on_the_server_and_a_tool_off_the_allow_list_never_reaches_it()
    {
        await using McpToolbox shop = await _server.StartAsync();
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(Call("c1", "lookup_order", new { order_id = "A-1001" }), Call("c2", "delete_account", new { account_id = "u-7" }), Call("c3", "drop_tables", new { })),
            ScriptedChatClient.Answer("Order A-1001 has shipped."));
        var chat = model.WithToolCalling(new ToolCallingOptions { AllowedTools = ["lookup_order", "drop_tables"] });

        var response = await chat.GetResponseAsync(Ask, new ChatOptions { Tools = [.. shop.Tools] });

        Assert.Equal(["lookup_order"], _server.CallsReceived);
        var results = Results(response.Messages);
        Assert.Equal(["c1", "c2", "c3"], results.Select(r => r.CallId));
        Assert.Equal("shipped", Assert.IsType<JsonElement>(results[0].Result).GetProperty("status").GetString());
        Assert.Equal("Error: tool 'delete_account' is not allowed.", results[1].Result);
        Assert.Equal("Error: there is no tool named 'drop_tables'.", results[2].Result);
        var sent = model.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single(r => r.CallId == "c1");
        Assert.Contains("shipped", JsonSerializer.Serialize(sent.Result, AIJsonUtilities.DefaultOptions), StringComparison.Ordinal);
        Assert.Equal("Order A-1001 has shipped.", response.Text);
    }

    [Fact]
    public async Task Arguments_that_break_the_servers_schema_are_refused_before_the_call_is_sent()
    {
        await using McpToolbox shop = await _server.StartAsync();
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "add", new { a = "two", b = 2 })), ScriptedChatClient.Answer("ok"));

        var response = await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [.. shop.Tools] });

        Assert.Empty(_server.CallsReceived);
        Assert.StartsWith("Error: invalid arguments for tool 'add':", Assert.IsType<string>(Assert.Single(Results(response.Messages)).Result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_error_result_reaches_the_model_as_text_it_can_act_on()
    {
        await using McpToolbox shop = await _server.StartAsync();
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "lookup_order", new { order_id = "A-9" })), ScriptedChatClient.Answer("That order does not exist."));

        var response = await model.WithToolCalling().GetResponseAsync(Ask, new ChatOptions { Tools = [.. shop.Tools] });

        var result = Assert.Single(Results(model.Requests[1].Messages));
        Assert.Equal("Error: An error occurred invoking 'lookup_order': There is no order A-9; ids look like A-1001.", result.Result);
        Assert.Null(result.Exception);
        Assert.Equal("That order does not exist.", response.Text);
    }

    [Fact]
    public async Task A_server_that_dies_mid_call_becomes_tool_errors_and_the_loop_still_answers()
    {
        await using McpToolbox shop = await _server.StartAsync();
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(Call("c1", "crash", new { exit_code = 3 })),
            ScriptedChatClient.Calls(Call("c2", "add", new { a = 1, b = 2 })),
            ScriptedChatClient.Answer("The order service is down."));
        var chat = model.WithToolCalling(new ToolCallingOptions { IncludeExceptionMessages = true });

        var response = await chat.GetResponseAsync(Ask, new ChatOptions { Tools = [.. shop.Tools] });

        var results = Results(response.Messages);
        Assert.Equal("Error: tool 'crash' failed: MCP server 'shop' exited (code 3) during the call to tool 'crash'.", results[0].Result);
        Assert.Equal("Error: tool 'add' failed: MCP server 'shop' exited (code 3); tool 'add' was not called.", results[1].Result);
        Assert.All(results, r => Assert.IsType<McpServerException>(r.Exception));
        Assert.Equal(["crash"], _server.CallsReceived);
        Assert.Equal("The order service is down.", response.Text);
    }

    [Fact]
    public async Task A_call_past_the_timeout_is_a_tool_error_for_the_model()
    {
        var options = _server.Options();
        await using McpToolbox shop = await McpToolbox.StartAsync(new McpToolboxOptions(options.Command) { Arguments = options.Arguments, Name = "shop", CallTimeout = TimeSpan.FromSeconds(1) });
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(Call("c1", "sleep", new { milliseconds = 600_000 })), ScriptedChatClient.Answer("It is taking too long."));

        var response = await model.WithToolCalling(new ToolCallingOptions { IncludeExceptionMessages = true }).GetResponseAsync(Ask, new ChatOptions { Tools = [.. shop.Tools] });

        Assert.Equal("Error: tool 'sleep' failed: Tool 'sleep' on MCP server 'shop' did not answer within 1 s; the call was cancelled.", Assert.Single(Results(response.Messages)).Result);
        Assert.Equal("It is taking too long.", response.Text);
    }

    [LlamaFact]
    public async Task A_real_model_forced_to_call_an_mcp_tool_reaches_the_server_only_for_granted_tools()
    {
        await using McpToolbox shop = await _server.StartAsync();
        var chat = tiny.Client.WithToolCalling(new ToolCallingOptions { AllowedTools = ["lookup_order"], MaxIterations = 1, KeepRequiredToolMode = true });
        ChatOptions Require(string tool) => new() { Tools = [.. shop.Tools], ToolMode = ChatToolMode.RequireSpecific(tool), Temperature = 0, MaxOutputTokens = 60 };

        var denied = await chat.GetResponseAsync(Ask, Require("delete_account"));
        var granted = await chat.GetResponseAsync(Ask, Require("lookup_order"));

        var deniedCalls = denied.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.NotEmpty(deniedCalls);
        Assert.All(deniedCalls, c => Assert.Equal("delete_account", c.Name));
        Assert.Equal("Error: tool 'delete_account' is not allowed.", Results(denied.Messages)[0].Result);

        var grantedCalls = granted.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.NotEmpty(grantedCalls);
        Assert.All(grantedCalls, c => Assert.Equal("lookup_order", c.Name));
        Assert.IsType<string>(grantedCalls[0].Arguments!["order_id"] is JsonElement { ValueKind: JsonValueKind.String } id ? id.GetString() : null);
        // The model's order id is whatever it made up: the server answers with the order or with its error text.
        string first = JsonSerializer.Serialize(Results(granted.Messages)[0].Result, AIJsonUtilities.DefaultOptions);
        Assert.True(first.Contains("There is no order", StringComparison.Ordinal) || first.Contains("\"status\"", StringComparison.Ordinal), first);
        Assert.Equal(["lookup_order"], _server.CallsReceived);
    }
}
