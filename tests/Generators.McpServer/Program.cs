using HybridAI.Generators.McpServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: HybridAI.Generators.McpServer [--log <file>] [--exit-at-start <code>] [--hang-at-start]
// Serves ShopTools over stdio. --log gets "pid N" at start, then one line "call <tool>" per tools/call request the
// server receives (before the tool runs), so a test can prove which calls reached it and find the process.
// --exit-at-start writes a line to stderr and exits with the code before serving, like a server whose configuration
// is broken; --hang-at-start never answers.
string? log = Option(args, "--log");
CallLog.Write(log, "pid " + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
if (args.Contains("--hang-at-start"))
{
    await Task.Delay(Timeout.Infinite); // never answers the handshake
}

if (Option(args, "--exit-at-start") is string code)
{
    await Console.Error.WriteLineAsync($"fatal: cannot reach the order backend (token {Environment.GetEnvironmentVariable("ORDER_API_TOKEN")})");
    return int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
}

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders(); // stdout carries the protocol; nothing else may write there
builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "shop", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithTools([typeof(ShopTools)])
    .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (request, cancellationToken) =>
    {
        CallLog.Write(log, "call " + (request.Params?.Name ?? "?"));
        return await next(request, cancellationToken);
    }));
await Console.Error.WriteLineAsync("shop server ready");
await builder.Build().RunAsync();
return 0;

static string? Option(string[] args, string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
