namespace HybridAI.Generators.McpServer;

/// <summary>The file a test reads to see which tool calls reached the server.</summary>
internal static class CallLog
{
    private static readonly Lock Gate = new();

    public static void Append(string? path, string toolName)
    {
        if (path is null)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, "call " + toolName + Environment.NewLine);
        }
    }
}
