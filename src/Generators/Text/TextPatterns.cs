using System.Text.RegularExpressions;

namespace HybridAI.Generators.Text;

/// <summary>The few patterns the generators need, generated at compile time so no call builds a regex.</summary>
internal static partial class TextPatterns
{
    /// <summary>Any run of whitespace: quoted sentences are rendered on one line.</summary>
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    public static partial Regex Whitespace();

    /// <summary>Three or more line breaks (with blanks between): left by empty slots, collapsed to one blank line.</summary>
    [GeneratedRegex(@"[ \t]*\n(?:[ \t]*\n){2,}", RegexOptions.CultureInvariant)]
    public static partial Regex ExtraBlankLines();

    /// <summary>The head of one numbered source in an evidence prompt: <c>[n] (</c> at the start of a line.</summary>
    [GeneratedRegex(@"\G\[(?<n>[0-9]{1,4})\] \(", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex SourceEntryHead();
}
