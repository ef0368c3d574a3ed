namespace HybridAI.Generators.Text;

/// <summary>
/// An approximate token count without a tokenizer: each run of letters/digits counts one piece per
/// started six characters, every other visible character counts one. Close enough to BPE counts for
/// budgeting and usage reporting; not exact.
/// </summary>
internal static class TokenEstimate
{
    public static int Count(ReadOnlySpan<char> text)
    {
        int tokens = 0, run = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                run++;
                continue;
            }

            if (run > 0)
            {
                tokens += 1 + ((run - 1) / 6);
                run = 0;
            }

            if (!char.IsWhiteSpace(c))
            {
                tokens++;
            }
        }

        if (run > 0)
        {
            tokens += 1 + ((run - 1) / 6);
        }

        return tokens;
    }
}
