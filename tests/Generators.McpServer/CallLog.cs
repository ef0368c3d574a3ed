namespace HybridAI.Generators.McpServer;

/// <summary>The file a test reads to see which tool calls reached the server (and the server's process id).</summary>
internal static class CallLog
{
    private static readonly Lock Gate = new();

    public static void Write(string? path, string line)
    {
        if (path is null)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
