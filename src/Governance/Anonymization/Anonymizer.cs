using System.Collections.Frozen;
using System.Text;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Anonymization;

/// <summary>
/// Finds personal data and applies, per type, the operator of its <see cref="AnonymizerOptions"/>: typed placeholder,
/// mask, redact, keyed hash or encryption. Placeholders are numbered within a scope (<see cref="PiiVault"/>) shared by
/// the messages of a conversation or the steps of a run, so <c>&lt;PERSON_1&gt;</c> stays the same person;
/// <see cref="Reidentify"/> turns a model's answer back into clear text where policy allows. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var keys = new PiiKeyVault("pii-keys.db", masterKey);
/// var options = new AnonymizerOptions();
/// options.Operators[PiiTypes.CreditCard] = PiiOperator.Mask(keepLast: 4);
/// options.Operators[PiiTypes.Iban] = PiiOperator.Encrypt();
/// var anonymizer = new Anonymizer(PiiDetector.CreateDefault(), options, keys);
///
/// var scope = new PiiVault();   // one per conversation or run
/// string prompt = anonymizer.Anonymize("I'm John Smith, card 4111 1111 1111 1111", scope, subject: "customer-42");
/// // "I'm &lt;PERSON_1&gt;, card **** **** **** 1111"
/// string answer = anonymizer.Reidentify("Dear &lt;PERSON_1&gt;, ...", scope);   // "Dear John Smith, ..."
/// </code>
/// </example>
public sealed class Anonymizer
{
    private readonly FrozenDictionary<string, PiiOperator> _operators;
    private readonly PiiOperator _default;
    private readonly byte[]? _hashKey;

    /// <summary>Creates an anonymizer.</summary>
    /// <param name="detector">Finds the personal data.</param>
    /// <param name="options">Operators per type; typed placeholders for everything when null. Copied: later changes have no effect.</param>
    /// <param name="keys">The key vault; needed by <see cref="PiiOperator.Encrypt"/> and to read encrypted tokens back.</param>
    /// <exception cref="ArgumentException">An operator needs a key vault or hash key that was not given.</exception>
    public Anonymizer(IPiiDetector detector, AnonymizerOptions? options = null, PiiKeyVault? keys = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        options ??= new AnonymizerOptions();
        Detector = detector;
        Keys = keys;
        _default = options.Default ?? throw new ArgumentException("AnonymizerOptions.Default is null.", nameof(options));
        _operators = options.Operators.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        if (options.HashKey is { Length: < 16 })
            throw new ArgumentException($"AnonymizerOptions.HashKey must be at least 16 bytes; got {options.HashKey.Length}.", nameof(options));
        _hashKey = options.HashKey?.ToArray() ?? keys?.HashKey;
        foreach (var (type, op) in _operators.Append(new("(default)", _default)))
        {
            if (op is null)
                throw new ArgumentException($"The operator for '{type}' is null.", nameof(options));
            if (op.NeedsKeyVault && keys is null)
                throw new ArgumentException($"The {op.Name} operator for '{type}' needs a PiiKeyVault.", nameof(keys));
            if (op.NeedsHashKey && _hashKey is null)
                throw new ArgumentException($"The {op.Name} operator for '{type}' needs AnonymizerOptions.HashKey or a PiiKeyVault.", nameof(options));
        }
    }

    /// <summary>Finds the personal data.</summary>
    public IPiiDetector Detector { get; }

    /// <summary>The key vault, when one was given.</summary>
    public PiiKeyVault? Keys { get; }

    /// <summary>
    /// Anonymizes <paramref name="text"/>, numbering placeholders in <paramref name="scope"/>. Returns the same instance
    /// when nothing is found.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="scope">The conversation's or run's pseudonyms.</param>
    /// <param name="subject">
    /// Whose data this is (a customer id…): encrypted values use that subject's key, so erasing it erases them. When
    /// null each value is its own subject (<see cref="PiiKeyVault.SubjectOf"/>).
    /// </param>
    public string Anonymize(string text, PiiVault scope, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var findings = Detector.Detect(text);
        if (findings.Count == 0)
            return text;
        var output = new StringBuilder(text.Length + 16 * findings.Count);
        // Text already holding tags (an earlier turn's tokens) keeps them whole: no finding may cut into one.
        AppendAnswer(output, text, 0, text.Length, findings, Context(scope, subject), reidentify: false);
        return output.ToString();
    }

