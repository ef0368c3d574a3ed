namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// A decoded tensor: its element type, shape and values in a typed array, row-major. The array type per
/// <see cref="OnnxElementType"/>: float, byte, sbyte, ushort, short, int, long, string, bool, <see cref="Half"/>,
/// double, uint, ulong, <see cref="BFloat16"/>; the 8-bit floats as their raw bytes (byte[]); 4- and 2-bit types
/// unpacked to one element per byte (byte[] for unsigned and FLOAT4E2M1 bit patterns, sbyte[] for signed).
/// </summary>
public sealed class ProtoTensor
{
    internal ProtoTensor(string? name, OnnxElementType dataType, long[] shape, Array values)
    {
        Name = name;
        DataType = dataType;
        Shape = shape;
        Values = values;
    }

    /// <summary>The tensor's name in the file, if any.</summary>
    public string? Name { get; }

    /// <summary>The element type.</summary>
    public OnnxElementType DataType { get; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The values as a typed array (see the class remarks for which).</summary>
    public Array Values { get; }

    /// <summary>How many elements the tensor holds.</summary>
    public int Length => Values.Length;

    /// <summary>The values as <typeparamref name="T"/>[].</summary>
    /// <exception cref="InvalidCastException">The tensor holds another element type, named in the message.</exception>
    public T[] As<T>() => Values as T[]
        ?? throw new InvalidCastException($"Tensor '{Name}' holds {DataType} values ({Values.GetType().Name}), not {typeof(T).Name}[].");
}
