using System.Runtime.InteropServices;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii.Recognizers;

namespace HybridAI.Governance.Pii;

/// <summary>
/// Finds personal data by running a set of recognizers and keeping, where findings overlap, the one with the
/// higher score (then the longer span). Thread-safe; allocates only the returned array.
/// </summary>
/// <example>
/// <code>
/// var detector = PiiDetector.CreateDefault();
/// foreach (var f in detector.Detect("Bonjour, je m'appelle Marie Dupont, tél. 06 12 34 56 78"))
///     Console.WriteLine($"{f.Type} {f.Start}+{f.Length} ({f.Recognizer})");
/// // PERSON 22+12 (person-context)
/// // PHONE 41+14 (phone)
/// </code>
/// </example>
public sealed class PiiDetector : IPiiDetector
{
    /// <summary>The default threshold: findings scored below it are dropped.</summary>
    public const double DefaultMinScore = 0.5;

    [ThreadStatic]
    private static List<PiiFinding>? t_scratch;

    private readonly IPiiRecognizer[] _recognizers;

    /// <summary>Creates a detector from recognizers.</summary>
    /// <param name="recognizers">The recognizers to run, in order.</param>
    /// <param name="minScore">Findings scored below this are dropped (e.g. bare nine digits without "SSN" nearby).</param>
    public PiiDetector(IEnumerable<IPiiRecognizer> recognizers, double minScore = DefaultMinScore)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        if (minScore is < 0 or > 1 || double.IsNaN(minScore))
            throw new ArgumentOutOfRangeException(nameof(minScore), minScore, "The minimum score must be in [0, 1].");
        _recognizers = [.. recognizers];
        for (var i = 0; i < _recognizers.Length; i++)
        {
            if (_recognizers[i] is null)
                throw new ArgumentException($"Recognizer at index {i} is null.", nameof(recognizers));
        }
        MinScore = minScore;
    }

    /// <summary>Findings scored below this are dropped.</summary>
    public double MinScore { get; }

    /// <summary>The recognizers this detector runs.</summary>
    public IReadOnlyList<IPiiRecognizer> Recognizers => _recognizers;

    /// <summary>A detector with every built-in recognizer (see <see cref="PiiRecognizers"/>).</summary>
    public static PiiDetector CreateDefault() => new(PiiRecognizers.All());

    /// <inheritdoc />
    public IReadOnlyList<PiiFinding> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return [];
        var scratch = t_scratch ??= new List<PiiFinding>(16);
        scratch.Clear();
        foreach (var recognizer in _recognizers)
            recognizer.Recognize(text, scratch);
        if (scratch.Count == 0)
            return [];
        var kept = OverlapResolver.Resolve(CollectionsMarshal.AsSpan(scratch), MinScore);
        return kept.Length == 0 ? [] : kept.ToArray();
    }
}
