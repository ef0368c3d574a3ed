using System.Text.RegularExpressions;

namespace HybridAI.Generators.Rag;

/// <summary>The patterns of answers the groundedness check reads, generated at compile time.</summary>
internal static partial class RagPatterns
{
    /// <summary>A citation marker: <c>[1]</c>, <c>[1, 2]</c>, <c>[1;3]</c>, <c>[2-4]</c>.</summary>
    [GeneratedRegex(@"\[\s*[0-9]{1,4}(?:\s*(?:[,;]|[-–])\s*[0-9]{1,4})*\s*\]", RegexOptions.CultureInvariant)]
    public static partial Regex CitationMarker();

    /// <summary>The heading of a sources list on a line of its own: <c>Sources:</c>, <c>Sources :</c>, <c>References:</c>, <c>Références :</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:\*\*)?(?:sources?|r[eé]f[eé]rences?)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex SourcesHeading();

    /// <summary>A line of a sources list: <c>[1] Refund policy</c>, <c>- [2] …</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:[-*•][ \t]*)?\[[0-9]{1,4}\]", RegexOptions.CultureInvariant)]
    public static partial Regex SourceLine();

    /// <summary>A line of a sources list read for its number and source name.</summary>
    [GeneratedRegex(@"^[ \t]*(?:[-*•][ \t]*)?\[(?<n>[0-9]{1,4})\][ \t]*(?<source>.*?)[ \t\r]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex SourceEntry();
}
