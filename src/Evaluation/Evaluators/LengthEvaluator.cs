using System.Globalization;
using HybridAI.Abstractions.Generation;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>length</c>: the output's size in characters, checked against character, word and token bounds. Passed when
/// every bound holds; the detail gives the measured sizes and names each bound broken.
/// </summary>
/// <example>
/// <code>
/// var length = new LengthEvaluator(new LengthLimits(MinWords: 5, MaxWords: 120));
/// EvaluationScore s = length.Evaluate(example, "Thanks."); // failed: "7 chars, 1 words; words 1 below 5"
/// </code>
/// </example>
public sealed class LengthEvaluator : IEvaluator<string>
{
    private readonly LengthLimits _limits;
    private readonly ITokenCounter? _tokens;

    /// <summary>Creates the evaluator; the limits are validated now.</summary>
    /// <param name="limits">The bounds.</param>
    /// <param name="tokenCounter">Counts tokens; required when a token bound is set.</param>
    /// <exception cref="ArgumentException">A bound is negative, a minimum exceeds its maximum, or a token bound has no counter.</exception>
    public LengthEvaluator(LengthLimits limits, ITokenCounter? tokenCounter = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Check(limits.MinChars, limits.MaxChars, "chars", nameof(limits));
        Check(limits.MinWords, limits.MaxWords, "words", nameof(limits));
        Check(limits.MinTokens, limits.MaxTokens, "tokens", nameof(limits));
        if ((limits.MinTokens is not null || limits.MaxTokens is not null) && tokenCounter is null)
        {
            throw new ArgumentException("A token bound is set but no token counter was given.", nameof(tokenCounter));
        }

        _limits = limits;
        _tokens = tokenCounter;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.None;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(output);
        int chars = output.Length;
        int words = CountWords(output);
        int? tokens = _tokens?.CountTokens(output);
        var broken = new List<string>();
        Bound(broken, chars, _limits.MinChars, _limits.MaxChars, "chars");
        Bound(broken, words, _limits.MinWords, _limits.MaxWords, "words");
        if (tokens is int t)
        {
            Bound(broken, t, _limits.MinTokens, _limits.MaxTokens, "tokens");
        }

        string sizes = string.Create(CultureInfo.InvariantCulture, $"{chars} chars, {words} words") + (tokens is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {tokens} tokens"));
        return new EvaluationScore("length", chars, broken.Count == 0, broken.Count == 0 ? sizes : sizes + "; " + string.Join("; ", broken));
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }

    private static void Bound(List<string> broken, int value, int? min, int? max, string unit)
    {
        if (value < min)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"{unit} {value} below {min}"));
        }

        if (value > max)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"{unit} {value} above {max}"));
        }
    }

    private static void Check(int? min, int? max, string unit, string limits)
    {
        if (min < 0 || max < 0)
        {
            throw new ArgumentException($"The {unit} bounds must not be negative.", limits);
        }

        if (min > max)
        {
            throw new ArgumentException($"The minimum {unit} exceeds the maximum.", limits);
        }
    }
}
