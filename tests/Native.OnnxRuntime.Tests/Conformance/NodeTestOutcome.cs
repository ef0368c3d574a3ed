namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>How one ONNX node test went against ONNX Runtime.</summary>
internal enum NodeTestStatus
{
    /// <summary>Every data set's outputs matched.</summary>
    Passed,

    /// <summary>ORT refused the model at session creation (the only allowed reason to skip).</summary>
    RejectedBySession,

    /// <summary>A run failed or an output differed.</summary>
    Failed,
}

/// <param name="Name">The node test (its folder name).</param>
/// <param name="Status">What happened.</param>
/// <param name="Detail">ORT's session-creation message, or the first mismatch; empty when it passed.</param>
internal sealed record NodeTestOutcome(string Name, NodeTestStatus Status, string Detail);
