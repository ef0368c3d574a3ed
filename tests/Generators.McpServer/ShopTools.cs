using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace HybridAI.Generators.McpServer;

/// <summary>The tools the test server offers. Parameter names are the wire names, hence the underscores.</summary>
[McpServerToolType]
internal static class ShopTools
{
    private static readonly Dictionary<string, Order> Orders = new(StringComparer.Ordinal)
    {
        ["A-1001"] = new("A-1001", "shipped", 42.50m),
        ["A-1002"] = new("A-1002", "processing", 7.25m),
    };

    [McpServerTool(Name = "lookup_order", UseStructuredContent = true, ReadOnly = true)]
    [Description("Looks up an order: its status and total.")]
    public static Order LookupOrder([Description("The order id, e.g. A-1001."), MaxLength(12)] string order_id) =>
        Orders.TryGetValue(order_id, out Order? order) ? order : throw new McpException($"There is no order {order_id}; ids look like A-1001.");

    [McpServerTool(Name = "add", ReadOnly = true)]
    [Description("Adds two integers.")]
    public static int Add(int a, int b) => a + b;

    [McpServerTool(Name = "sleep")]
    [Description("Waits the given number of milliseconds, then answers.")]
    public static async Task<string> Sleep(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return $"slept {milliseconds} ms";
    }

    [McpServerTool(Name = "crash")]
    [Description("Ends the server process at once with the given exit code (a server that dies mid-call).")]
    public static string Crash(int exit_code)
    {
        Environment.Exit(exit_code);
        return "unreachable";
    }

    [McpServerTool(Name = "delete_account", Destructive = true)]
    [Description("Deletes a customer account.")]
    public static string DeleteAccount([MaxLength(12)] string account_id) => $"deleted {account_id}";

    [McpServerTool(Name = "read_env", ReadOnly = true)]
    [Description("The value of an environment variable in the server process, or (unset).")]
    public static string ReadEnv(string name) => Environment.GetEnvironmentVariable(name) ?? "(unset)";
}

/// <summary>An order as lookup_order returns it (structured content).</summary>
internal sealed record Order(string OrderId, string Status, decimal Total);
