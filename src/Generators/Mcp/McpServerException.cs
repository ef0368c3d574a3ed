namespace HybridAI.Generators.Mcp;

/// <summary>
/// An MCP server could not be started, exited, or did not answer a call in time. The message names the server, the
/// command or tool and what happened; it never holds the command's arguments, environment values or stderr.
/// Thrown from a tool inside <c>ToolCallingChatClient</c>, it becomes an error result for the model, not a crash.
/// </summary>
/// <example>
/// <code>
/// try { await tool.InvokeAsync(arguments); }
/// catch (McpServerException e) when (e.ExitCode is not null) { logger.LogWarning("{Server} exited: {Message}", e.ServerName, e.Message); }
/// </code>
/// </example>
public sealed class McpServerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public McpServerException(string serverName, string message, int? exitCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerName = serverName;
        ExitCode = exitCode;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public McpServerException()
        : this("", "The MCP server failed.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public McpServerException(string message)
        : this("", message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public McpServerException(string message, Exception innerException)
        : this("", message, null, innerException)
    {
    }

    /// <summary>The server's name (<see cref="McpToolboxOptions.Name"/> or the command's file name).</summary>
    public string ServerName { get; }

    /// <summary>The server process's exit code when it has exited and the code is known.</summary>
    public int? ExitCode { get; }
}
