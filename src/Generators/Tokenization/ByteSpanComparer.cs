using System.Buffers.Binary;

namespace HybridAI.Generators.Tokenization;

/// <summary>Compares byte arrays by content, and lets a dictionary keyed by them be searched with a span (no allocation per lookup).</summary>
internal sealed class ByteSpanComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly ByteSpanComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    // Pieces are short (a word or two of UTF-8), so a multiply-rotate over 8-byte words beats a general-purpose hash.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0x9E3779B97F4A7C15UL * (ulong)(bytes.Length + 1);
        while (bytes.Length >= 8)
        {
            hash = (ulong.RotateLeft(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes), 27) * 0x100000001B3UL) + 0x9E3779B97F4A7C15UL;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = ulong.RotateLeft(hash ^ tail, 31) * 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (int)hash ^ (int)(hash >> 32);
    }
}
