using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HybridAI.Governance.Anonymization;

/// <summary>HMAC-SHA256 of "TYPE\0value" (UTF-8; a lone surrogate reads as U+FFFD), as lower-case hex.</summary>
internal static class ValueHash
{
    public static string Hex(byte[] key, string type, ReadOnlySpan<char> value, int hexChars)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(key, type, value, mac);
        return Convert.ToHexStringLower(mac[..(hexChars / 2)]);
    }

    public static void Compute(byte[] key, string type, ReadOnlySpan<char> value, Span<byte> mac)
    {
        var max = Encoding.UTF8.GetMaxByteCount(type.Length + 1 + value.Length);
        var rented = max <= 1024 ? null : ArrayPool<byte>.Shared.Rent(max);
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        var n = Encoding.UTF8.GetBytes(type, bytes);
        bytes[n++] = 0;
        n += Encoding.UTF8.GetBytes(value, bytes[n..]);
        HMACSHA256.HashData(key, bytes[..n], mac);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
