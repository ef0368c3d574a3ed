using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>Typing slips: a swapped, dropped or doubled letter. Words holding a {slot} are left alone so planted PII stays exact.</summary>
internal static class TextNoise
{
    public static string AddTypos(string text, SeededRandom random, double wordRate)
    {
        var sb = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '{' || text[i] == '}' || text[i] == '_'))
            {
                i++;
            }
            ReadOnlySpan<char> word = text.AsSpan(start, i - start);
            bool isSlot = (start > 0 && text[start - 1] == '{') || word.Contains('{') || word.Contains('}');
            if (isSlot || word.Length < 4 || !random.Chance(wordRate))
            {
                sb.Append(word);
                continue;
            }
            sb.Append(Misspell(word, random));
        }
        return sb.ToString();
    }

    private static string Misspell(ReadOnlySpan<char> word, SeededRandom random)
    {
        // Keep the first letter: people rarely mistype it, and it keeps the word recognisable.
        int at = random.Next(1, word.Length - 1);
        return random.Next(3) switch
        {
            0 => string.Concat(word[..at], word.Slice(at + 1, 1), word.Slice(at, 1), word[(at + 2)..]),
            1 => string.Concat(word[..at], word[(at + 1)..]),
            _ => string.Concat(word[..(at + 1)], word[at..]),
        };
    }
}
