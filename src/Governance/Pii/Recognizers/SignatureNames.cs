using System.Buffers;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// A "First Last" name in a signature or a relationship phrase: alone on the line after a short closing that
    /// ends with a comma ("Thanks in advance,"); at the end of a line after a short informal sign-off and a dash
    /// ("ty - Ana Silva"); after "my partner", "ma femme", "de la part de", "meine Frau"…; or before "from your team".
    /// </summary>
    public static IPiiRecognizer PersonNameInSignature() => new SignatureNameRecognizer();

    private const string FullName = @"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?: \p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){1,2}";

    [GeneratedRegex("^" + FullName + "$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WholeNameRegex();

    [GeneratedRegex(@"(?<![\p{L}'’-])" + FullName + " ?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TrailingNameRegex();

    // The phrase is a lookbehind so the match is the name alone and EnumerateMatches needs no Match objects.
    [GeneratedRegex(@"(?<=\b(?i:my (?:partner|wife|husband|son|daughter|colleague|manager|friend|mother|father|brother|sister|flatmate|neighbour|neighbor)|mon (?:conjoint|compagnon|mari|fils|collègue|ami|frère|père|voisin)|ma (?:femme|conjointe|compagne|fille|collègue|amie|sœur|soeur|mère|voisine)|de la part de|mein (?:Mann|Partner|Sohn|Kollege)|meine (?:Frau|Partnerin|Tochter|Kollegin)),? )" + FullName,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RelationshipNameRegex();

    private static readonly SearchValues<string> ColleagueMarkers = SearchValues.Create(
        [" from your team", " from your support", " from your company", " de votre équipe", " du support", " de chez vous"],
        StringComparison.OrdinalIgnoreCase);

    private sealed class SignatureNameRecognizer : IPiiRecognizer
    {
        private const int MaxClosingLength = 40;
        private const int MaxDashLead = 30;
        private const double Score = 0.8;

        public string Name => "person-signature";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            FindSignatureLines(text, findings);
            foreach (var m in RelationshipNameRegex().EnumerateMatches(text))
            {
                Add(text, m.Index, m.Length, findings);
            }

            var from = 0;
            while (from < text.Length)
            {
                var i = text.AsSpan(from).IndexOfAny(ColleagueMarkers);
                if (i < 0)
                {
                    break;
                }

                var marker = from + i;
                var start = Math.Max(0, marker - MaxClosingLength);
                foreach (var m in TrailingNameRegex().EnumerateMatches(text.AsSpan(start, marker - start)))
                {
                    Add(text, start + m.Index, m.Length, findings);
                }

                from = marker + 1;
            }
        }

        private void FindSignatureLines(string text, List<PiiFinding> findings)
        {
            var previousEndsClosing = false;
            var lineStart = 0;
            while (lineStart <= text.Length)
            {
                var newline = text.IndexOf('\n', lineStart);
                var lineEnd = newline < 0 ? text.Length : newline;
                var (start, length) = Trim(text, lineStart, lineEnd);
                var line = text.AsSpan(start, length);
                if (previousEndsClosing && WholeNameRegex().IsMatch(line))
                {
                    Add(text, start, length, findings);
                }
                else if (DashIndex(line) is var dash and > 0 && WholeNameRegex().IsMatch(line[(dash + 3)..]))
                {
                    Add(text, start + dash + 3, length - dash - 3, findings);
                }

                previousEndsClosing = length is > 1 and <= MaxClosingLength && line[^1] == ',' && line[..^1].IndexOf(',') < 0;
                if (newline < 0)
                {
                    break;
                }

                lineStart = newline + 1;
            }
        }

        /// <summary>Where " - " (or an en/em dash) follows a short lead such as "ty" or "merci bcp"; -1 when not.</summary>
        private static int DashIndex(ReadOnlySpan<char> line)
        {
            for (var i = 1; i + 2 < line.Length && i <= MaxDashLead; i++)
            {
                if (char.IsDigit(line[i]))
                {
                    return -1; // "Step 2 - Open Settings" is an instruction, not a sign-off
                }

                if (line[i] == ' ' && line[i + 2] == ' ' && line[i + 1] is '-' or '–' or '—')
                {
                    return i;
                }
            }

            return -1;
        }

        private static (int Start, int Length) Trim(string text, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return (start, end - start);
        }

        private void Add(string text, int start, int length, List<PiiFinding> findings)
        {
            var value = text.AsSpan(start, length).TrimEnd(' ');
            if (IsNameNotStopWords(value))
            {
                findings.Add(new PiiFinding(PiiTypes.Person, start, value.Length, Score, Name));
            }
        }
    }

    private static bool IsNameNotStopWords(ReadOnlySpan<char> value)
    {
        foreach (var range in value.Split(' '))
        {
            if (NotNames.Contains(value[range]))
            {
                return false;
            }
        }

        return true;
    }
}
