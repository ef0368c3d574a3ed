using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Tools;

/// <summary>How <see cref="ToolCallingChatClient"/> runs the tools a model asks for.</summary>
public sealed class ToolCallingOptions
{
    /// <summary>
    /// The most rounds of tool invocation per request (default 8). When the model asks for tools once more after
    /// that, nothing is invoked: each call is answered "not invoked" and the response ends with
    /// <see cref="ToolCallingChatClient.IterationLimitReached"/>.
    /// </summary>
    public int MaxIterations { get; init; } = 8;

    /// <summary>
    /// The tool names this workflow grants, compared ordinally. A call to any other tool is never invoked, whatever
    /// the model asks; the model is told the tool is not allowed. An empty list grants nothing; <see langword="null"/> (the default) grants every
    /// tool offered in <c>ChatOptions.Tools</c>.
    /// </summary>
    public IReadOnlyCollection<string>? AllowedTools { get; init; }

    /// <summary>
    /// Asked before any <c>ApprovalRequiredAIFunction</c> runs; without one such tools are never invoked. Governance's
    /// <c>ReviewQueueToolApprover</c> sends each such call to the human review queue.
    /// </summary>
    public IToolApprover? Approver { get; init; }

    /// <summary>Whether several calls in one model response run concurrently (default true); results keep the calls' order.</summary>
    public bool AllowConcurrentInvocation { get; init; } = true;

    /// <summary>
    /// Whether a required <c>ChatOptions.ToolMode</c> stays required after the first round of calls (default false:
    /// later requests use auto mode, so the model can answer instead of calling again). Set it for agents that must
    /// always act through a tool; the loop then ends at <see cref="MaxIterations"/>.
    /// </summary>
    public bool KeepRequiredToolMode { get; init; }

    /// <summary>
    /// Whether a tool's exception message is passed to the model (default false: the model only learns that the tool
    /// failed). Exception messages can carry connection strings, paths or personal data; stack traces are never sent.
    /// </summary>
    public bool IncludeExceptionMessages { get; init; }

    internal void Validate()
    {
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "ToolCallingOptions.MaxIterations must be at least 1.");
        }
    }
}
