using System.Text.Json;
using HybridAI.Abstractions.Generation;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tools;

/// <summary>
/// Answers one round of a model's tool calls: each call is checked (known, granted, approved, arguments valid) and
/// only then invoked; every refusal or failure becomes an error result for the model, never an exception.
/// </summary>
internal sealed class ToolCallRunner
{
    private const int MaxEchoedNameLength = 64;
    private readonly ToolCallingOptions _options;
    private readonly HashSet<string>? _allowed;
    private readonly ToolArgumentValidator _validator = new();

    public ToolCallRunner(ToolCallingOptions options)
    {
        _options = options;
        _allowed = options.AllowedTools is null ? null : new HashSet<string>(options.AllowedTools, StringComparer.Ordinal);
    }

    /// <summary>The calls that ask this loop to act (calls a service reports as already run are left alone).</summary>
    public static List<FunctionCallContent> PendingCalls(IEnumerable<ChatMessage> messages) =>
        [.. messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Where(c => !c.InformationalOnly)];

    /// <summary>The results of <paramref name="calls"/>, in their order.</summary>
    public async Task<IList<AIContent>> RunAsync(IReadOnlyList<FunctionCallContent> calls, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        Dictionary<string, AIFunctionDeclaration> tools = Offered(chatOptions);
        var results = new AIContent[calls.Count];
        if (_options.AllowConcurrentInvocation && calls.Count > 1)
        {
            FunctionResultContent[] all = await Task.WhenAll(calls.Select(c => RunOneAsync(c, tools, cancellationToken))).ConfigureAwait(false);
            all.CopyTo(results, 0);
        }
        else
        {
            for (int i = 0; i < calls.Count; i++)
            {
                results[i] = await RunOneAsync(calls[i], tools, cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>"Not invoked" answers for calls made after the iteration limit.</summary>
    public IList<AIContent> RefuseOverLimit(IReadOnlyList<FunctionCallContent> calls) =>
        [.. calls.Select(c => Error(c, $"tool '{Echo(c.Name)}' was not invoked: the limit of {_options.MaxIterations} tool rounds for this request was reached"))];

    private async Task<FunctionResultContent> RunOneAsync(FunctionCallContent call, Dictionary<string, AIFunctionDeclaration> tools, CancellationToken cancellationToken)
    {
        string name = Echo(call.Name);
        if (_allowed is not null && !_allowed.Contains(call.Name))
        {
            return Error(call, $"tool '{name}' is not allowed");
        }

        if (!tools.TryGetValue(call.Name, out AIFunctionDeclaration? declaration))
        {
            return Error(call, $"there is no tool named '{name}'");
        }

        if (declaration is not AIFunction function)
        {
            return Error(call, $"tool '{name}' is declared but has no implementation here");
        }

        if (call.Exception is not null)
        {
            return Error(call, $"the arguments for tool '{name}' could not be read as a JSON object");
        }

        string? violation = await _validator.ViolationAsync(function, call.Arguments).ConfigureAwait(false);
        if (violation is not null)
        {
            return Error(call, $"invalid arguments for tool '{name}': {violation}");
        }

        if (function.GetService<ApprovalRequiredAIFunction>() is not null)
        {
            if (_options.Approver is null)
            {
                return Error(call, $"tool '{name}' needs approval and no approver is configured; it was not invoked");
            }

            ToolApproval approval = await _options.Approver.ApproveAsync(call, cancellationToken).ConfigureAwait(false);
            if (!approval.IsApproved)
            {
                string why = approval.Reason is null ? "" : $" ({approval.Reason})";
                return Error(call, $"the call to tool '{name}' was not approved{why}; it was not invoked");
            }
        }

        try
        {
            object? result = await function.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken).ConfigureAwait(false);
            return new FunctionResultContent(call.CallId, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            string detail = _options.IncludeExceptionMessages ? ": " + e.Message : "";
            return new FunctionResultContent(call.CallId, $"Error: tool '{name}' failed{detail}") { Exception = e };
        }
    }

    private static Dictionary<string, AIFunctionDeclaration> Offered(ChatOptions? chatOptions)
    {
        var tools = new Dictionary<string, AIFunctionDeclaration>(StringComparer.Ordinal);
        foreach (AIFunctionDeclaration tool in chatOptions?.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            tools.TryAdd(tool.Name, tool);
        }

        return tools;
    }

    private static FunctionResultContent Error(FunctionCallContent call, string message) => new(call.CallId, "Error: " + message + ".");

    /// <summary>The model's tool name as it may be repeated back: bounded, and quoted as JSON so it cannot close the sentence.</summary>
    private static string Echo(string name)
    {
        string bounded = name.Length > MaxEchoedNameLength ? name[..MaxEchoedNameLength] + "…" : name;
        string quoted = JsonSerializer.Serialize(bounded);
        return quoted[1..^1];
    }
}
