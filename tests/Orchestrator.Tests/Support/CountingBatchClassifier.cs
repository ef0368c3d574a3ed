using System.Collections.Concurrent;
using HybridAI.Abstractions.Classification;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>
/// A batch classifier over <see cref="KeywordClassifier"/> that records every call: the size of each batched call and
/// the count of single ones. Texts containing "boom" are invalid inputs: they fail alone and fail any batch holding them.
/// </summary>
public sealed class CountingBatchClassifier : IBatchClassifier<string>, IBatchScorer<string>
{
    private readonly KeywordClassifier _inner = new(("billing", "refund"), ("billing", "charged"), ("technical", "crash"));
    private readonly UrgencyScorer _scorer = new();
    private int _singleCalls;

    public IReadOnlyList<string> Labels => _inner.Labels;

    /// <summary>The size of each batched call, in call order.</summary>
    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public int SingleCalls => Volatile.Read(ref _singleCalls);

    /// <summary>Batched and single calls together: how many times the model ran.</summary>
    public int Calls => BatchSizes.Count + SingleCalls;

    public Classification Classify(string input)
    {
        Interlocked.Increment(ref _singleCalls);
        return Expected(input);
    }

    public IReadOnlyList<Classification> Classify(IReadOnlyList<string> inputs)
    {
        BatchSizes.Enqueue(inputs.Count);
        return [.. inputs.Select(Expected)];
    }

    public double Score(string input)
    {
        Interlocked.Increment(ref _singleCalls);
        return ExpectedScore(input);
    }

    public IReadOnlyList<double> Score(IReadOnlyList<string> inputs)
    {
        BatchSizes.Enqueue(inputs.Count);
        return [.. inputs.Select(ExpectedScore)];
    }

    /// <summary>What the model returns for one input, without counting a call.</summary>
    public Classification Expected(string input) => input.Contains("boom", StringComparison.Ordinal)
        ? throw new ArgumentException("The ticket text cannot be classified.", nameof(input))
        : _inner.Classify(input);

    public double ExpectedScore(string input) => input.Contains("boom", StringComparison.Ordinal)
        ? throw new ArgumentException("The ticket text cannot be scored.", nameof(input))
        : _scorer.Score(input);
}
