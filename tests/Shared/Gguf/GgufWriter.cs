using System.Text;

namespace HybridAI.Tests.Gguf;

/// <summary>
/// Writes a GGUF v3 file (the llama.cpp model container): a header, typed metadata key/values, tensor
/// descriptors and 32-byte-aligned F32 tensor data. Only what the test fixtures need; not a general library.
/// </summary>
internal sealed class GgufWriter
{
    private const int Alignment = 32;

    private readonly List<(string Key, Action<BinaryWriter> Write)> _metadata = [];
    private readonly List<(string Name, long[] Shape, float[] Data)> _tensors = [];

    public GgufWriter Add(string key, string value) => AddRaw(key, w => { w.Write((uint)GgufType.String); WriteString(w, value); });

    public GgufWriter Add(string key, uint value) => AddRaw(key, w => { w.Write((uint)GgufType.UInt32); w.Write(value); });

    public GgufWriter Add(string key, float value) => AddRaw(key, w => { w.Write((uint)GgufType.Float32); w.Write(value); });

    public GgufWriter Add(string key, bool value) => AddRaw(key, w => { w.Write((uint)GgufType.Bool); w.Write(value ? (byte)1 : (byte)0); });

    public GgufWriter Add(string key, IReadOnlyList<string> values) => AddRaw(key, w =>
    {
        WriteArrayHeader(w, GgufType.String, values.Count);
        foreach (var v in values)
        {
            WriteString(w, v);
        }
    });

    public GgufWriter Add(string key, IReadOnlyList<float> values) => AddRaw(key, w =>
    {
        WriteArrayHeader(w, GgufType.Float32, values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    public GgufWriter Add(string key, IReadOnlyList<int> values) => AddRaw(key, w =>
    {
        WriteArrayHeader(w, GgufType.Int32, values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    /// <summary>A tensor in ggml order: <paramref name="shape"/>[0] is the fastest-moving (row) dimension.</summary>
    public GgufWriter AddTensor(string name, long[] shape, float[] data)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != data.Length)
        {
            throw new ArgumentException($"Tensor {name}: shape [{string.Join(", ", shape)}] does not hold {data.Length} values.", nameof(data));
        }

        _tensors.Add((name, shape, data));
        return this;
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, write) in _metadata)
        {
            WriteString(w, key);
            write(w);
        }

        ulong offset = 0;
        foreach (var (name, shape, data) in _tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            foreach (var d in shape)
            {
                w.Write((ulong)d);
            }

            w.Write(0u); // GGML_TYPE_F32
            w.Write(offset);
            offset = Align((ulong)data.Length * sizeof(float) + offset);
        }

        Pad(w);
        foreach (var (_, _, data) in _tensors)
        {
            var bytes = new byte[data.Length * sizeof(float)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            w.Write(bytes);
            Pad(w);
        }
    }

    private GgufWriter AddRaw(string key, Action<BinaryWriter> write)
    {
        _metadata.Add((key, write));
        return this;
    }

    private static void WriteArrayHeader(BinaryWriter w, GgufType elementType, int count)
    {
        w.Write((uint)GgufType.Array);
        w.Write((uint)elementType);
        w.Write((ulong)count);
    }

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        var position = (ulong)w.BaseStream.Position;
        for (var i = position; i < Align(position); i++)
        {
            w.Write((byte)0);
        }
    }

    private enum GgufType : uint
    {
        UInt32 = 4,
        Int32 = 5,
        Float32 = 6,
        Bool = 7,
        String = 8,
        Array = 9,
    }
}
