using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HybridAI.Generators.Mcp;

/// <summary>
/// A running MCP server (launched over stdio) and its tools as <see cref="AIFunction"/>s, each with the name,
/// description and parameter JSON schema the server declared. They go into <c>ChatOptions.Tools</c> like any other
/// tool, so <c>ToolCallingChatClient</c>'s allow-list, schema check and approvals apply to them before a call is
/// sent to the server. A tool's text result is returned as a string, a structured result as JSON, and a result the
/// server marks as an error as a string beginning "Error:" that the model can read. A call that outlives
/// <see cref="McpToolboxOptions.CallTimeout"/>, or whose server exits, throws <see cref="McpServerException"/>; once
/// the server has exited every call fails at once. Disposing stops the server.
/// </summary>
/// <example>
/// <code>
/// await using McpToolbox shop = await McpToolbox.StartAsync(new McpToolboxOptions("dotnet") { Arguments = ["shop-server.dll"], Name = "shop" });
/// IChatClient chat = model.WithToolCalling(new ToolCallingOptions { AllowedTools = ["lookup_order"] });
/// ChatResponse reply = await chat.GetResponseAsync("Where is order A-1001?", new ChatOptions { Tools = [.. shop.Tools] });
/// </code>
/// </example>
public sealed class McpToolbox : IAsyncDisposable
{
    private readonly McpClient _client;
    private readonly McpToolboxOptions _options;
    private int _disposed;

    private McpToolbox(McpClient client, McpToolboxOptions options, IList<McpClientTool> listed)
    {
        _client = client;
        _options = options;
        Tools = [.. listed.Select(t => new McpToolFunction(this, t.ProtocolTool))];
    }

    /// <summary>The server's tools, in the order it listed them.</summary>
    public IReadOnlyList<AIFunction> Tools { get; }

    /// <summary>The name used in messages (<see cref="McpToolboxOptions.Name"/> or the command's file name).</summary>
    public string Name => _options.DisplayName;

    /// <summary>Whether the server process has exited (or the connection to it closed).</summary>
    public bool HasExited => _client.Completion.IsCompleted;

    internal McpClient Client => _client;

    internal TimeSpan CallTimeout => _options.CallTimeout;

    /// <summary>
    /// Starts the server, completes the MCP handshake and lists its tools. Throws <see cref="McpServerException"/>
    /// when the command cannot be found or run, or the server exits or does not answer within
    /// <see cref="McpToolboxOptions.StartTimeout"/>.
    /// </summary>
    public static async Task<McpToolbox> StartAsync(McpToolboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string name = options.DisplayName;
        if (!CommandExists(options.Command, options.WorkingDirectory))
        {
            throw new McpServerException(name, $"MCP server '{name}' could not be started: command '{options.Command}' was not found.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(new StdioClientTransport(TransportOptions(options)), cancellationToken: timeout.Token).ConfigureAwait(false);
            IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            return new McpToolbox(client, options, tools);
        }
        catch (Exception e)
        {
            int? exitCode = ExitCodeIn(e) ?? (client is null ? null : await ExitCodeAsync(client, TimeSpan.FromSeconds(1)).ConfigureAwait(false));
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            string what = e switch
            {
                OperationCanceledException => $"it did not finish starting within {options.StartTimeout.TotalSeconds:0.###} s",
                McpProtocolException p => $"it refused the handshake (MCP error {(int)p.ErrorCode})",
                _ when exitCode is int code => $"it exited (code {code}) during start-up",
                _ => "it exited or closed its output during start-up",
            };
            // The SDK's exception is not kept as the cause: its message quotes the server's stderr, which may hold secrets.
            throw new McpServerException(name, $"MCP server '{name}' (command '{options.Command}') could not be started: {what}.", exitCode, e as OperationCanceledException);
        }
    }

    /// <summary>The tool named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming the tools the server has.</summary>
    public AIFunction GetTool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (AIFunction tool in Tools)
        {
            if (string.Equals(tool.Name, name, StringComparison.Ordinal))
            {
                return tool;
            }
        }

        throw new KeyNotFoundException($"MCP server '{Name}' has no tool named '{name}'; it has: {string.Join(", ", Tools.Select(t => t.Name))}.");
    }

    /// <summary>Stops the server (closing its input, then killing it if it does not exit) and fails any pending call.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void ThrowIfUnusable(string toolName)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_client.Completion.IsCompleted)
        {
            int? code = _client.Completion.IsCompletedSuccessfully ? ExitCodeOf(_client.Completion.Result) : null;
            throw new McpServerException(Name, $"MCP server '{Name}' {Exited(code)}; tool '{toolName}' was not called.", code);
        }
    }

    /// <summary>The exit code once the session has ended, waiting up to <paramref name="wait"/> for the process to be reaped.</summary>
    internal static async Task<int?> ExitCodeAsync(McpClient client, TimeSpan wait)
    {
        try
        {
            ClientCompletionDetails details = await client.Completion.WaitAsync(wait).ConfigureAwait(false);
            return ExitCodeOf(details);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The exit code carried by a transport-closed exception anywhere in <paramref name="e"/>'s chain.</summary>
    internal static int? ExitCodeIn(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is ClientTransportClosedException { Details: StdioClientCompletionDetails { ExitCode: int code } })
            {
                return code;
            }
        }

        return null;
    }

    internal static string Exited(int? code) => code is int c ? $"exited (code {c})" : "exited";

    private static int? ExitCodeOf(ClientCompletionDetails details) => (details as StdioClientCompletionDetails)?.ExitCode;

    private static StdioClientTransportOptions TransportOptions(McpToolboxOptions options)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!options.InheritEnvironment)
        {
            foreach (KeyValuePair<string, string?> variable in StdioClientTransportOptions.GetDefaultEnvironmentVariables())
            {
                environment[variable.Key] = variable.Value;
            }
        }

        foreach (KeyValuePair<string, string?> variable in options.Environment ?? new Dictionary<string, string?>())
        {
            environment[variable.Key] = variable.Value;
        }

        return new StdioClientTransportOptions
        {
            Command = options.Command,
            Arguments = [.. options.Arguments],
            Name = options.DisplayName,
            WorkingDirectory = options.WorkingDirectory,
            InheritEnvironmentVariables = options.InheritEnvironment,
            EnvironmentVariables = environment,
            StandardErrorLines = options.StandardErrorLine,
        };
    }

    /// <summary>Whether the command names an existing file, directly or through PATH (so "not found" can be said plainly).</summary>
    private static bool CommandExists(string command, string? workingDirectory)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || command.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(Path.IsPathRooted(command) ? command : Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), command));
        }

        string[] extensions = OperatingSystem.IsWindows()
            ? ["", .. (System.Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : [""];
        foreach (string directory in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string extension in extensions)
            {
                if (File.Exists(Path.Combine(directory, command + extension)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
