using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// The graph file: a 64-byte header (magic, format version, dimensions, M, efConstruction, node count, entry point,
/// top level, a checksum of the vector bytes the graph covers, a checksum and the length of the payload), then the
/// payload: one level byte per node (padded to 4), the level-0 lists, and the upper-level lists of the nodes that have
/// them in node order. All little-endian. It is a cache: any file that does not match the vectors it is opened with,
/// or fails a check, is ignored and the graph rebuilt, never trusted.
/// </summary>
internal sealed unsafe partial class HnswGraph
{
    private const int HeaderSize = 64;
    private const uint FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "HAIHNSW\0"u8;

    /// <summary>
    /// Writes the graph to <paramref name="path"/> (through a temporary file renamed over it, so a crash leaves the
    /// old file or the new one, never half of one).
    /// </summary>
    public void Save(string path)
    {
        _lock.EnterReadLock();
        try
        {
            int count = Count;
            byte[] payload = Payload(count);
            Span<byte> header = stackalloc byte[HeaderSize];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], FormatVersion);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], _vectors.Dimensions);
            BinaryPrimitives.WriteInt32LittleEndian(header[16..], _m);
            BinaryPrimitives.WriteInt32LittleEndian(header[20..], _efConstruction);
            BinaryPrimitives.WriteInt64LittleEndian(header[24..], count);
            BinaryPrimitives.WriteInt32LittleEndian(header[32..], _entry);
            BinaryPrimitives.WriteInt32LittleEndian(header[36..], _topLevel);
            BinaryPrimitives.WriteUInt64LittleEndian(header[40..], VectorChecksum(_vectors, count));
            BinaryPrimitives.WriteUInt64LittleEndian(header[48..], WordVectorFileLayout.Checksum(payload));
            BinaryPrimitives.WriteInt64LittleEndian(header[56..], payload.Length);

            string temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(header);
                stream.Write(payload);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The graph saved at <paramref name="path"/> when it was built with these parameters over a prefix of
    /// <paramref name="vectors"/> (the same bytes, checked) and passes every structural check; null otherwise (missing,
    /// stale, corrupt or unreadable). Slots appended after it was saved are not in it: call <see cref="AddUpTo"/>.
    /// </summary>
    public static HnswGraph? TryLoad(string path, VectorFile vectors, int m = 16, int efConstruction = 200, int seed = 42)
    {
        if (!BitConverter.IsLittleEndian || !File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            return null;
        }

        ReadOnlySpan<byte> header = bytes.AsSpan(0, HeaderSize);
        long count = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[56..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != FormatVersion
            || BinaryPrimitives.ReadInt32LittleEndian(header[12..]) != vectors.Dimensions
            || BinaryPrimitives.ReadInt32LittleEndian(header[16..]) != m
            || BinaryPrimitives.ReadInt32LittleEndian(header[20..]) != efConstruction
            || count < 1 || count > vectors.Count || count > int.MaxValue / (1 + (2 * m))
            || payloadLength != bytes.Length - HeaderSize)
        {
            return null;
        }

        ReadOnlySpan<byte> payload = bytes.AsSpan(HeaderSize);
        if (BinaryPrimitives.ReadUInt64LittleEndian(header[48..]) != WordVectorFileLayout.Checksum(payload)
            || BinaryPrimitives.ReadUInt64LittleEndian(header[40..]) != VectorChecksum(vectors, (int)count))
        {
            return null;
        }

        var graph = new HnswGraph(vectors, m, efConstruction, seed ^ (int)count);
        return graph.TryRead(payload, (int)count, BinaryPrimitives.ReadInt32LittleEndian(header[32..]), BinaryPrimitives.ReadInt32LittleEndian(header[36..]))
            ? graph
            : null;
    }

    private static int LevelBytes(int count) => (count + 3) & ~3;

    private byte[] Payload(int count)
    {
        long upperInts = 0;
        for (int i = 0; i < count; i++)
        {
            upperInts += _upper[i]?.Length ?? 0;
        }

        int level0Ints = count * Stride0;
        var payload = new byte[LevelBytes(count) + ((level0Ints + upperInts) * sizeof(int))];
        _levels.AsSpan(0, count).CopyTo(payload);
        Span<int> ints = MemoryMarshal.Cast<byte, int>(payload.AsSpan(LevelBytes(count)));
        _level0.AsSpan(0, level0Ints).CopyTo(ints);
        int at = level0Ints;
        for (int i = 0; i < count; i++)
        {
            if (_upper[i] is int[] upper)
            {
                upper.CopyTo(ints[at..]);
                at += upper.Length;
            }
        }

        return payload;
    }

    // Every count and id is checked: a file that passed its checksum can still have been written by a buggy or hostile
    // writer, and a wrong id would read outside the vector block.
    private bool TryRead(ReadOnlySpan<byte> payload, int count, int entry, int topLevel)
    {
        if (payload.Length < LevelBytes(count) || (payload.Length - LevelBytes(count)) % sizeof(int) != 0
            || entry < 0 || entry >= count || topLevel < 0 || topLevel > byte.MaxValue)
        {
            return false;
        }

        ReadOnlySpan<byte> levels = payload[..count];
        ReadOnlySpan<int> ints = MemoryMarshal.Cast<byte, int>(payload[LevelBytes(count)..]);
        if (levels[entry] != topLevel || ints.Length < count * Stride0)
        {
            return false;
        }

        Reserve(count);
        levels.CopyTo(_levels);
        ints[..(count * Stride0)].CopyTo(_level0);
        int at = count * Stride0;
        for (int node = 0; node < count; node++)
        {
            int level = levels[node];
            if (level > topLevel || !ValidLists(_level0.AsSpan(node * Stride0, Stride0), 0, 1, _m0, levels))
            {
                return false;
            }

            if (level > 0)
            {
                int length = level * StrideUpper;
                if (ints.Length - at < length || !ValidLists(ints.Slice(at, length), 1, level, _m, levels))
                {
                    return false;
                }

                _upper[node] = ints.Slice(at, length).ToArray();
                at += length;
            }
        }

        if (at != ints.Length)
        {
            return false;
        }

        _base = _vectors.Base;
        _entry = entry;
        _topLevel = topLevel;
        Count = count;
        return true;
    }

    // Lists for levels [first, first + levelCount): each within its maximum, each id a node that reaches that level.
    private static bool ValidLists(ReadOnlySpan<int> lists, int first, int levelCount, int max, ReadOnlySpan<byte> levels)
    {
        for (int l = 0; l < levelCount; l++)
        {
            ReadOnlySpan<int> list = lists.Slice(l * (1 + max), 1 + max);
            if ((uint)list[0] > (uint)max)
            {
                return false;
            }

            foreach (int id in list.Slice(1, list[0]))
            {
                if ((uint)id >= (uint)levels.Length || levels[id] < first + l)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ulong VectorChecksum(VectorFile vectors, int count) =>
        WordVectorFileLayout.Checksum((byte*)vectors.Base, (long)count * vectors.Dimensions * sizeof(float));
}
