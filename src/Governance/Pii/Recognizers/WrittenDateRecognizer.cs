using System.Collections.Frozen;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

/// <summary>
/// Written dates in English ("March 5, 2024", "5th of March", "Sept 2021") and French ("1er janvier 2020",
/// "12 févr. 2023"). Every such date holds a number, so it scans from each number to the month word beside it
/// instead of running a pattern with dozens of month alternatives at every letter.
/// </summary>
internal sealed class WrittenDateRecognizer(string[] contextWords) : IPiiRecognizer
{
    // English months are capitalised in English text; lower-case "may" is a verb.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishMonths = FrozenSet.Create(StringComparer.Ordinal,
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FrenchMonths = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
        "novembre", "décembre", "decembre", "janv", "févr", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "date-written";

    public void Recognize(string text, List<PiiFinding> findings)
    {
        var s = text.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var next = s[i..].IndexOfAnyInRange('0', '9');
            if (next < 0)
                return;
            var start = i + next;
            var end = EndOfDigits(s, start);
            i = end;
            if (start > 0 && char.IsLetterOrDigit(s[start - 1]))
                continue;
            var found = MonthFirst(s, start, end) ?? DayFirst(s, start, end);
            if (found is not (var from, var to))
                continue;
            var score = Pii.Context.HasWordBefore(text, from, contextWords, RegexRecognizer.ContextWindow) ? 0.85 : 0.6;
            findings.Add(new PiiFinding(PiiTypes.Date, from, to - from, score, Name));
            i = to;
        }
    }

    // "March 5", "March 5th, 2024", "Sept. 2021", "juin 2023"
    private static (int, int)? MonthFirst(ReadOnlySpan<char> s, int start, int end)
    {
        if (start < 2 || s[start - 1] != ' ')
            return null;
        var wordEnd = start - 1;
        if (s[wordEnd - 1] == '.')
            wordEnd--;
        var wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(s[wordStart - 1]))
            wordStart--;
        if (wordStart == wordEnd || (wordStart > 0 && char.IsLetterOrDigit(s[wordStart - 1])))
            return null;
        var word = s[wordStart..wordEnd];
        var english = EnglishMonths.Contains(word);
        if (!english && !FrenchMonths.Contains(word))
            return null;
        var number = Number(s[start..end]);
        if (end - start == 4 && IsYear(number))
            return EndsWord(s, end) ? (wordStart, end) : null;
        if (!english || end - start > 2 || !IsDay(number))
            return null;
        var to = SkipOrdinalSuffix(s, end, english: true);
        if (!EndsWord(s, to))
            return null;
        return (wordStart, YearAfter(s, to));
    }

    // "5 March 2024", "5th of March", "1er janvier 1990", "12 févr. 2023"
    private static (int, int)? DayFirst(ReadOnlySpan<char> s, int start, int end)
    {
        if (end - start > 2 || !IsDay(Number(s[start..end])))
            return null;
        if (start > 0 && char.IsLetterOrDigit(s[start - 1]))
            return null;
        var p = SkipOrdinalSuffix(s, end, english: true);
        if (p == end && end - start == 1 && s[start] == '1')
            p = SkipOrdinalSuffix(s, end, english: false);
        if (p >= s.Length || s[p] != ' ')
            return null;
        p++;
        if (s[p..].StartsWith("of "))
            p += 3;
        var wordEnd = p;
        while (wordEnd < s.Length && char.IsLetter(s[wordEnd]))
            wordEnd++;
        var word = s[p..wordEnd];
        if (word.IsEmpty || !(EnglishMonths.Contains(word) || FrenchMonths.Contains(word)))
            return null;
        if (wordEnd < s.Length && char.IsDigit(s[wordEnd]))
            return null;
        return (start, YearAfter(s, wordEnd));
    }

    // Extends past ", yyyy", " yyyy" or ". yyyy" (after an abbreviation) when a plausible year follows.
    private static int YearAfter(ReadOnlySpan<char> s, int p)
    {
        var q = p;
        if (q < s.Length && (s[q] == '.' || s[q] == ','))
            q++;
        if (q >= s.Length || s[q] != ' ')
            return p;
        q++;
        var yearEnd = EndOfDigits(s, q);
        if (yearEnd - q == 4 && IsYear(Number(s[q..yearEnd])) && EndsWord(s, yearEnd))
            return yearEnd;
        return p;
    }

    private static int SkipOrdinalSuffix(ReadOnlySpan<char> s, int p, bool english)
    {
        if (p + 2 > s.Length)
            return p;
        var suffix = s.Slice(p, 2);
        var ok = english
            ? suffix is "st" or "nd" or "rd" or "th"
            : suffix is "er";
        return ok && (p + 2 == s.Length || !char.IsLetterOrDigit(s[p + 2])) ? p + 2 : p;
    }

    private static bool EndsWord(ReadOnlySpan<char> s, int p) => p >= s.Length || !char.IsLetterOrDigit(s[p]);

    private static int EndOfDigits(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && char.IsAsciiDigit(s[p]))
            p++;
        return p;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        if (digits.Length > 6)
            return -1;
        var n = 0;
        foreach (var c in digits)
            n = (n * 10) + (c - '0');
        return n;
    }

    private static bool IsDay(int n) => n is >= 1 and <= 31;

    private static bool IsYear(int n) => n is >= 1000 and <= 2999;
}
