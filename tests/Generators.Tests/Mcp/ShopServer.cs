using HybridAI.Generators.Mcp;

namespace HybridAI.Generators.Tests.Mcp;

/// <summary>
/// The test MCP server (tests/Generators.McpServer, built beside the tests) launched as a real child process over
/// stdio, with a log file in which the server records every tools/call it receives.
/// </summary>
internal sealed class ShopServer : IDisposable
{
    private readonly TempDirectory _folder = new();

    public ShopServer()
    {
        LogPath = _folder.File("calls.log");
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "HybridAI.Generators.McpServer.dll");

    public string LogPath { get; }

    /// <summary>The tool names the server was asked to call, in order (read from its log).</summary>
    public IReadOnlyList<string> CallsReceived =>
        File.Exists(LogPath) ? [.. File.ReadAllLines(LogPath).Where(l => l.StartsWith("call ", StringComparison.Ordinal)).Select(l => l[5..])] : [];

    public McpToolboxOptions Options(params string[] extraArguments) => new("dotnet")
    {
        Arguments = [Dll, "--log", LogPath, .. extraArguments],
        Name = "shop",
    };

    public Task<McpToolbox> StartAsync() => McpToolbox.StartAsync(Options());

    public void Dispose() => _folder.Dispose();
}
