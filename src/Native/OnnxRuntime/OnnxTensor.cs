using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using HybridAI.Native.OnnxRuntime.Interop;

namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// A dense tensor in ONNX Runtime. Tensors you create read straight from your array, which stays pinned until the
/// tensor is disposed (do not change it while a run uses it); string tensors are copied into ORT. Output tensors are
/// owned by ORT and read back with <see cref="ToArray{T}"/>.
/// </summary>
/// <example>
/// <code>
/// using var input = OnnxTensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
/// using var names = OnnxTensor.CreateStrings(["a", "b"], 2);
/// </code>
/// </example>
public sealed unsafe class OnnxTensor : IDisposable, IOrtValueSource
{
    private readonly long[] _shape;

    private OnnxTensor(OrtValueHandle handle, OnnxElementType elementType, long[] shape)
    {
        Handle = handle;
        ElementType = elementType;
        _shape = shape;
        ElementCount = CountOf(shape);
    }

    /// <summary>The element type.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The dimensions (empty for a scalar).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of elements (the product of the dimensions).</summary>
    public long ElementCount { get; }

    internal OrtValueHandle Handle { get; }

    /// <summary>
    /// A tensor over <paramref name="data"/> (not copied: it is pinned until the tensor is disposed).
    /// </summary>
    /// <param name="data">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; none for a scalar.</param>
    /// <exception cref="ArgumentException">The shape does not hold exactly <c>data.Length</c> elements.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not an ONNX element type.</exception>
    public static OnnxTensor Create<T>(T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        var type = ElementTypes.Require<T>();
        CheckCount(shape, data.Length);
        shape = (long[])shape.Clone();
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            nint raw;
            long none = 0;
            fixed (long* dims = shape)
            {
                OrtApi.Check(OrtApi.CreateTensorWithDataAsOrtValue(
                    OrtEnvironment.CpuMemory, (void*)pin.AddrOfPinnedObject(), (nuint)data.Length * (nuint)sizeof(T),
                    shape.Length == 0 ? &none : dims, (nuint)shape.Length, (int)type, &raw));
            }

            return new OnnxTensor(new OrtValueHandle(raw, pin), type, shape);
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/>.</summary>
    public static OnnxTensor Create<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape)
        where T : unmanaged => Create(data.ToArray(), shape.ToArray());

    /// <summary>A scalar (rank-0) tensor.</summary>
    public static OnnxTensor Scalar<T>(T value)
        where T : unmanaged => Create([value]);

    /// <summary>A string tensor; the strings are copied into ORT as UTF-8.</summary>
    /// <exception cref="ArgumentException">A string is null, or the shape does not hold <c>data.Length</c> elements.</exception>
    public static OnnxTensor CreateStrings(string[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        CheckCount(shape, data.Length);
        var total = 0;
        for (var i = 0; i < data.Length; i++)
        {
            total += Encoding.UTF8.GetByteCount(data[i] ?? throw new ArgumentException($"String element {i} is null.", nameof(data))) + 1;
        }

        shape = (long[])shape.Clone();
        nint raw;
        long none = 0;
        fixed (long* dims = shape)
        {
            OrtApi.Check(OrtApi.CreateTensorAsOrtValue(OrtEnvironment.Allocator, shape.Length == 0 ? &none : dims, (nuint)shape.Length, (int)OnnxElementType.String, &raw));
        }

        var handle = new OrtValueHandle(raw);
        try
        {
            var bytes = new byte[Math.Max(total, 1)];
            var pointers = new nint[Math.Max(data.Length, 1)];
            fixed (byte* text = bytes)
            fixed (nint* starts = pointers)
            {
                var at = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    starts[i] = (nint)(text + at);
                    at += Encoding.UTF8.GetBytes(data[i], bytes.AsSpan(at));
                    bytes[at++] = 0;
                }

                OrtApi.Check(OrtApi.FillStringTensor(raw, (byte**)starts, (nuint)data.Length));
            }

            return new OnnxTensor(handle, OnnxElementType.String, shape);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Copies the elements out. <typeparamref name="T"/> must match <see cref="ElementType"/> (string for string tensors).</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public T[] ToArray<T>()
    {
        var wanted = ElementTypes.Require<T>();
        if (wanted != ElementType)
        {
            throw new InvalidOperationException($"This tensor holds {ElementType} elements; it cannot be read as {typeof(T).Name}.");
        }

        if (wanted == OnnxElementType.String)
        {
            return (T[])(object)ReadStrings();
        }

        var result = new T[ElementCount];
        if (result.Length > 0)
        {
            var bytes = checked((uint)(result.Length * Unsafe.SizeOf<T>()));
            Unsafe.CopyBlockUnaligned(
                ref Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(result)),
                ref Unsafe.AsRef<byte>(Data()),
                bytes);
        }

        return result;
    }

    /// <summary>Copies the elements into <paramref name="destination"/> without allocating.</summary>
    /// <exception cref="InvalidOperationException">The element type differs.</exception>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="ElementCount"/>.</exception>
    public void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        if (ElementTypes.Require<T>() != ElementType)
        {
            throw new InvalidOperationException($"This tensor holds {ElementType} elements; it cannot be read as {typeof(T).Name}.");
        }

        if (destination.Length < ElementCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements; the tensor has {ElementCount}.", nameof(destination));
        }

        if (ElementCount > 0)
        {
            new ReadOnlySpan<T>(Data(), checked((int)ElementCount)).CopyTo(destination);
        }
    }

    /// <summary>Releases the ORT value and unpins the data.</summary>
    public void Dispose() => Handle.Dispose();

    internal static OnnxTensor FromOwned(OrtValueHandle handle)
    {
        var (type, shape) = TensorInfo.OfValue(handle.DangerousGetHandle());
        return new OnnxTensor(handle, type, shape);
    }

    nint IOrtValueSource.Value => Value;

    internal nint Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
            return Handle.DangerousGetHandle();
        }
    }

    private void* Data()
    {
        void* data;
        OrtApi.Check(OrtApi.GetTensorMutableData(Value, &data));
        GC.KeepAlive(this);
        return data;
    }

    private string[] ReadStrings()
    {
        var count = checked((int)ElementCount);
        var value = Value;
        nuint length;
        OrtApi.Check(OrtApi.GetStringTensorDataLength(value, &length));
        var bytes = new byte[Math.Max((int)length, 1)];
        var offsets = new nuint[Math.Max(count, 1)];
        fixed (byte* text = bytes)
        fixed (nuint* starts = offsets)
        {
            OrtApi.Check(OrtApi.GetStringTensorContent(value, text, length, starts, (nuint)count));
        }

        GC.KeepAlive(this);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < count ? (int)offsets[i + 1] : (int)length;
            result[i] = Encoding.UTF8.GetString(bytes, start, end - start);
        }

        return result;
    }

    private static long CountOf(long[] shape)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
        }

        return count;
    }

    private static void CheckCount(long[] shape, int length)
    {
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative dimension; a tensor's dimensions must be concrete.", nameof(shape));
            }
        }

        var count = CountOf(shape);
        if (count != length)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} elements but the data has {length}.", nameof(shape));
        }
    }
}
