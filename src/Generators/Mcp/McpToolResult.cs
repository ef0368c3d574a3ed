using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HybridAI.Generators.Mcp;

/// <summary>What an MCP tool result becomes as an <see cref="AIFunction"/>'s return value.</summary>
internal static class McpToolResult
{
    /// <summary>
    /// An error result: "Error: " and its text, so the model reads why and can correct itself (MCP reports bad input
    /// and business failures this way, meant for the model). Otherwise the structured content when the server sent
    /// some (JSON, the machine-readable form), else the text, else the content as <see cref="AIContent"/>s (images, resources).
    /// </summary>
    public static object? ToFunctionResult(CallToolResult result)
    {
        if (result.IsError == true)
        {
            string text = Text(result.Content);
            return "Error: " + (text.Length == 0 ? "the tool reported an error without a message." : text);
        }

        if (result.StructuredContent is { } structured)
        {
            return structured;
        }

        if (result.Content.All(c => c is TextContentBlock))
        {
            return Text(result.Content);
        }

        return result.Content.ToAIContents();
    }

    private static string Text(IList<ContentBlock> content) =>
        content.Count == 1 && content[0] is TextContentBlock only
            ? only.Text
            : string.Join("\n", content.OfType<TextContentBlock>().Select(t => t.Text));
}
