using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// Append-only file of unit-length float32 vectors (little-endian, <c>dimensions</c> floats per slot, no header),
/// read through a memory map. The SQLite manifest holds the committed slot count: appended bytes are flushed to disk
/// before the manifest commits, and on open everything past the committed count is cut off, so a crash mid-ingest
/// leaves no partial vector visible. The file grows in doubling steps (sparse on Linux) so that the map is replaced
/// only O(log n) times; replaced maps stay alive until dispose because searches may still read them.
/// </summary>
internal sealed unsafe class VectorFile : IDisposable
{
    private const long MinCapacityBytes = 1 << 20;

    private readonly FileStream _stream;
    private readonly List<Mapping> _mappings = [];
    private volatile Mapping? _current;
    private long _written;   // slots written (flushed or not)
    private long _committed; // slots visible to searches

    private VectorFile(FileStream stream, int dimensions, long committed)
    {
        _stream = stream;
        Dimensions = dimensions;
        _written = committed;
        _committed = committed;
    }

    public int Dimensions { get; }

    public long Count => Interlocked.Read(ref _committed);

    /// <summary>Opens the file, cutting off whatever lies beyond the <paramref name="committedSlots"/> the manifest committed.</summary>
    public static VectorFile Open(string path, int dimensions, long committedSlots)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        try
        {
            long committedBytes = committedSlots * dimensions * sizeof(float);
            if (stream.Length < committedBytes)
            {
                throw new InvalidDataException(
                    $"The vector file '{Path.GetFileName(path)}' holds {stream.Length} bytes; the manifest committed {committedBytes}. It was truncated or replaced.");
            }

            stream.SetLength(committedBytes);
            var file = new VectorFile(stream, dimensions, committedSlots);
            file.EnsureCapacity(committedSlots);
            return file;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The vector in <paramref name="slot"/>; only committed slots may be read.</summary>
    public ReadOnlySpan<float> this[long slot]
    {
        get
        {
            Mapping mapping = _current!;
            return new ReadOnlySpan<float>(mapping.Pointer + (slot * Dimensions * sizeof(float)), Dimensions);
        }
    }

    /// <summary>
    /// The first float of slot 0. Slots below <see cref="Count"/> at the time of the call stay readable through it
    /// until dispose (replaced maps are kept alive), so a search may hold it for its whole run.
    /// </summary>
    public float* Base => (float*)_current!.Pointer;

    /// <summary>Writes vectors after the last written slot and flushes them to disk; returns the first slot. Callers hold the write lock.</summary>
    public long Append(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        long first = _written;
        EnsureCapacity(first + vectors.Count);
        _stream.Position = first * Dimensions * sizeof(float);
        foreach (ReadOnlyMemory<float> vector in vectors)
        {
            _stream.Write(MemoryMarshal.AsBytes(vector.Span));
        }

        _stream.Flush(flushToDisk: true);
        _written = first + vectors.Count;
        return first;
    }

    /// <summary>Makes the written slots visible, once the manifest that counts them has committed.</summary>
    public void Publish() => Interlocked.Exchange(ref _committed, _written);

    /// <summary>Forgets slots written since the last publish (the manifest transaction failed).</summary>
    public void Abandon() => _written = Count;

    private void EnsureCapacity(long slots)
    {
        long bytes = Math.Max(slots * Dimensions * sizeof(float), 1);
        if (_current is not null && _current.Capacity >= bytes)
        {
            return;
        }

        long capacity = Math.Max(MinCapacityBytes, _current?.Capacity ?? 0);
        while (capacity < bytes)
        {
            capacity *= 2;
        }

        if (_stream.Length < capacity)
        {
            _stream.SetLength(capacity);
        }

        var map = MemoryMappedFile.CreateFromFile(_stream, null, capacity, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor view = map.CreateViewAccessor(0, capacity, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        var mapping = new Mapping(map, view, pointer + view.PointerOffset, capacity);
        _mappings.Add(mapping);
        _current = mapping;
    }

    public void Dispose()
    {
        foreach (Mapping mapping in _mappings)
        {
            mapping.Dispose();
        }

        _mappings.Clear();
        _current = null;
        _stream.Dispose();
    }

    private sealed class Mapping(MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, long capacity) : IDisposable
    {
        public byte* Pointer { get; } = pointer;

        public long Capacity { get; } = capacity;

        public void Dispose()
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }
}
