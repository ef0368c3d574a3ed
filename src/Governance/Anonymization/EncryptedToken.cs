using System.Buffers.Text;

namespace HybridAI.Governance.Anonymization;

/// <summary>
/// The text form of an encrypted value, <c>&lt;ENC:TYPE:data&gt;</c>, where data is base64url of
/// format(1) ‖ key id(8) ‖ nonce(12) ‖ ciphertext ‖ tag(16). Format 1: the value as UTF-8; format 2: as UTF-16LE
/// (values holding a lone surrogate, which UTF-8 cannot carry).
/// </summary>
internal static class EncryptedToken
{
    public const string Prefix = "<ENC:";
    public const int KeyIdSize = 8;
    public const byte Utf8Format = 1;
    public const byte Utf16Format = 2;
    public const int HeaderSize = 1 + KeyIdSize;

    /// <summary>The longest token read back (a value of 4 KiB chars and a long type); longer text is not a token.</summary>
    public const int MaxLength = 16 * 1024;

    public static string Format(string type, byte[] payload)
    {
        var encoded = Base64Url.GetEncodedLength(payload.Length);
        return string.Create(Prefix.Length + type.Length + 1 + encoded + 1, (type, payload), static (dest, s) =>
        {
            Prefix.CopyTo(dest);
            var at = Prefix.Length;
            s.type.CopyTo(dest[at..]);
            at += s.type.Length;
            dest[at++] = ':';
            at += Base64Url.EncodeToChars(s.payload, dest[at..]);
            dest[at] = '>';
        });
    }

    /// <summary>Length of the token starting at <paramref name="text"/>[0], or 0 when none starts there.</summary>
    public static int Measure(ReadOnlySpan<char> text, out ReadOnlySpan<char> type, out ReadOnlySpan<char> data)
    {
        type = data = default;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            return 0;
        var rest = text[Prefix.Length..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon > 64 || !IsTypeName(rest[..colon]))
            return 0;
        var afterType = rest[(colon + 1)..];
        var close = afterType[..Math.Min(afterType.Length, MaxLength)].IndexOf('>');
        if (close <= 0)
            return 0;
        type = rest[..colon];
        data = afterType[..close];
        return Prefix.Length + colon + 1 + close + 1;
    }

    /// <summary>True when <paramref name="text"/> holds no lone surrogate, so UTF-8 carries it exactly.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
            return true;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }
        return true;
    }

    public static bool IsTypeName(ReadOnlySpan<char> type)
    {
        foreach (var c in type)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
                return false;
        }
        return true;
    }
}
