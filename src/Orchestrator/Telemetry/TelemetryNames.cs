namespace HybridAI.Orchestrator;

/// <summary>Attribute names: ours under <c>hybridai.*</c>, the OpenTelemetry GenAI ones where they apply.</summary>
public static class TelemetryNames
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "HybridAI.Orchestrator";
    /// <summary>The workflow's name.</summary>
    public const string WorkflowName = "hybridai.workflow.name";
    /// <summary>The workflow's version.</summary>
    public const string WorkflowVersion = "hybridai.workflow.version";
    /// <summary>The run's id.</summary>
    public const string RunId = "hybridai.run.id";
    /// <summary>The step's name.</summary>
    public const string StepName = "hybridai.step.name";
    /// <summary>The step's kind.</summary>
    public const string StepKind = "hybridai.step.kind";
    /// <summary>How the step or run ended: ok, error, suspended, cancelled.</summary>
    public const string Status = "hybridai.status";
    /// <summary>The step's PII-free outcome.</summary>
    public const string StepOutcome = "hybridai.step.outcome";
    /// <summary>Why the step's fallback ran instead of its body (PII-free), when it did.</summary>
    public const string StepFallback = "hybridai.step.fallback";
    /// <summary>The search mode a retrieve step asked for: keyword, vector or hybrid.</summary>
    public const string RetrievalMode = "hybridai.retrieval.mode";
    /// <summary>How many hits a retrieve step asked for at most.</summary>
    public const string RetrievalTop = "hybridai.retrieval.top";
    /// <summary>How many hits a retrieve step got.</summary>
    public const string RetrievalHits = "hybridai.retrieval.hits";
    /// <summary>GenAI semconv: chat, execute_tool.</summary>
    public const string GenAiOperation = "gen_ai.operation.name";
    /// <summary>GenAI semconv: the tool's name.</summary>
    public const string GenAiToolName = "gen_ai.tool.name";
    /// <summary>GenAI semconv: the model asked for.</summary>
    public const string GenAiRequestModel = "gen_ai.request.model";
    /// <summary>GenAI semconv: the model that answered.</summary>
    public const string GenAiResponseModel = "gen_ai.response.model";
    /// <summary>GenAI semconv: prompt tokens.</summary>
    public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
    /// <summary>GenAI semconv: completion tokens.</summary>
    public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
}
