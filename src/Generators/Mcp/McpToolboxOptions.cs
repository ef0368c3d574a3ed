namespace HybridAI.Generators.Mcp;

/// <summary>
/// How <see cref="McpToolbox"/> launches an MCP server over stdio, and how long it waits for it. The command's
/// arguments and environment values are never repeated in error messages (they often carry tokens).
/// </summary>
/// <example>
/// <code>
/// var options = new McpToolboxOptions("npx")
/// {
///     Arguments = ["-y", "@modelcontextprotocol/server-filesystem", "/srv/docs"],
///     Name = "files",
///     Environment = new Dictionary&lt;string, string?&gt; { ["LOG_LEVEL"] = "warn" },
///     CallTimeout = TimeSpan.FromSeconds(20),
/// };
/// await using McpToolbox files = await McpToolbox.StartAsync(options);
/// </code>
/// </example>
public sealed class McpToolboxOptions
{
    /// <summary>Creates options that start the server with <paramref name="command"/> (a path, or a program on PATH).</summary>
    public McpToolboxOptions(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        Command = command;
    }

    /// <summary>The program that runs the server.</summary>
    public string Command { get; }

    /// <summary>The arguments passed to <see cref="Command"/>, each as one argument (no shell splitting or quoting).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Variables set for the server process; a <see langword="null"/> value removes one. Added on top of the inherited
    /// environment (see <see cref="InheritEnvironment"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>
    /// Whether the server gets this process's whole environment (default <see langword="false"/>: only the few
    /// variables programs need to start, such as PATH and HOME, plus <see cref="Environment"/>), so that API keys
    /// held by this process do not leak to a third-party server.
    /// </summary>
    public bool InheritEnvironment { get; init; }

    /// <summary>The server's working directory; this process's current directory when <see langword="null"/>.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The name used in error messages; the command's file name when <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>How long starting the server, the MCP handshake and listing its tools may take (default 30 s).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one tool call may take before it fails (default 60 s); <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Receives each line the server writes to stderr (its diagnostics). By default they are dropped: they are
    /// never copied into exceptions, since a server may print its configuration there.
    /// </summary>
    public Action<string>? StandardErrorLine { get; init; }

    internal string DisplayName => Name ?? Path.GetFileNameWithoutExtension(Command);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Arguments);
        if (StartTimeout <= TimeSpan.Zero && StartTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(StartTimeout), StartTimeout, "McpToolboxOptions.StartTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "McpToolboxOptions.CallTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (WorkingDirectory is not null && !Directory.Exists(WorkingDirectory))
        {
            throw new DirectoryNotFoundException($"The working directory for MCP server '{DisplayName}' does not exist (option WorkingDirectory).");
        }
    }
}
