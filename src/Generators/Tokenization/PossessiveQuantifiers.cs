using System.Text;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Rewrites the possessive quantifiers of Oniguruma/PCRE patterns (<c>X?+ X*+ X++ X{n,m}+</c>), which .NET's regex
/// lacks, as the atomic groups that mean the same (<c>(?&gt;X?)</c>…). Newer tokenizer.json split patterns use them.
/// </summary>
internal static class PossessiveQuantifiers
{
    public static string ToAtomic(string pattern)
    {
        if (!pattern.Contains("?+", StringComparison.Ordinal) && !pattern.Contains("*+", StringComparison.Ordinal)
            && !pattern.Contains("++", StringComparison.Ordinal) && !pattern.Contains("}+", StringComparison.Ordinal))
        {
            return pattern;
        }

        var output = new StringBuilder(pattern.Length + 16);
        var groups = new Stack<int>();
        int atom = -1, i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            int quantifierEnd = QuantifierEnd(pattern, i);
            if (quantifierEnd > i && atom >= 0)
            {
                string quantifier = pattern[i..quantifierEnd];
                i = quantifierEnd;
                if (i < pattern.Length && pattern[i] == '+')
                {
                    string body = output.ToString(atom, output.Length - atom);
                    output.Length = atom;
                    output.Append("(?>").Append(body).Append(quantifier).Append(')');
                    i++;
                }
                else
                {
                    output.Append(quantifier);
                    if (i < pattern.Length && pattern[i] == '?')
                    {
                        output.Append('?');
                        i++;
                    }
                }

                atom = -1;
                continue;
            }

            switch (c)
            {
                case '\\':
                    atom = output.Length;
                    int escapeEnd = pattern.Length > i + 2 && pattern[i + 1] is 'p' or 'P' && pattern[i + 2] == '{'
                        ? pattern.IndexOf('}', i) + 1
                        : pattern.Length > i + 1 && pattern[i + 1] == 'x' ? i + 4
                        : pattern.Length > i + 1 && pattern[i + 1] == 'u' ? i + 6
                        : i + 2;
                    escapeEnd = Math.Clamp(escapeEnd, i + 1, pattern.Length);
                    output.Append(pattern, i, escapeEnd - i);
                    i = escapeEnd;
                    break;
                case '[':
                    atom = output.Length;
                    int end = i + 1;
                    if (end < pattern.Length && pattern[end] == '^')
                    {
                        end++;
                    }

                    if (end < pattern.Length && pattern[end] == ']')
                    {
                        end++;
                    }

                    while (end < pattern.Length && pattern[end] != ']')
                    {
                        end += pattern[end] == '\\' ? 2 : 1;
                    }

                    end = Math.Min(end + 1, pattern.Length);
                    output.Append(pattern, i, end - i);
                    i = end;
                    break;
                case '(':
                    groups.Push(output.Length);
                    int open = i + 1;
                    if (open < pattern.Length && pattern[open] == '?')
                    {
                        // Group syntax: (?: (?= (?! (?> (?<= (?<! (?<name> (?i: (?i)
                        open++;
                        while (open < pattern.Length && pattern[open] is not (':' or ')' or '=' or '!' or '>'))
                        {
                            open++;
                        }

                        if (open < pattern.Length && pattern[open] != ')')
                        {
                            open++;
                        }
                    }

                    output.Append(pattern, i, open - i);
                    i = open;
                    atom = -1;
                    break;
                case ')':
                    output.Append(c);
                    i++;
                    atom = groups.Count > 0 ? groups.Pop() : -1;
                    break;
                case '|':
                    output.Append(c);
                    i++;
                    atom = -1;
                    break;
                default:
                    atom = output.Length;
                    output.Append(c);
                    i++;
                    break;
            }
        }

        return output.ToString();
    }

    // The end of a quantifier starting at i (?, *, +, {n}, {n,}, {n,m}), or i when there is none.
    private static int QuantifierEnd(string pattern, int i)
    {
        char c = pattern[i];
        if (c is '?' or '*' or '+')
        {
            return i + 1;
        }

        if (c != '{')
        {
            return i;
        }

        int j = i + 1, digits = 0;
        while (j < pattern.Length && char.IsAsciiDigit(pattern[j]))
        {
            j++;
            digits++;
        }

        if (digits == 0)
        {
            return i;
        }

        if (j < pattern.Length && pattern[j] == ',')
        {
            j++;
            while (j < pattern.Length && char.IsAsciiDigit(pattern[j]))
            {
                j++;
            }
        }

        return j < pattern.Length && pattern[j] == '}' ? j + 1 : i;
    }
}
