namespace HybridAI.Orchestrator.Steps;

/// <summary>Lower-case kind names used in span names and tags (no per-call ToString).</summary>
internal static class StepKindNames
{
    public static string Of(StepKind kind) => kind switch
    {
        StepKind.Transform => "transform",
        StepKind.Classify => "classify",
        StepKind.Score => "score",
        StepKind.Retrieve => "retrieve",
        StepKind.Generate => "generate",
        StepKind.CallTool => "call_tool",
        StepKind.Branch => "branch",
        StepKind.Gate => "gate",
        _ => "step",
    };
}
