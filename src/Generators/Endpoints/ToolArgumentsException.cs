namespace HybridAI.Generators.Endpoints;

/// <summary>
/// The model called a tool with arguments that are not a JSON object. It is set on
/// <see cref="Microsoft.Extensions.AI.FunctionCallContent.Exception"/> (the call is still returned, not thrown),
/// so a tool loop can send the error back to the model and let it try again.
/// </summary>
public sealed class ToolArgumentsException : Exception
{
    /// <summary>Creates the exception for a call to <paramref name="toolName"/> whose arguments were <paramref name="rawArguments"/>.</summary>
    public ToolArgumentsException(string toolName, string rawArguments, Exception? innerException = null)
        : base($"The arguments of the call to tool '{toolName}' are not a JSON object.", innerException)
    {
        ToolName = toolName;
        RawArguments = rawArguments;
    }

    /// <summary>The tool the model asked for.</summary>
    public string ToolName { get; }

    /// <summary>The argument text exactly as the model wrote it (kept off <see cref="Exception.Message"/>: it is model output).</summary>
    public string RawArguments { get; }
}
