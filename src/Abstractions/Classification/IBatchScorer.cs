namespace HybridAI.Abstractions.Classification;

/// <summary>
/// A scorer that also scores many inputs in one call; the batch runner's score step coalesces concurrent items
/// into one such call when the step asks for batching.
/// </summary>
/// <typeparam name="TInput">What the model reads.</typeparam>
/// <example>
/// <code>
/// IBatchScorer&lt;TabularRow&gt; fraud = IsolationForest.Load(stream);
/// IReadOnlyList&lt;double&gt; scores = fraud.Score(rows);
/// </code>
/// </example>
public interface IBatchScorer<in TInput> : IScorer<TInput>
{
    /// <summary>
    /// Scores every input; one score per input, in input order, each equal to what <see cref="IScorer{TInput}.Score"/>
    /// returns for that input alone. Thread-safe.
    /// </summary>
    /// <param name="inputs">At least one input.</param>
    IReadOnlyList<double> Score(IReadOnlyList<TInput> inputs);
}
