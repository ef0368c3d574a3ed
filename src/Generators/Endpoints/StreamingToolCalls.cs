using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace HybridAI.Generators.Endpoints;

/// <summary>
/// Accumulates streamed tool-call deltas: the first delta of a call carries its index, id and name, later ones carry
/// pieces of the argument text under the same index.
/// </summary>
internal sealed class StreamingToolCalls
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _calls = [];

    public bool IsEmpty => _calls.Count == 0;

    public void Add(StreamingChatToolCallUpdate update)
    {
        if (!_calls.TryGetValue(update.Index, out var call))
        {
            call = (null, null, new StringBuilder());
        }

        call.Id ??= update.ToolCallId;
        call.Name ??= update.FunctionName;
        if (update.FunctionArgumentsUpdate is { } args && !args.IsEmpty)
        {
            call.Arguments.Append(args.ToString());
        }

        _calls[update.Index] = call;
    }

    /// <summary>The finished calls, in index order; null (with <paramref name="problem"/>) when a call never got a name.</summary>
    public List<AIContent>? Complete(out string? problem)
    {
        var result = new List<AIContent>(_calls.Count);
        foreach (var (index, call) in _calls)
        {
            if (string.IsNullOrEmpty(call.Name))
            {
                problem = $"tool call {index} in the stream has no function name";
                return null;
            }

            result.Add(ToolCallArguments.Parse(ToolCallArguments.IdOrDefault(call.Id, index), call.Name, call.Arguments.ToString()));
        }

        _calls.Clear();
        problem = null;
        return result;
    }
}
