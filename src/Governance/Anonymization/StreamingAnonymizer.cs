using System.Text;
using HybridAI.Governance.Masking;

namespace HybridAI.Governance.Anonymization;

/// <summary>
/// Checks a streamed model answer chunk by chunk (<see cref="Anonymizer.BeginStream"/>). The last
/// <see cref="HoldBack"/> characters are held, and the release point moves back to a whitespace boundary, before any
/// finding or tag that reaches over it: so a value split across chunks (<c>"jean.dup" + "ont@example.fr"</c>) is
/// anonymized before any part of it is released, and the concatenated output equals
/// <see cref="Anonymizer.ProcessAnswer"/> of the whole text. Detection runs once per <see cref="HoldBack"/>/4 new
/// characters over at most the held text and a little context, so the cost stays linear in the answer's length.
/// Not thread-safe: one instance per stream.
/// </summary>
/// <example>
/// <code>
/// var stream = anonymizer.BeginStream(scope, reidentify: false);
/// await foreach (var chunk in modelChunks)
///     Console.Write(stream.Push(chunk));   // may be "" while text is held
/// Console.Write(stream.Complete());
/// </code>
/// </example>
public sealed class StreamingAnonymizer
{
    /// <summary>The default hold-back: longer than any email, phone number, IBAN, card number or address the recognizers find.</summary>
    public const int DefaultHoldBack = 256;

    /// <summary>Characters of released text kept before the held ones, for recognizers that look back for context ("je m'appelle").</summary>
    internal const int ContextLength = 160;

    private readonly Anonymizer _anonymizer;
    private readonly OperatorContext _context;
    private readonly bool _reidentify;
    private readonly int _step;
    private readonly StringBuilder _held = new();
    private string _released = string.Empty;
    private bool _completed;

    internal StreamingAnonymizer(Anonymizer anonymizer, PiiVault scope, string? subject, bool reidentify, int holdBack)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(holdBack, 16);
        _anonymizer = anonymizer;
        _context = anonymizer.Context(scope, subject);
        _reidentify = reidentify;
        HoldBack = holdBack;
        _step = Math.Max(1, holdBack / 4);
    }

    /// <summary>How many trailing characters are held until more text shows they are safe.</summary>
    public int HoldBack { get; }

    /// <summary>Characters received but not yet released.</summary>
    public int Held => _held.Length;

    /// <summary>Adds a chunk; returns the text now safe to release (often empty).</summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    public string Push(ReadOnlySpan<char> chunk)
    {
        if (_completed)
            throw new InvalidOperationException("This stream was completed; start another with Anonymizer.BeginStream.");
        _held.Append(chunk);
        return _held.Length < HoldBack + _step ? string.Empty : Release(final: false);
    }

    /// <summary>Ends the stream; returns everything still held, anonymized.</summary>
    public string Complete()
    {
        if (_completed)
            return string.Empty;
        _completed = true;
        return _held.Length == 0 ? string.Empty : Release(final: true);
    }

    private string Release(bool final)
    {
        var offset = _released.Length;
        var text = string.Concat(_released, _held.ToString());
        var findings = _anonymizer.Detector.Detect(text);
        var cut = final ? text.Length : SafeCut(text, offset, findings);
        if (cut <= offset)
            return string.Empty;
        var output = new StringBuilder(cut - offset + 32);
        _anonymizer.AppendAnswer(output, text, offset, cut, findings, _context, _reidentify);
        _held.Remove(0, cut - offset);
        _released = ContextBefore(text, cut);
        return output.ToString();
    }

    /// <summary>Where released text may end: before the held window, at a whitespace, outside any finding or tag.</summary>
    private int SafeCut(string text, int offset, IReadOnlyList<Abstractions.Privacy.PiiFinding> findings)
    {
        var cut = text.Length - HoldBack;
        if (cut <= offset)
            return offset;
        // A whitespace boundary, so the next detection starts at the beginning of a word; a word longer than the
        // window (a huge token) is cut inside, to keep the window bounded.
        var space = text.AsSpan(offset, cut - offset).LastIndexOfAny(Whitespace);
        if (space >= 0)
            cut = offset + space + 1;
        var moved = true;
        while (moved && cut > offset)
        {
            moved = false;
            foreach (var f in findings)
            {
                if (f.Start < cut && f.End > cut)
                {
                    cut = f.Start;
                    moved = true;
                }
            }
            // An unfinished tag (a placeholder or token still arriving) is held whole.
            var lt = text.LastIndexOf('<', cut - 1, cut - offset);
            if (lt >= 0 && lt >= cut - Tags.MaxLength)
            {
                var length = Tags.Measure(text.AsSpan(lt));
                if (length < 0 || lt + length > cut)
                {
                    cut = lt;
                    moved = true;
                }
            }
        }
        // Never release half a surrogate pair (a forced cut inside a long word could land between the two).
        if (cut > offset && cut < text.Length && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return Math.Max(cut, offset);
    }

    private static string ContextBefore(string text, int cut)
    {
        var from = Math.Max(0, cut - ContextLength);
        if (from > 0)
        {
            // Start the context at a word, so a cut-off word cannot look like something else.
            var space = text.AsSpan(from, cut - from).IndexOfAny(Whitespace);
            if (space >= 0)
                from += space + 1;
        }
        return text[from..cut];
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\f\v\u00A0\u2028\u2029");
}
