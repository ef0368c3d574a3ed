using System.Text.RegularExpressions;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>
/// A recognizer made of a regular expression, an optional validator (checksum, ranges) and optional context
/// words that raise the score when one of them appears shortly before the match.
/// </summary>
/// <example>
/// <code>
/// var orderId = new RegexRecognizer("order-id", "ORDER_ID", @"\bORD-\d{8}\b",
///     contextWords: ["order", "commande"], score: 0.6);
/// var detector = new PiiDetector([.. PiiRecognizers.All(), orderId]);
/// </code>
/// </example>
public sealed class RegexRecognizer : IPiiRecognizer
{
    /// <summary>How far before a match (in characters) context words are looked for.</summary>
    public const int ContextWindow = 40;

    /// <summary>What a context word adds to the score (capped at 1).</summary>
    public const double ContextBoost = 0.25;

    private readonly Regex _regex;
    private readonly Func<ReadOnlySpan<char>, bool>? _validator;
    private readonly string[] _contextWords;

    /// <summary>Creates a recognizer from a pattern (compiled once, culture-invariant).</summary>
    /// <param name="name">Recorded on every finding.</param>
    /// <param name="type">The kind of data, e.g. one of <see cref="PiiTypes"/>.</param>
    /// <param name="pattern">The regular expression; the whole match is the finding.</param>
    /// <param name="validator">Optional: returns false to reject a match (e.g. a failed checksum).</param>
    /// <param name="contextWords">Optional: words (case-insensitive) that raise the score when found just before the match.</param>
    /// <param name="score">Confidence of a validated match, in [0, 1].</param>
    /// <param name="options">Extra regex options (e.g. <see cref="RegexOptions.IgnoreCase"/>); compiled and culture-invariant always.</param>
    /// <param name="matchTimeout">How long one match may take before the recognizer fails (default <see cref="DefaultMatchTimeout"/>).</param>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression (the message names the recognizer, not the text).</exception>
    public RegexRecognizer(string name, string type, string pattern, Func<ReadOnlySpan<char>, bool>? validator = null,
        IEnumerable<string>? contextWords = null, double score = 0.8, RegexOptions options = RegexOptions.None, TimeSpan? matchTimeout = null)
        : this(name, type, CreateRegex(name, pattern, options, matchTimeout ?? DefaultMatchTimeout), validator, contextWords, score)
    {
    }

    /// <summary>The match timeout of recognizers built from a pattern string: a pathological pattern fails fast instead of hanging a request.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Creates a recognizer from an existing regular expression (e.g. a [GeneratedRegex]).</summary>
    /// <param name="name">Recorded on every finding.</param>
    /// <param name="type">The kind of data, e.g. one of <see cref="PiiTypes"/>.</param>
    /// <param name="regex">The regular expression; the whole match is the finding.</param>
    /// <param name="validator">Optional: returns false to reject a match.</param>
    /// <param name="contextWords">Optional: words (case-insensitive) that raise the score when found just before the match.</param>
    /// <param name="score">Confidence of a validated match, in [0, 1].</param>
    public RegexRecognizer(string name, string type, Regex regex, Func<ReadOnlySpan<char>, bool>? validator = null,
        IEnumerable<string>? contextWords = null, double score = 0.8)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(regex);
        if (score is < 0 or > 1 || double.IsNaN(score))
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score of a recognizer must be in [0, 1].");
        Name = name;
        Type = type;
        Score = score;
        _regex = regex;
        _validator = validator;
        _contextWords = contextWords is null ? [] : Context.Normalize(contextWords);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The kind of data found.</summary>
    public string Type { get; }

    /// <summary>The base confidence of a validated match.</summary>
    public double Score { get; }

    /// <inheritdoc />
    public void Recognize(string text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        try
        {
            Scan(text, findings);
        }
        catch (RegexMatchTimeoutException)
        {
            // The exception carries the input (personal data): it is not kept as the inner exception.
            throw new InvalidOperationException($"PII recognizer '{Name}' timed out after {_regex.MatchTimeout.TotalMilliseconds:0} ms on a text of {text.Length} characters; simplify its pattern.");
        }
    }

    private void Scan(string text, List<PiiFinding> findings)
    {
        foreach (var m in _regex.EnumerateMatches(text))
        {
            if (m.Length == 0)
                continue;
            var value = text.AsSpan(m.Index, m.Length);
            if (_validator is not null && !_validator(value))
                continue;
            var score = Score;
            if (_contextWords.Length > 0 && Context.HasWordBefore(text, m.Index, _contextWords, ContextWindow))
                score = Math.Min(1.0, score + ContextBoost);
            findings.Add(new PiiFinding(Type, m.Index, m.Length, score, Name));
        }
    }

    private static Regex CreateRegex(string name, string pattern, RegexOptions options, TimeSpan matchTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (matchTimeout <= TimeSpan.Zero && matchTimeout != Regex.InfiniteMatchTimeout)
            throw new ArgumentOutOfRangeException(nameof(matchTimeout), matchTimeout, $"The match timeout of PII recognizer '{name}' must be positive.");
        try
        {
            return new Regex(pattern, options | RegexOptions.Compiled | RegexOptions.CultureInvariant, matchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The pattern of PII recognizer '{name}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }
    }
}
