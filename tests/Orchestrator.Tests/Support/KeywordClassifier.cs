using HybridAI.Abstractions.Classification;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>A small real classifier: a label wins when one of its keywords is in the text.</summary>
public sealed class KeywordClassifier(params (string Label, string Keyword)[] rules) : IClassifier<string>
{
    public IReadOnlyList<string> Labels { get; } = [.. rules.Select(r => r.Label).Distinct(), "other"];

    public Classification Classify(string input)
    {
        var label = rules.FirstOrDefault(r => input.Contains(r.Keyword, StringComparison.OrdinalIgnoreCase)).Label ?? "other";
        var probabilities = Labels.Select(l => l == label ? 0.9 : 0.1 / (Labels.Count - 1)).ToArray();
        return new Classification(label, 0.9, probabilities, []);
    }
}

/// <summary>Scores urgency as the share of exclamation marks and capitals.</summary>
public sealed class UrgencyScorer : IScorer<string>
{
    public double Score(string input) => input.Length == 0 ? 0 : input.Count(c => c == '!' || char.IsUpper(c)) / (double)input.Length;
}

/// <summary>Counts words; reads an int to exercise type checks.</summary>
public sealed class LengthScorer : IScorer<int>
{
    public double Score(int input) => input;
}
