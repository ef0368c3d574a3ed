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

    /// <summary>The server process's id, as it logged it at start.</summary>
    public int ProcessId => int.Parse(File.ReadAllLines(LogPath).First(l => l.StartsWith("pid ", StringComparison.Ordinal))[4..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the server process has gone, waiting for it up to a generous bound (a guard, not a timing check).</summary>
    public async Task<bool> ProcessGoneAsync()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(ProcessId);
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(guard.Token);
            return true;
        }
        catch (ArgumentException)
        {
            return true; // no such process any more
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public McpToolboxOptions Options(params string[] extraArguments) => new("dotnet")
    {
        Arguments = [Dll, "--log", LogPath, .. extraArguments],
        Name = "shop",
    };

    public Task<McpToolbox> StartAsync() => McpToolbox.StartAsync(Options());

    public void Dispose() => _folder.Dispose();
}
