using System.Runtime.InteropServices;
using System.Text;

namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// Turns a <see cref="TensorProto"/> into typed managed values (<see cref="Decode"/>) and typed values into a
/// <see cref="TensorProto"/> (<see cref="FromValues{T}"/>, <see cref="FromStrings"/>).
/// </summary>
/// <example>
/// <code>
/// TensorProto weights = OnnxTensorData.FromValues("W", [2, 2], new float[] { 1, 2, 3, 4 });
/// ProtoTensor back = OnnxTensorData.Decode(weights);
/// float[] values = back.As&lt;float&gt;();   // { 1, 2, 3, 4 }, shape [2, 2]
/// </code>
/// </example>
/// <remarks>
/// Data comes from <c>raw_data</c> (little-endian, fixed width) when present, otherwise from the typed field the
/// ONNX spec assigns: int32_data carries INT8/16, UINT8/16, BOOL, FLOAT16 and BFLOAT16 (as bit patterns) and the
/// 8-bit floats; uint64_data carries UINT32/64. Complex types and external data throw
/// <see cref="NotSupportedException"/>.
/// </remarks>
public static class OnnxTensorData
{
    /// <summary>Decodes the tensor's values into a typed array.</summary>
    /// <exception cref="NotSupportedException">Complex element types, unknown types, or data in an external file.</exception>
    /// <exception cref="OnnxFormatException">The data does not hold as many elements as the dims call for.</exception>
    public static ProtoTensor Decode(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.HasExternalData)
        {
            throw new NotSupportedException(
                $"Tensor '{tensor.Name}' keeps its data in an external file; only data embedded in the message can be decoded.");
        }

