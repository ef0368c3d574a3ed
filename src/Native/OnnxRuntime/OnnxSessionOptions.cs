namespace HybridAI.Native.OnnxRuntime;

/// <summary>How much ORT rewrites the graph when it loads a model (<c>GraphOptimizationLevel</c>).</summary>
public enum OnnxGraphOptimization
{
    /// <summary>No rewrites.</summary>
    Disabled = 0,

    /// <summary>Semantics-preserving rewrites such as constant folding.</summary>
    Basic = 1,

    /// <summary>Basic plus node fusions.</summary>
    Extended = 2,

    /// <summary>Everything, including layout changes (ORT's default).</summary>
    All = 99,
}

/// <summary>Settings for loading a model into an <see cref="OnnxSession"/>.</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads used inside one operator; 0 lets ORT choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads used to run independent operators in parallel; 0 lets ORT choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Graph rewrites at load time; <see cref="OnnxGraphOptimization.All"/> by default.</summary>
    public OnnxGraphOptimization GraphOptimization { get; init; } = OnnxGraphOptimization.All;
}
