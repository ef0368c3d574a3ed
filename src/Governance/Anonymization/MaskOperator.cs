namespace HybridAI.Governance.Anonymization;

/// <summary>Masks letters and digits, keeping separators and the last few; emails keep their first letter and domain.</summary>
internal sealed class MaskOperator(int keepLast, char maskChar) : PiiOperator
{
    public override string Name => $"mask(keepLast={keepLast})";

    internal override string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value)
    {
        var at = value.LastIndexOf('@');
        if (at > 0 && string.Equals(type, Abstractions.Privacy.PiiTypes.Email, StringComparison.OrdinalIgnoreCase))
        {
            // j***@example.com: a fixed three stars, so the mask does not tell the local part's length.
            var first = char.IsHighSurrogate(value[0]) && value.Length > 1 && char.IsLowSurrogate(value[1]) ? 2 : 1;
            return string.Concat(value[..first], new string(maskChar, 3), value[at..]);
        }
        var maskable = 0;
        foreach (var c in value)
        {
            if (IsMaskable(c))
                maskable++;
        }
        var toMask = maskable - keepLast;
        return string.Create(value.Length, (toMask, maskChar, value.ToString()), static (dest, s) =>
        {
            var masked = 0;
            for (var i = 0; i < dest.Length; i++)
            {
                var c = s.Item3[i];
                dest[i] = IsMaskable(c) && masked++ < s.toMask ? s.maskChar : c;
            }
        });
    }

    // Surrogates count as maskable so a letter outside the BMP is never left readable; each half is masked alone.
    private static bool IsMaskable(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);
}
