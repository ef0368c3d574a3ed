using System.Buffers;

namespace HybridAI.Classifiers;

/// <summary>Splits normalised text into letter/digit tokens and emits word and character n-gram terms.</summary>
internal static class TermEnumerator
{
    public const string WordPrefix = "word:";
    public const string CharPrefix = "char:";

    public static void Enumerate<TSink>(string text, TextFeaturizerOptions options, ref TSink sink)
        where TSink : ITermSink
    {
        var normalized = TextNormalizer.Normalize(text, options, out var length);
        var tokens = ArrayPool<int>.Shared.Rent(Math.Max(2, length + 1));
        char[]? scratch = null;
        try
        {
            var chars = normalized.AsSpan(0, length);
            var tokenCount = Tokenize(chars, tokens, out var longest);
            if (tokenCount == 0)
            {
                return;
            }

            var maxWordN = options.WordNGramMax;
            // Room for the longest word n-gram term, and separately for a padded token.
            var termRoom = WordPrefix.Length + (Math.Max(1, maxWordN) * (longest + 1));
            var padRoom = longest + 2;
            scratch = ArrayPool<char>.Shared.Rent(termRoom + padRoom + CharPrefix.Length + 8);
            var term = scratch.AsSpan(0, termRoom + CharPrefix.Length + 8);
            var padded = scratch.AsSpan(term.Length, padRoom);

            if (maxWordN > 0)
            {
                EmitWordNGrams(chars, tokens, tokenCount, options.WordNGramMin, maxWordN, term, ref sink);
            }

            if (options.CharNGramMax > 0)
            {
                EmitCharNGrams(chars, tokens, tokenCount, options.CharNGramMin, options.CharNGramMax, term, padded, ref sink);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(normalized);
            ArrayPool<int>.Shared.Return(tokens);
            if (scratch is not null)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
    }

    // Tokens are stored as (start, length) pairs.
    private static int Tokenize(ReadOnlySpan<char> chars, int[] tokens, out int longest)
    {
        var count = 0;
        longest = 0;
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < chars.Length && char.IsLetterOrDigit(chars[i]))
            {
                i++;
            }

            tokens[2 * count] = start;
            tokens[(2 * count) + 1] = i - start;
            longest = Math.Max(longest, i - start);
            count++;
        }

        return count;
    }

    private static void EmitWordNGrams<TSink>(ReadOnlySpan<char> chars, int[] tokens, int tokenCount, int minN, int maxN, Span<char> term, ref TSink sink)
        where TSink : ITermSink
    {
        WordPrefix.CopyTo(term);
        for (var n = minN; n <= maxN; n++)
        {
            for (var first = 0; first + n <= tokenCount; first++)
            {
                var at = WordPrefix.Length;
                for (var t = first; t < first + n; t++)
                {
                    if (t > first)
                    {
                        term[at++] = ' ';
                    }

                    var token = chars.Slice(tokens[2 * t], tokens[(2 * t) + 1]);
                    token.CopyTo(term[at..]);
                    at += token.Length;
                }

                sink.Add(term[..at]);
            }
        }
    }

    private static void EmitCharNGrams<TSink>(ReadOnlySpan<char> chars, int[] tokens, int tokenCount, int minN, int maxN, Span<char> term, Span<char> padded, ref TSink sink)
        where TSink : ITermSink
    {
        CharPrefix.CopyTo(term);
        var window = term[CharPrefix.Length..];
        for (var t = 0; t < tokenCount; t++)
        {
            // Spaces mark word boundaries so that prefixes and suffixes get their own n-grams.
            var token = chars.Slice(tokens[2 * t], tokens[(2 * t) + 1]);
            padded[0] = ' ';
            token.CopyTo(padded[1..]);
            padded[token.Length + 1] = ' ';
            var word = padded[..(token.Length + 2)];

            if (word.Length < minN)
            {
                // A word shorter than the smallest n-gram still counts, once, as itself.
                word.CopyTo(window);
                sink.Add(term[..(CharPrefix.Length + word.Length)]);
                continue;
            }

            for (var n = minN; n <= maxN && n <= word.Length; n++)
            {
                for (var s = 0; s + n <= word.Length; s++)
                {
                    word.Slice(s, n).CopyTo(window);
                    sink.Add(term[..(CharPrefix.Length + n)]);
                }
            }
        }
    }
}
