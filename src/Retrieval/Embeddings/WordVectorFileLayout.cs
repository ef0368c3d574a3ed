using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// The binary word-vector file, version 1, all little-endian, sections in this order:
/// <list type="number">
/// <item>header (128 bytes): magic, version, dimensions, word count, hash-table slots, longest word in UTF-8 bytes,
/// section offsets, file length, payload checksum, header checksum;</item>
/// <item>the float32 matrix, one row per word in frequency order (row = frequency rank), 64-byte aligned;</item>
/// <item>the common component (one float32 row) removed by SIF embeddings, fitted at conversion time so every
/// process that opens the file removes the same direction;</item>
/// <item>word offsets (count + 1 uint32) into the UTF-8 word bytes that follow;</item>
/// <item>an open-addressing hash table (slots × {uint32 hash, uint32 row + 1}, 0 = empty, linear probing) keyed by
/// <see cref="StableHash.Utf8"/>, so a lookup reads the mapping directly instead of building a dictionary at open.</item>
/// </list>
/// </summary>
internal readonly record struct WordVectorFileLayout(int Dimensions, int Count, int TableSlots, int MaxWordBytes, long WordBytesLength)
{
    public const int HeaderSize = 128;
    public const uint Version = 1;
    public static ReadOnlySpan<byte> Magic => "HAIWVEC\0"u8;

    private const int HeaderChecksumOffset = 88;

    public static long MatrixOffset => HeaderSize;

    public long ComponentOffset => MatrixOffset + ((long)Count * Dimensions * sizeof(float));

    public long WordOffsetsOffset => ComponentOffset + ((long)Dimensions * sizeof(float));

    public long WordBytesOffset => WordOffsetsOffset + ((long)(Count + 1) * sizeof(uint));

    public long TableOffset => Align8(WordBytesOffset + WordBytesLength);

    public long FileLength => TableOffset + ((long)TableSlots * 2 * sizeof(uint));

    /// <summary>At most half full, so an absent word is known after one or two probes on average.</summary>
    public static int SlotsFor(int count) => (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count * 2));

    public void WriteHeader(Span<byte> header, ulong payloadChecksum)
    {
        header[..HeaderSize].Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], Dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], TableSlots);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], MaxWordBytes);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], MatrixOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[40..], ComponentOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[48..], WordOffsetsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[56..], WordBytesOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[64..], TableOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[72..], FileLength);
        BinaryPrimitives.WriteUInt64LittleEndian(header[80..], payloadChecksum);
        BinaryPrimitives.WriteUInt64LittleEndian(header[HeaderChecksumOffset..], Checksum(header[..HeaderChecksumOffset]));
    }

    /// <summary>Reads and checks a header; every failure names the file and what is wrong with it.</summary>
    public static (WordVectorFileLayout Layout, ulong PayloadChecksum) ReadHeader(ReadOnlySpan<byte> header, long actualLength, string path)
    {
        if (actualLength < HeaderSize)
        {
            throw Invalid(path, $"it is {actualLength} bytes long, shorter than the {HeaderSize}-byte header (truncated, or not a word-vector file)");
        }

        if (!header[..8].SequenceEqual(Magic))
        {
            throw Invalid(path, "it does not start with the word-vector magic bytes 'HAIWVEC' (not a file made by WordVectors.Convert)");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            throw Invalid(path, $"it is format version {version}; this library reads version {Version} (convert the JSON again)");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(header[HeaderChecksumOffset..]) != Checksum(header[..HeaderChecksumOffset]))
        {
            throw Invalid(path, "its header checksum does not match (the header is corrupt)");
        }

        var layout = new WordVectorFileLayout(
            BinaryPrimitives.ReadInt32LittleEndian(header[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[20..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(header[64..]) - BinaryPrimitives.ReadInt64LittleEndian(header[56..]));
        long declaredLength = BinaryPrimitives.ReadInt64LittleEndian(header[72..]);
        if (layout.Dimensions <= 0 || layout.Count <= 0 || layout.TableSlots != SlotsFor(layout.Count)
            || BinaryPrimitives.ReadInt64LittleEndian(header[56..]) != layout.WordBytesOffset || declaredLength != layout.FileLength)
        {
            throw Invalid(path, "its header describes sections that do not fit together (the header is corrupt)");
        }

        if (actualLength != declaredLength)
        {
            throw Invalid(path, actualLength < declaredLength
                ? $"it is truncated: the header says {declaredLength} bytes, the file has {actualLength}"
                : $"it has {actualLength - declaredLength} bytes beyond the {declaredLength} its header declares");
        }

        return (layout, BinaryPrimitives.ReadUInt64LittleEndian(header[80..]));
    }

    public static InvalidDataException Invalid(string path, string problem) =>
        new($"Word-vector file '{path}' is not usable: {problem}.");

    /// <summary>
    /// A fast 64-bit checksum (four independent multiply-rotate lanes, xxHash64-style rounds) so that verifying the
    /// whole 137 MB file at open costs tens of milliseconds, not seconds.
    /// </summary>
    public static unsafe ulong Checksum(byte* data, long length)
    {
        // Chunked because a span holds at most 2 GB; each chunk's checksum seeds the next.
        const int Chunk = 1 << 26;
        ulong checksum = 0;
        for (long at = 0; at < length; at += Chunk)
        {
            checksum = Checksum(new ReadOnlySpan<byte>(data + at, (int)Math.Min(Chunk, length - at)), checksum);
        }

        return checksum;
    }

    public static ulong Checksum(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        const ulong P1 = 11400714785074694791UL;
        const ulong P2 = 14029467366897019727UL;
        ulong a = seed + P1, b = seed + P2, c = seed, d = seed - P1;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(data);
        int i = 0;
        for (; i + 4 <= words.Length; i += 4)
        {
            a = Round(a, words[i]);
            b = Round(b, words[i + 1]);
            c = Round(c, words[i + 2]);
            d = Round(d, words[i + 3]);
        }

        for (; i < words.Length; i++)
        {
            a = Round(a, words[i]);
        }

        foreach (byte tail in data[(words.Length * sizeof(ulong))..])
        {
            b = Round(b, tail);
        }

        return StableHash.Mix(a ^ ulong.RotateLeft(b, 7) ^ ulong.RotateLeft(c, 12) ^ ulong.RotateLeft(d, 18) ^ (ulong)data.Length);

        static ulong Round(ulong lane, ulong input) => ulong.RotateLeft(lane + (input * P2), 31) * P1;
    }

    private static long Align8(long offset) => (offset + 7) & ~7L;
}
