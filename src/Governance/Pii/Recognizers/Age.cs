using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// A person's age, only where the words around the number say so: "42 years old", "aged 42", "age: 42", "42 ans",
    /// "âgé de 42 ans", "42 Jahre". The finding is the number. A bare number, "for 5 years", "depuis 10 ans" or
    /// "vor 3 Jahren" is not an age.
    /// </summary>
    public static IPiiRecognizer Age() => new AgeRecognizer();

    private sealed class AgeRecognizer : IPiiRecognizer
    {
        // After the number: a unit that makes it an age. "years" alone needs "old" or a cue before the number.
        private static readonly string[] AgeUnitsAfter = ["years old", "year old", "yrs old", "y/o", "year-old", "years-old", "ans", "jahre alt", "jahre", "jährig", "jährige", "jähriger"];
        private static readonly string[] YearUnits = ["years", "year", "yrs"];

        // Before the number: cues that make the number an age on their own ("aged 42", "age: 42", "Alter: 42").
        private static readonly string[] CuesBefore = ["aged", "age", "âgé de", "âgée de", "agé de", "agée de", "âge", "alter", "im alter von"];

        // Before the number: durations, not ages ("depuis 10 ans", "for 5 years", "seit 3 Jahre").
        private static readonly string[] DurationsBefore =
            ["depuis", "il y a", "pendant", "dans", "en", "plus de", "moins de", "durant", "for", "since", "over", "within", "in", "after", "than", "seit", "vor", "für", "nach", "über", "garantie", "warranty"];

        public string Name => "age";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            for (var at = TokenScanner.Next(text, 0, TokenScanner.Digits); at >= 0;)
            {
                var end = at;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                    end++;
                if (end - at <= 3 && IsAge(text, at, end))
                    findings.Add(new PiiFinding(PiiTypes.Age, at, end - at, 0.8, Name));
                at = TokenScanner.Next(text, end, TokenScanner.Digits);
            }
        }

        private static bool IsAge(string text, int start, int end)
        {
            // 42.5, 42,50 €, 42:30, 42/100: not an age.
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || (end + 1 < text.Length && text[end] is '.' or ',' or ':' or '/' && char.IsAsciiDigit(text[end + 1]))))
                return false;
            if (start > 0 && text[start - 1] is '.' or ',' or '#' or '-' or '/' or '€' or '$' or '£')
                return false;
            var value = 0;
            for (var i = start; i < end; i++)
                value = (value * 10) + (text[i] - '0');
            if (value is < 1 or > 120)
                return false;

            var after = SkipSpaces(text, end);
            var cueBefore = Context.HasWordBefore(text, start, CuesBefore, 14);
            if (StartsWithWord(text, after, AgeUnitsAfter) || cueBefore && (after >= text.Length || !char.IsLetter(text[after]) || StartsWithWord(text, after, YearUnits)))
                return cueBefore || !PreviousWordIs(text, start, DurationsBefore);
            return false;
        }

        // The word (or phrase) right before the number, whole: "depuis 10 ans" but not "Hadrien 20 ans".
        private static bool PreviousWordIs(string text, int start, string[] words)
        {
            var end = start;
            while (end > 0 && text[end - 1] is ' ' or '\u00A0')
                end--;
            var before = text.AsSpan(0, end);
            foreach (var word in words)
            {
                if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetterOrDigit(before[^(word.Length + 1)])))
                    return true;
            }
            return false;
        }

        private static int SkipSpaces(string text, int i)
        {
            while (i < text.Length && text[i] is ' ' or '\u00A0' or '\u202F' or '-')
                i++;
            return i;
        }

        private static bool StartsWithWord(string text, int at, string[] words)
        {
            var rest = text.AsSpan(at);
            foreach (var word in words)
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length])))
                    return true;
            }
            return false;
        }
    }
}