    /// <summary>
    /// Puts clear values back into an answer: placeholders from <paramref name="scope"/>, encrypted tokens through the key
    /// vault. What cannot be recovered (unknown placeholders, erased subjects, altered tokens, no key vault) stays as it
    /// is; masked, redacted and hashed values never come back. Returns the same instance when nothing changes.
    /// </summary>
    public string Reidentify(string text, PiiVault scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var open = text.IndexOf('<');
        if (open < 0)
            return text;
        StringBuilder? result = null;
        var copied = 0;
        while (open >= 0)
        {
            var rest = text.AsSpan(open);
            string? original = null;
            var length = EncryptedToken.Measure(rest, out var type, out var data);
            if (length > 0)
            {
                if (Keys is null || !Keys.TryDecrypt(type, data, out original, out _))
                    original = null;
            }
            else
            {
                length = scope.MatchPlaceholder(rest, out original);
            }
            if (original is not null)
            {
                result ??= new StringBuilder(text.Length + 32);
                result.Append(text, copied, open - copied).Append(original);
                copied = open + length;
                open = text.IndexOf('<', copied);
            }
            else
            {
                open = text.IndexOf('<', open + 1);
            }
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    internal OperatorContext Context(PiiVault scope, string? subject) =>
        new(scope, subject is null || Keys is null ? null : Keys.HandleOf(subject), Keys, _hashKey);

    /// <summary>
    /// Starts checking a streamed model answer: personal data the model wrote is anonymized, placeholders and tokens are
    /// kept (or re-identified when <paramref name="reidentify"/>), and text is released only once no finding could still
    /// extend over it.
    /// </summary>
    /// <param name="scope">The conversation's pseudonyms (the request's).</param>
    /// <param name="subject">Whose data new values are, as in <see cref="Anonymize"/>.</param>
    /// <param name="reidentify">Put clear values back in place of the scope's placeholders and tokens (policy).</param>
    /// <param name="holdBack">How many trailing characters are held until more text (or the end) shows they hold no personal data.</param>
    public StreamingAnonymizer BeginStream(PiiVault scope, string? subject = null, bool reidentify = false, int holdBack = StreamingAnonymizer.DefaultHoldBack)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new StreamingAnonymizer(this, scope, subject, reidentify, holdBack);
    }

    /// <summary>
    /// A whole model answer, as a stream would give it: personal data the model wrote is anonymized; placeholders and
    /// tokens are kept, or re-identified when <paramref name="reidentify"/>.
    /// </summary>
    public string ProcessAnswer(string text, PiiVault scope, string? subject = null, bool reidentify = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var findings = Detector.Detect(text);
        if (findings.Count == 0 && (!reidentify || !text.Contains('<')))
            return text;
        var output = new StringBuilder(text.Length + 16);
        AppendAnswer(output, text, 0, text.Length, findings, Context(scope, subject), reidentify);
        return output.ToString();
    }

    /// <summary>
    /// Appends an answer's text[from..to): findings inside it anonymized, except those cutting into a tag
    /// (<see cref="Tags"/>); tags copied, or re-identified when asked and known.
    /// </summary>
    internal void AppendAnswer(StringBuilder output, string text, int from, int to, IReadOnlyList<PiiFinding> findings, in OperatorContext context, bool reidentify)
    {
        var at = from;
        var fi = 0;
        while (fi < findings.Count && findings[fi].Start < from)
            fi++;
        var scan = from;
        while (at < to)
        {
            var lt = scan < to ? text.IndexOf('<', scan, to - scan) : -1;
            var tagStart = lt < 0 ? to : lt;
            var tagLength = lt < 0 ? 0 : Tags.Measure(text.AsSpan(lt, to - lt));
            if (lt >= 0 && tagLength <= 0)
            {
                scan = lt + 1;
                continue;
            }
            // Findings wholly before the tag are anonymized; those overlapping it are dropped.
            while (fi < findings.Count && findings[fi].Start < tagStart)
            {
                var f = findings[fi++];
                if (f.Start < at || f.End > tagStart)
                    continue;
                output.Append(text, at, f.Start - at);
                var op = _operators.TryGetValue(f.Type, out var chosen) ? chosen : _default;
                output.Append(op.Apply(context, f.Type, text.AsSpan(f.Start, f.Length)));
                at = f.End;
            }
            if (lt < 0)
                break;
            output.Append(text, at, tagStart - at);
            var tag = text.AsSpan(tagStart, tagLength);
            string? original = null;
            if (reidentify)
            {
                var tokenLength = EncryptedToken.Measure(tag, out var type, out var data);
                if (tokenLength == tagLength)
                {
                    if (Keys is null || !Keys.TryDecrypt(type, data, out original, out _))
                        original = null;
                }
                else if (context.Scope.MatchPlaceholder(tag, out original) != tagLength)
                {
                    original = null;
                }
            }
            if (original is null)
                output.Append(tag);
            else
                output.Append(original);
            at = scan = tagStart + tagLength;
            while (fi < findings.Count && findings[fi].Start < at)
                fi++;
        }
        if (at < to)
            output.Append(text, at, to - at);
    }
}
