using System.Text.Json;
using HybridAI.Generators.Mcp;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// The cost of a tool that lives in an MCP server: calls/s and round-trip time of <c>add</c> on the tests' MCP server
/// (a child process over stdio, built beside the bench), one caller and eight concurrent callers, against the same
/// addition as an in-process <see cref="AIFunction"/>. Wall-clock figures: the server's CPU is another process's.
/// </summary>
internal static class McpToolCallThroughput
{
    public static async Task RunAsync()
    {
        string server = Path.Combine(AppContext.BaseDirectory, "HybridAI.Generators.McpServer.dll");
        await using McpToolbox shop = await McpToolbox.StartAsync(new McpToolboxOptions("dotnet") { Arguments = [server], Name = "shop" }).ConfigureAwait(false);
        AIFunction remote = shop.GetTool("add");
        AIFunction local = AIFunctionFactory.Create((int a, int b) => a + b, "add");
        var arguments = new AIFunctionArguments(JsonSerializer.SerializeToElement(new { a = 2, b = 40 }).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));

        long Call(AIFunction tool)
        {
            tool.InvokeAsync(arguments).AsTask().GetAwaiter().GetResult();
            return 1;
        }

        Rate one = Rate.Measure(1, (_, _) => Call(remote));
        Rate eight = Rate.Measure(8, (_, _) => Call(remote));
        Rate inProcess = Rate.Measure(1, (_, _) => Call(local));
        Console.WriteLine($"mcp: {one.PerSecond:N0} calls/s over stdio with one caller ({1e6 / one.PerSecond:F0} µs round trip), {eight.PerSecond:N0} calls/s with 8 concurrent callers");
        Console.WriteLine($"mcp: the same tool in process: {inProcess.PerSecond:N0} calls/s ({inProcess.PerSecond / one.PerSecond:N0}x an MCP call)");
    }
}
