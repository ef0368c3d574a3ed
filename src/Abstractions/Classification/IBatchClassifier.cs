namespace HybridAI.Abstractions.Classification;

/// <summary>
/// A classifier that also classifies many inputs in one call, for models whose cost is dominated by a fixed
/// per-call overhead (an ONNX Runtime session run, a GPU launch, a remote round trip). The batch runner's
/// classify step coalesces concurrent items into one such call when the step asks for batching.
/// </summary>
/// <typeparam name="TInput">What the model reads.</typeparam>
/// <example>
/// <code>
/// IBatchClassifier&lt;float[]&gt; churn = OnnxClassifier.FromFile("churn.onnx");
/// IReadOnlyList&lt;Classification&gt; all = churn.Classify([[0.3f, 1.2f], [2.5f, 0.1f]]);
/// Console.WriteLine($"{all[0].Label} {all[1].Label}");
/// </code>
/// </example>
public interface IBatchClassifier<in TInput> : IClassifier<TInput>
{
    /// <summary>
    /// Classifies every input; one result per input, in input order, each equal to what
    /// <see cref="IClassifier{TInput}.Classify"/> returns for that input alone. Thread-safe.
    /// </summary>
    /// <param name="inputs">At least one input.</param>
    /// <exception cref="ArgumentException">An input is invalid; the whole call fails, so callers retry the inputs one by one to find it.</exception>
    IReadOnlyList<Classification> Classify(IReadOnlyList<TInput> inputs);
}
