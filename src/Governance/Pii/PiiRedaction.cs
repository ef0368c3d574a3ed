using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>Replaces findings with their bare type (<c>&lt;EMAIL&gt;</c>): for logs and audit, where nothing is ever unmasked.</summary>
public static class PiiRedaction
{
    /// <summary>Returns <paramref name="text"/> with each finding of <paramref name="detector"/> replaced by <c>&lt;TYPE&gt;</c>; the same instance when nothing is found.</summary>
    public static string Redact(string text, IPiiDetector detector)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(detector);
        var findings = detector.Detect(text);
        if (findings.Count == 0)
            return text;
        var length = text.Length;
        foreach (var f in findings)
            length += f.Type.Length + 2 - f.Length;
        return string.Create(length, (text, findings), static (dest, s) =>
        {
            var copied = 0;
            var at = 0;
            foreach (var f in s.findings)
            {
                var keep = s.text.AsSpan(copied, f.Start - copied);
                keep.CopyTo(dest[at..]);
                at += keep.Length;
                dest[at++] = '<';
                f.Type.CopyTo(dest[at..]);
                at += f.Type.Length;
                dest[at++] = '>';
                copied = f.End;
            }
            s.text.AsSpan(copied).CopyTo(dest[at..]);
        });
    }
}