        long[] shape = tensor.Dims.ToArray();
        int count = ElementCount(tensor, shape);
        Array values = tensor.DataType switch
        {
            OnnxElementType.Float => Wide(tensor, count, tensor.FloatData, "float_data"),
            OnnxElementType.Double => Wide(tensor, count, tensor.DoubleData, "double_data"),
            OnnxElementType.Int32 => Wide(tensor, count, tensor.Int32Data, "int32_data"),
            OnnxElementType.Int64 => Wide(tensor, count, tensor.Int64Data, "int64_data"),
            OnnxElementType.UInt64 => Wide(tensor, count, tensor.UInt64Data, "uint64_data"),
            OnnxElementType.UInt32 => Narrow(tensor, count, tensor.UInt64Data, "uint64_data", static v => (uint)v),
            OnnxElementType.UInt8 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => (byte)v),
            OnnxElementType.Int8 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => (sbyte)v),
            OnnxElementType.UInt16 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => (ushort)v),
            OnnxElementType.Int16 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => (short)v),
            OnnxElementType.Float16 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => BitConverter.UInt16BitsToHalf((ushort)v)),
            OnnxElementType.BFloat16 => Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => new BFloat16((ushort)v)),
            OnnxElementType.Bool => Booleans(tensor, count),
            OnnxElementType.String => Strings(tensor, count),
            OnnxElementType.Float8E4M3FN or OnnxElementType.Float8E4M3FNUZ or OnnxElementType.Float8E5M2
                or OnnxElementType.Float8E5M2FNUZ or OnnxElementType.Float8E8M0 =>
                Narrow(tensor, count, tensor.Int32Data, "int32_data", static v => (byte)v),
            OnnxElementType.UInt4 or OnnxElementType.Float4E2M1 => Unpack<byte>(tensor, count, 4, signed: false),
            OnnxElementType.Int4 => Unpack<sbyte>(tensor, count, 4, signed: true),
            OnnxElementType.UInt2 => Unpack<byte>(tensor, count, 2, signed: false),
            OnnxElementType.Int2 => Unpack<sbyte>(tensor, count, 2, signed: true),
            OnnxElementType.Complex64 or OnnxElementType.Complex128 => throw new NotSupportedException(
                $"Tensor '{tensor.Name}' holds {tensor.DataType} values; complex tensors are not decoded."),
            _ => throw new NotSupportedException($"Tensor '{tensor.Name}' has unknown data_type {(int)tensor.DataType}."),
        };

        return new ProtoTensor(tensor.Name, tensor.DataType, shape, values);
    }

    /// <summary>Builds a tensor of <paramref name="values"/> stored in raw_data.</summary>
    /// <typeparam name="T">float, double, byte, sbyte, ushort, short, int, long, uint, ulong, bool, <see cref="Half"/> or <see cref="BFloat16"/>.</typeparam>
    /// <exception cref="ArgumentException">The shape's element count differs from the number of values, or T is not an ONNX type.</exception>
    public static TensorProto FromValues<T>(string? name, ReadOnlySpan<long> shape, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        OnnxElementType dataType = DataTypeOf<T>();
        var tensor = NewTensor(name, dataType, shape, values.Length);
        byte[] raw = new byte[values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        if (typeof(T) == typeof(bool))
        {
            // bool's in-memory value is not guaranteed to be 0/1; the spec requires exactly that.
            ReadOnlySpan<bool> flags = MemoryMarshal.Cast<T, bool>(values);
            for (int i = 0; i < flags.Length; i++)
            {
                raw[i] = flags[i] ? (byte)1 : (byte)0;
            }
        }
        else
        {
            LittleEndian.Copy(values, raw);
        }

        tensor.RawData = raw;
        return tensor;
    }

    /// <summary>Builds a STRING tensor (UTF-8 in string_data).</summary>
    /// <exception cref="ArgumentException">The shape's element count differs from the number of values.</exception>
    public static TensorProto FromStrings(string? name, ReadOnlySpan<long> shape, ReadOnlySpan<string> values)
    {
        var tensor = NewTensor(name, OnnxElementType.String, shape, values.Length);
        foreach (string value in values)
        {
            tensor.StringData.Add(Encoding.UTF8.GetBytes(value));
        }

        return tensor;
    }

    /// <summary>The ONNX element type for a .NET element type.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no ONNX element type.</exception>
    public static OnnxElementType DataTypeOf<T>() => Type.GetTypeCode(typeof(T)) switch
    {
        TypeCode.Single => OnnxElementType.Float,
        TypeCode.Double => OnnxElementType.Double,
        TypeCode.Byte => OnnxElementType.UInt8,
        TypeCode.SByte => OnnxElementType.Int8,
        TypeCode.UInt16 => OnnxElementType.UInt16,
        TypeCode.Int16 => OnnxElementType.Int16,
        TypeCode.Int32 => OnnxElementType.Int32,
        TypeCode.Int64 => OnnxElementType.Int64,
        TypeCode.UInt32 => OnnxElementType.UInt32,
        TypeCode.UInt64 => OnnxElementType.UInt64,
        TypeCode.Boolean => OnnxElementType.Bool,
        TypeCode.String => OnnxElementType.String,
        _ when typeof(T) == typeof(Half) => OnnxElementType.Float16,
        _ when typeof(T) == typeof(BFloat16) => OnnxElementType.BFloat16,
        _ => throw new ArgumentException($"{typeof(T).Name} has no ONNX element type.", nameof(T)),
    };

    private static TensorProto NewTensor(string? name, OnnxElementType dataType, ReadOnlySpan<long> shape, int valueCount)
    {
        long expected = 1;
        foreach (long dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            expected = checked(expected * dim);
        }

        if (expected != valueCount)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] holds {expected} elements but {valueCount} values were given.", nameof(shape));
        }

        var tensor = new TensorProto { Name = name, DataType = dataType };
        tensor.Dims.AddRange(shape);
        return tensor;
    }

    private static int ElementCount(TensorProto tensor, long[] shape)
    {
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                throw Mismatch(tensor, "dims", $"has a negative dimension {dim}");
            }

            count *= dim;
            if (count > Array.MaxLength)
            {
                throw Mismatch(tensor, "dims", "describe more elements than an array can hold");
            }
        }

        return (int)count;
    }

    // Types whose typed field has the same width as the element: raw_data or the list, copied as is.
    private static T[] Wide<T>(TensorProto tensor, int count, List<T> typed, string field)
        where T : unmanaged
    {
        var values = new T[count];
        if (tensor.RawData is byte[] raw)
        {
            CheckLength(tensor, "raw_data", raw.Length, (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            LittleEndian.Copy(raw, values.AsSpan());
        }
        else
        {
            CheckLength(tensor, field, typed.Count, count);
            CollectionsMarshal.AsSpan(typed).CopyTo(values);
        }

        return values;
    }

    // Types carried in a wider typed field (int32_data or uint64_data) and narrowed element by element.
    private static T[] Narrow<T, TWide>(TensorProto tensor, int count, List<TWide> typed, string field, Func<TWide, T> narrow)
        where T : unmanaged
    {
        var values = new T[count];
        if (tensor.RawData is byte[] raw)
        {
            CheckLength(tensor, "raw_data", raw.Length, (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            LittleEndian.Copy(raw, values.AsSpan());
            return values;
        }

        CheckLength(tensor, field, typed.Count, count);
        ReadOnlySpan<TWide> source = CollectionsMarshal.AsSpan(typed);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = narrow(source[i]);
        }

        return values;
    }

    private static bool[] Booleans(TensorProto tensor, int count)
    {
        var values = new bool[count];
        if (tensor.RawData is byte[] raw)
        {
            CheckLength(tensor, "raw_data", raw.Length, count);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = raw[i] != 0;
            }
        }
        else
        {
            CheckLength(tensor, "int32_data", tensor.Int32Data.Count, count);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tensor.Int32Data[i] != 0;
            }
        }

        return values;
    }

    private static string[] Strings(TensorProto tensor, int count)
    {
        CheckLength(tensor, "string_data", tensor.StringData.Count, count);
        var values = new string[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Encoding.UTF8.GetString(tensor.StringData[i]);
        }

        return values;
    }

    // Sub-byte types are packed low bits first, in raw_data or (one packed byte per entry) in int32_data.
    private static T[] Unpack<T>(TensorProto tensor, int count, int bits, bool signed)
        where T : unmanaged
    {
        int perByte = 8 / bits;
        int packedCount = (count + perByte - 1) / perByte;
        byte[] packed;
        if (tensor.RawData is byte[] raw)
        {
            CheckLength(tensor, "raw_data", raw.Length, packedCount);
            packed = raw;
        }
        else
        {
            CheckLength(tensor, "int32_data", tensor.Int32Data.Count, packedCount);
            packed = new byte[packedCount];
            for (int i = 0; i < packed.Length; i++)
            {
                packed[i] = (byte)tensor.Int32Data[i];
            }
        }

        var values = new T[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        int mask = (1 << bits) - 1;
        int signBit = 1 << (bits - 1);
        for (int i = 0; i < count; i++)
        {
            int value = (packed[i / perByte] >> (i % perByte * bits)) & mask;
            if (signed && (value & signBit) != 0)
            {
                value -= 1 << bits;
            }

            bytes[i] = unchecked((byte)value);
        }

        return values;
    }

    private static void CheckLength(TensorProto tensor, string field, long actual, long expected)
    {
        if (actual != expected)
        {
            throw Mismatch(tensor, field, $"holds {actual} entries where dims [{string.Join(", ", tensor.Dims)}] of {tensor.DataType} need {expected}");
        }
    }

    private static OnnxFormatException Mismatch(TensorProto tensor, string field, string problem) =>
        new($"TensorProto '{tensor.Name}'.{field}", -1, problem);
}
