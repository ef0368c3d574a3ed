namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>
/// Counts and ratios for one row of a PII evaluation. Precision is the share of found spans that match a labelled
/// one; recall the share of labelled spans that some found span matches. With overlap matching the two matched
/// counts can differ (one finding may cover two labels). A ratio whose denominator is 0 is reported as 0.
/// </summary>
/// <param name="Expected">Labelled spans.</param>
/// <param name="Found">Spans the detector reported.</param>
/// <param name="MatchedExpected">Labelled spans matched by at least one found span.</param>
/// <param name="MatchedFound">Found spans that match at least one labelled span.</param>
public readonly record struct PiiScores(long Expected, long Found, long MatchedExpected, long MatchedFound)
{
    /// <summary><see cref="MatchedFound"/> / <see cref="Found"/>.</summary>
    public double Precision => Found == 0 ? 0 : (double)MatchedFound / Found;

    /// <summary><see cref="MatchedExpected"/> / <see cref="Expected"/>.</summary>
    public double Recall => Expected == 0 ? 0 : (double)MatchedExpected / Expected;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => FBeta(1);

    /// <summary>F-beta with beta 2: recall weighs four times as much as precision (a missed name leaks; an extra mask costs little).</summary>
    public double F2 => FBeta(2);

    /// <summary>F-beta for any <paramref name="beta"/> &gt; 0.</summary>
    public double FBeta(double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        var p = Precision;
        var r = Recall;
        var b2 = beta * beta;
        return p + r == 0 ? 0 : (1 + b2) * p * r / ((b2 * p) + r);
    }

    /// <summary>The element-wise sum of two rows.</summary>
    public static PiiScores operator +(PiiScores a, PiiScores b) =>
        new(a.Expected + b.Expected, a.Found + b.Found, a.MatchedExpected + b.MatchedExpected, a.MatchedFound + b.MatchedFound);

    /// <summary>Same as <c>+</c>.</summary>
    public static PiiScores Add(PiiScores a, PiiScores b) => a + b;
}
