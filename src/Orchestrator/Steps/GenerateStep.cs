using System.Globalization;
using HybridAI.Orchestrator.Running;
using HybridAI.Orchestrator.Telemetry;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Steps;

/// <summary>Asks a chat client; streams text updates when the run is streamed.</summary>
internal sealed class GenerateStep<TState>(string name, IChatClient client, Func<TState, IList<ChatMessage>> prompt, Action<TState, ChatResponse> apply, ChatOptions? options)
    : WorkflowStep<TState>(name, StepKind.Generate)
    where TState : class, new()
{
    public override async ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var activity = scope.Activity;
        activity?.SetTag(TelemetryNames.GenAiOperation, "chat");
        if (activity is not null && options?.ModelId is { } model)
        {
            activity.SetTag(TelemetryNames.GenAiRequestModel, model);
        }

        var state = scope.RunScope.TypedState;
        var messages = prompt(state);
        ChatResponse response;
        if (scope.RunScope.Sink is { } sink)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                var text = update.Text;
                if (text.Length > 0)
                {
                    await sink.WriteAsync(new TextDelta(Name, text), cancellationToken).ConfigureAwait(false);
                }
            }
            response = updates.ToChatResponse();
        }
        else
        {
            response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        apply(state, response);

        var usage = response.Usage;
        if (activity is not null)
        {
            if (response.ModelId is { } responseModel)
            {
                activity.SetTag(TelemetryNames.GenAiResponseModel, responseModel);
            }
            if (usage?.InputTokenCount is { } input)
            {
                activity.SetTag(TelemetryNames.GenAiInputTokens, input);
            }
            if (usage?.OutputTokenCount is { } output)
            {
                activity.SetTag(TelemetryNames.GenAiOutputTokens, output);
            }
        }
        scope.Outcome = usage?.OutputTokenCount is { } tokens
            ? string.Create(CultureInfo.InvariantCulture, $"tokens={tokens}")
            : string.Create(CultureInfo.InvariantCulture, $"chars={response.Text.Length}");
    }
}
