namespace HybridAI.Abstractions.Classification;

/// <summary>
/// A trained model that assigns one of a fixed set of labels to an input, with calibrated
/// class probabilities and the features that contributed most to the decision.
/// </summary>
/// <typeparam name="TInput">What the model reads: a ticket's text, a row of tabular features…</typeparam>
/// <example>
/// <code>
/// IClassifier&lt;string&gt; triage = ...;
/// Classification c = triage.Classify("My card was charged twice");
/// Console.WriteLine($"{c.Label} ({c.Confidence:P0})");
/// </code>
/// </example>
public interface IClassifier<in TInput>
{
    /// <summary>The labels this model can return, in the order of <see cref="Classification.Probabilities"/>.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Classifies one input. Thread-safe: one model serves many concurrent callers.</summary>
    Classification Classify(TInput input);
}
