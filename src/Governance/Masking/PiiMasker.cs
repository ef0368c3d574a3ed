using System.Buffers;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Masking;

/// <summary>
/// Replaces personal data with typed placeholders (<c>&lt;EMAIL_1&gt;</c>, <c>&lt;PERSON_2&gt;</c>); the same value gets
/// the same placeholder within one vault, so a model can still tell two people apart.
/// </summary>
/// <example>
/// <code>
/// var masker = new PiiMasker(PiiDetector.CreateDefault());
/// var masked = masker.Mask("Hi, I'm John Smith, mail john@example.com");
/// // masked.Text == "Hi, I'm &lt;PERSON_1&gt;, mail &lt;EMAIL_1&gt;"
/// string reply = masked.Vault.Unmask("Dear &lt;PERSON_1&gt;, ...");   // "Dear John Smith, ..."
/// </code>
/// </example>
public sealed class PiiMasker
{
    private readonly IPiiDetector _detector;

    /// <summary>Creates a masker over a detector.</summary>
    public PiiMasker(IPiiDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    /// <summary>A masker over <see cref="PiiDetector.CreateDefault"/>.</summary>
    public static PiiMasker CreateDefault() => new(PiiDetector.CreateDefault());

    /// <summary>Masks <paramref name="text"/> into a new vault.</summary>
    public MaskedText Mask(string text)
    {
        var vault = new PiiVault();
        return new MaskedText(Mask(text, vault), vault);
    }

    /// <summary>Masks <paramref name="text"/>, adding its values to <paramref name="vault"/>. Returns the same instance when nothing is found.</summary>
    public string Mask(string text, PiiVault vault)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vault);
        var findings = _detector.Detect(text);
        if (findings.Count == 0)
            return text;
        var placeholders = ArrayPool<string>.Shared.Rent(findings.Count);
        try
        {
            var length = text.Length;
            for (var i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                placeholders[i] = vault.GetOrAddPlaceholder(f.Type, text.AsSpan(f.Start, f.Length));
                length += placeholders[i].Length - f.Length;
            }
            return string.Create(length, (text, findings, placeholders), static (dest, s) =>
            {
                var copied = 0;
                var at = 0;
                for (var i = 0; i < s.findings.Count; i++)
                {
                    var f = s.findings[i];
                    var keep = s.text.AsSpan(copied, f.Start - copied);
                    keep.CopyTo(dest[at..]);
                    at += keep.Length;
                    s.placeholders[i].CopyTo(dest[at..]);
                    at += s.placeholders[i].Length;
                    copied = f.End;
                }
                s.text.AsSpan(copied).CopyTo(dest[at..]);
            });
        }
        finally
        {
            Array.Clear(placeholders, 0, findings.Count);
            ArrayPool<string>.Shared.Return(placeholders);
        }
    }
}
