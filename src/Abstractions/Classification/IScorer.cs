namespace HybridAI.Abstractions.Classification;

/// <summary>
/// A model that returns one number for an input: a fraud score, a risk, a priority.
/// Higher means more of whatever the scorer measures; the range is documented by each implementation.
/// </summary>
public interface IScorer<in TInput>
{
    /// <summary>Scores one input. Thread-safe.</summary>
    double Score(TInput input);
}
