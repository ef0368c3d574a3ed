using System.Buffers;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>
/// A regex recognizer for data that always contains one anchor character (the '@' of an email, the ':' of an IPv6
/// address). It runs the pattern only on the window of allowed characters around each anchor, so a text without the
/// anchor costs one vectorized search instead of a full regex scan.
/// </summary>
internal sealed class AnchoredRegexRecognizer(
    string name, string type, Regex regex, char anchor, SearchValues<char> leftChars, SearchValues<char> rightChars,
    Func<ReadOnlySpan<char>, bool>? validator, double score) : IPiiRecognizer
{
    public string Name => name;

    public void Recognize(string text, List<PiiFinding> findings)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.AsSpan(from).IndexOf(anchor);
            if (at < 0)
                return;
            at += from;
            var left = text.AsSpan(0, at).LastIndexOfAnyExcept(leftChars) + 1;
            var rightLength = text.AsSpan(at + 1).IndexOfAnyExcept(rightChars);
            var right = rightLength < 0 ? text.Length : at + 1 + rightLength;
            foreach (var m in regex.EnumerateMatches(text.AsSpan(left, right - left)))
            {
                var value = text.AsSpan(left + m.Index, m.Length);
                if (m.Length > 0 && (validator is null || validator(value)))
                    findings.Add(new PiiFinding(type, left + m.Index, m.Length, score, name));
            }
            from = right + 1;
        }
    }
}
