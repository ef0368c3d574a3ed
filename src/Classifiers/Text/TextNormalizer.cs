using System.Buffers;
using System.Globalization;
using System.Text;

namespace HybridAI.Classifiers;

/// <summary>Folds accents and case so that "Remboursé" and "rembourse" read the same.</summary>
internal static class TextNormalizer
{
    /// <summary>Writes the normalised text into a pooled buffer; the caller returns it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static char[] Normalize(string text, TextFeaturizerOptions options, out int length)
    {
        var source = text;
        if (options.FoldAccents && !Ascii.IsValid(text))
        {
            try
            {
                source = text.Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                // Lone surrogates cannot be normalised; tokens are letters/digits anyway, so keep the raw text.
                source = text;
            }
        }

        // Ligatures expand to two letters, so twice the input is always enough.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length * 2));
        var n = 0;
        foreach (var raw in source)
        {
            var c = raw;
            if (options.FoldAccents && c > '\u007f')
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                // FormD leaves ligatures alone; French writes "cœur", "sœur", "ex æquo".
                switch (c)
                {
                    case 'œ': buffer[n++] = 'o'; buffer[n++] = 'e'; continue;
                    case 'Œ': buffer[n++] = options.Lowercase ? 'o' : 'O'; buffer[n++] = 'e'; continue;
                    case 'æ': buffer[n++] = 'a'; buffer[n++] = 'e'; continue;
                    case 'Æ': buffer[n++] = options.Lowercase ? 'a' : 'A'; buffer[n++] = 'e'; continue;
                    case 'ß': buffer[n++] = 's'; buffer[n++] = 's'; continue;
                    default: break;
                }
            }

            buffer[n++] = options.Lowercase ? char.ToLowerInvariant(c) : c;
        }

        length = n;
        return buffer;
    }
}
