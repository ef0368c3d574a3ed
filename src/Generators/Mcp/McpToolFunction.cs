using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HybridAI.Generators.Mcp;

/// <summary>
/// One tool of an MCP server as an <see cref="AIFunction"/>: invoking it sends tools/call to the server, bounded by
/// the toolbox's call timeout, and maps the answer with <see cref="McpToolResult"/>.
/// </summary>
internal sealed class McpToolFunction(McpToolbox toolbox, Tool tool) : AIFunction
{
    /// <summary>How long to wait, once a call failed, for the session's end to report the server's exit code.</summary>
    private static readonly TimeSpan ExitReportWait = TimeSpan.FromSeconds(2);

    public override string Name => tool.Name;

    public override string Description => tool.Description ?? tool.Title ?? "";

    public override JsonElement JsonSchema => tool.InputSchema;

    public override JsonElement? ReturnJsonSchema => tool.OutputSchema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        toolbox.ThrowIfUnusable(tool.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(toolbox.CallTimeout);
        CallToolResult result;
        try
        {
            result = await toolbox.Client.CallToolAsync(tool.Name, arguments, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e) when (!toolbox.HasExited)
        {
            throw new McpServerException(toolbox.Name,
                $"Tool '{tool.Name}' on MCP server '{toolbox.Name}' did not answer within {toolbox.CallTimeout.TotalSeconds:0.###} s; the call was cancelled.", null, e);
        }
        // The SDK's exceptions are not kept as causes below: their messages may quote the server's stderr or its
        // error text, which can hold secrets; the message says what happened instead.
        catch (McpProtocolException e)
        {
            throw new McpServerException(toolbox.Name, $"MCP server '{toolbox.Name}' rejected the call to tool '{tool.Name}' (MCP error {(int)e.ErrorCode}).");
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            // The transport failed under the call: most often the server died. Say so, with its exit code when known.
            int? code = McpToolbox.ExitCodeIn(e) ?? await McpToolbox.ExitCodeAsync(toolbox.Client, ExitReportWait).ConfigureAwait(false);
            string what = toolbox.HasExited ? $"MCP server '{toolbox.Name}' {McpToolbox.Exited(code)} during the call to tool '{tool.Name}'"
                : $"The call to tool '{tool.Name}' on MCP server '{toolbox.Name}' failed: the connection to the server broke";
            throw new McpServerException(toolbox.Name, what + ".", code);
        }

        return McpToolResult.ToFunctionResult(result);
    }
}
