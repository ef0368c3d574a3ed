namespace HybridAI.Generators.Tokenization;

/// <summary>
/// GPT-2's byte-level alphabet: each of the 256 byte values stands for one printable character (the printable
/// Latin-1 bytes for themselves, the others for U+0100 onwards in byte order), so a BPE vocabulary of strings can
/// hold arbitrary bytes.
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte = BuildCharToByte();

    public static char CharOf(byte b) => ByteToChar[b];

    public static bool TryByteOf(char c, out byte b) => CharToByte.TryGetValue(c, out b);

    /// <summary>The alphabet's characters for the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Map(ReadOnlySpan<char> text)
    {
        int count = System.Text.Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        Span<byte> bytes = count <= 512 ? stackalloc byte[count] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(count));
        try
        {
            bytes = bytes[..System.Text.Encoding.UTF8.GetBytes(text, bytes)];
            Span<char> chars = bytes.Length <= 512 ? stackalloc char[bytes.Length] : new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = ByteToChar[bytes[i]];
            }

            return new string(chars);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }

    private static Dictionary<char, byte> BuildCharToByte()
    {
        var map = new Dictionary<char, byte>(256);
        for (int b = 0; b < 256; b++)
        {
            map[ByteToChar[b]] = (byte)b;
        }

        return map;
    }
}
