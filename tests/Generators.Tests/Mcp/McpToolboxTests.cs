using System.Text.Json;
using HybridAI.Generators.Mcp;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Mcp;

public sealed class McpToolboxTests : IDisposable
{
    private readonly ShopServer _server = new();

    public void Dispose() => _server.Dispose();

    private static AIFunctionArguments Args(object arguments) =>
        new(JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));

    [Fact]
    public async Task Lists_the_servers_tools_with_the_descriptions_and_schemas_it_declared()
    {
        await using McpToolbox shop = await _server.StartAsync();

        Assert.Equal(["add", "crash", "delete_account", "lookup_order", "read_env", "sleep"], shop.Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        AIFunction lookup = shop.GetTool("lookup_order");
        Assert.Equal("Looks up an order: its status and total.", lookup.Description);
        JsonElement schema = lookup.JsonSchema;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal("string", schema.GetProperty("properties").GetProperty("order_id").GetProperty("type").GetString());
        Assert.Equal("The order id, e.g. A-1001.", schema.GetProperty("properties").GetProperty("order_id").GetProperty("description").GetString());
        Assert.Equal(12, schema.GetProperty("properties").GetProperty("order_id").GetProperty("maxLength").GetInt32());
        Assert.Equal(["order_id"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(lookup.ReturnJsonSchema);
        JsonElement add = shop.GetTool("add").JsonSchema.GetProperty("properties");
        Assert.Equal("integer", add.GetProperty("a").GetProperty("type").GetString());
        Assert.Empty(_server.CallsReceived);
    }

    [Fact]
    public async Task A_call_goes_to_the_server_and_its_text_result_comes_back()
    {
        await using McpToolbox shop = await _server.StartAsync();

        object? sum = await shop.GetTool("add").InvokeAsync(Args(new { a = 2, b = 40 }));

        Assert.Equal("42", sum);
        Assert.Equal(["add"], _server.CallsReceived);
    }

    [Fact]
    public async Task A_structured_result_comes_back_as_json()
    {
        await using McpToolbox shop = await _server.StartAsync();

        object? order = await shop.GetTool("lookup_order").InvokeAsync(Args(new { order_id = "A-1001" }));

        JsonElement json = Assert.IsType<JsonElement>(order);
        Assert.Equal("A-1001", json.GetProperty("orderId").GetString());
        Assert.Equal("shipped", json.GetProperty("status").GetString());
        Assert.Equal(42.50m, json.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task An_error_result_becomes_an_error_text_the_model_can_read()
    {
        await using McpToolbox shop = await _server.StartAsync();

        object? result = await shop.GetTool("lookup_order").InvokeAsync(Args(new { order_id = "A-9" }));

        Assert.Equal("Error: An error occurred invoking 'lookup_order': There is no order A-9; ids look like A-1001.", result);
        Assert.Equal(["lookup_order"], _server.CallsReceived);
    }

    [Fact]
    public async Task Calls_can_run_concurrently_on_one_server()
    {
        await using McpToolbox shop = await _server.StartAsync();
        AIFunction add = shop.GetTool("add");

        object?[] sums = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => add.InvokeAsync(Args(new { a = i, b = 100 })).AsTask()));

        Assert.Equal(Enumerable.Range(100, 8).Select(n => (object?)n.ToString(System.Globalization.CultureInfo.InvariantCulture)), sums);
    }

    [Fact]
    public async Task A_server_that_dies_mid_call_fails_that_call_with_its_exit_code_and_later_calls_fail_at_once()
    {
        await using McpToolbox shop = await _server.StartAsync();

        var died = await Assert.ThrowsAsync<McpServerException>(async () => await shop.GetTool("crash").InvokeAsync(Args(new { exit_code = 3 })));
        var later = await Assert.ThrowsAsync<McpServerException>(async () => await shop.GetTool("add").InvokeAsync(Args(new { a = 1, b = 1 })));

        Assert.Equal("MCP server 'shop' exited (code 3) during the call to tool 'crash'.", died.Message);
        Assert.Equal(3, died.ExitCode);
        Assert.DoesNotContain("shop server ready", died.ToString(), StringComparison.Ordinal); // its stderr stays out of errors
        Assert.True(shop.HasExited);
        Assert.Equal("MCP server 'shop' exited (code 3); tool 'add' was not called.", later.Message);
        Assert.Equal(["crash"], _server.CallsReceived);
    }

    [Fact]
    public async Task A_call_past_the_timeout_fails_clearly_and_the_server_stays_usable()
    {
        var options = _server.Options();
        await using McpToolbox shop = await McpToolbox.StartAsync(new McpToolboxOptions(options.Command) { Arguments = options.Arguments, Name = "shop", CallTimeout = TimeSpan.FromSeconds(1) });

        var e = await Assert.ThrowsAsync<McpServerException>(async () => await shop.GetTool("sleep").InvokeAsync(Args(new { milliseconds = 600_000 })));
        object? after = await shop.GetTool("add").InvokeAsync(Args(new { a = 1, b = 2 }));

        Assert.Equal("Tool 'sleep' on MCP server 'shop' did not answer within 1 s; the call was cancelled.", e.Message);
        Assert.Null(e.ExitCode);
        Assert.Equal("3", after);
        Assert.False(shop.HasExited);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_server_error()
    {
        await using McpToolbox shop = await _server.StartAsync();
        using var cancel = new CancellationTokenSource();

        ValueTask<object?> call = shop.GetTool("sleep").InvokeAsync(Args(new { milliseconds = 600_000 }), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_is_named_in_the_error()
    {
        var e = await Assert.ThrowsAsync<McpServerException>(() => McpToolbox.StartAsync(new McpToolboxOptions("no-such-mcp-server-7f3a") { Arguments = ["--token", "s3cret-arg"] }));

        Assert.Equal("MCP server 'no-such-mcp-server-7f3a' could not be started: command 'no-such-mcp-server-7f3a' was not found.", e.Message);
        Assert.Equal("no-such-mcp-server-7f3a", e.ServerName);
    }

    [Fact]
    public async Task A_server_that_exits_at_start_is_reported_with_its_code_and_without_its_secrets_or_stderr()
    {
        var stderr = new List<string>();
        var options = _server.Options("--exit-at-start", "7");
        var failing = new McpToolboxOptions(options.Command)
        {
            Arguments = options.Arguments,
            Name = "shop",
            Environment = new Dictionary<string, string?> { ["ORDER_API_TOKEN"] = "tok-51f0e2" },
            StandardErrorLine = line => { lock (stderr) { stderr.Add(line); } },
        };

        var e = await Assert.ThrowsAsync<McpServerException>(() => McpToolbox.StartAsync(failing));

        Assert.StartsWith("MCP server 'shop' (command 'dotnet') could not be started: it exited", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-51f0e2", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ShopServer.Dll, e.Message, StringComparison.Ordinal);
        Assert.Equal(7, e.ExitCode);
        Assert.Equal("MCP server 'shop' (command 'dotnet') could not be started: it exited (code 7) during start-up.", e.Message);

        lock (stderr)
        {
            Assert.Contains(stderr, l => l.Contains("tok-51f0e2", StringComparison.Ordinal)); // the diagnostics went to the callback only
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_the_handshake_times_out_and_is_stopped()
    {
        var options = _server.Options("--hang-at-start");

        var e = await Assert.ThrowsAsync<McpServerException>(() => McpToolbox.StartAsync(new McpToolboxOptions(options.Command) { Arguments = options.Arguments, Name = "shop", StartTimeout = TimeSpan.FromSeconds(2) }));

        Assert.Equal("MCP server 'shop' (command 'dotnet') could not be started: it did not finish starting within 2 s.", e.Message);
        Assert.True(await _server.ProcessGoneAsync());
    }

    [Fact]
    public async Task Disposing_the_toolbox_stops_the_server_process()
    {
        McpToolbox shop = await _server.StartAsync();
        Assert.Equal("3", await shop.GetTool("add").InvokeAsync(Args(new { a = 1, b = 2 })));

        await shop.DisposeAsync();

        Assert.True(await _server.ProcessGoneAsync());
    }

    [Fact]
    public async Task The_server_gets_the_given_variables_and_not_this_processs_environment_unless_asked()
    {
        string parentOnly = "HYBRIDAI_MCP_TEST_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(parentOnly, "parent-secret");
        try
        {
            var options = _server.Options();
            var given = new Dictionary<string, string?> { ["SHOP_REGION"] = "eu-west" };
            await using McpToolbox isolated = await McpToolbox.StartAsync(new McpToolboxOptions(options.Command) { Arguments = options.Arguments, Environment = given });
            await using McpToolbox inheriting = await McpToolbox.StartAsync(new McpToolboxOptions(options.Command) { Arguments = options.Arguments, InheritEnvironment = true });

            Assert.Equal("eu-west", await isolated.GetTool("read_env").InvokeAsync(Args(new { name = "SHOP_REGION" })));
            Assert.Equal("(unset)", await isolated.GetTool("read_env").InvokeAsync(Args(new { name = parentOnly })));
            Assert.Equal("parent-secret", await inheriting.GetTool("read_env").InvokeAsync(Args(new { name = parentOnly })));
        }
        finally
        {
            Environment.SetEnvironmentVariable(parentOnly, null);
        }
    }

    [Fact]
    public async Task An_unknown_tool_name_is_an_error_that_lists_the_servers_tools()
    {
        await using McpToolbox shop = await _server.StartAsync();

        var e = Assert.Throws<KeyNotFoundException>(() => shop.GetTool("drop_tables"));

        Assert.Equal("MCP server 'shop' has no tool named 'drop_tables'; it has: " + string.Join(", ", shop.Tools.Select(t => t.Name)) + ".", e.Message);
    }

    [Fact]
    public async Task After_disposal_the_tools_refuse_to_run()
    {
        McpToolbox shop = await _server.StartAsync();
        AIFunction add = shop.GetTool("add");
        await shop.DisposeAsync();
        await shop.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await add.InvokeAsync(Args(new { a = 1, b = 1 })));
        Assert.Empty(_server.CallsReceived);
    }

    [Fact]
    public void Bad_options_are_rejected_by_name()
    {
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => McpToolbox.StartAsync(new McpToolboxOptions("dotnet") { CallTimeout = TimeSpan.Zero }).GetAwaiter().GetResult());
        var folder = Assert.Throws<DirectoryNotFoundException>(() => McpToolbox.StartAsync(new McpToolboxOptions("dotnet") { WorkingDirectory = "/no/such/folder-7f3a" }).GetAwaiter().GetResult());

        Assert.Contains("CallTimeout", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("WorkingDirectory", folder.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/no/such/folder-7f3a", folder.Message, StringComparison.Ordinal); // a path can name a person or a tenant
        Assert.Throws<ArgumentException>(() => new McpToolboxOptions(" "));
    }
}
