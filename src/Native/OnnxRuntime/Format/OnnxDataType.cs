namespace HybridAI.Native.OnnxRuntime.Format;

// The member names mirror the ONNX specification's enum, which names element types after the C types they hold.
#pragma warning disable CA1720

/// <summary>ONNX tensor element types (<c>TensorProto.DataType</c>, same numbers as in onnx.proto).</summary>
public enum OnnxDataType
{
    /// <summary>Not set.</summary>
    Undefined = 0,

    /// <summary>32-bit IEEE float.</summary>
    Float = 1,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,

    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,

    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,

    /// <summary>UTF-8 string.</summary>
    String = 8,

    /// <summary>Boolean, one byte per element in raw_data.</summary>
    Bool = 9,

    /// <summary>IEEE 754 half precision (<see cref="Half"/>).</summary>
    Float16 = 10,

    /// <summary>64-bit IEEE float.</summary>
    Double = 11,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,

    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,

    /// <summary>Complex of two floats (not decoded).</summary>
    Complex64 = 14,

    /// <summary>Complex of two doubles (not decoded).</summary>
    Complex128 = 15,

    /// <summary>Brain float: the upper 16 bits of a float (<see cref="BFloat16"/>).</summary>
    BFloat16 = 16,

    /// <summary>8-bit float E4M3, finite only (decoded as raw bytes).</summary>
    Float8E4M3FN = 17,

    /// <summary>8-bit float E4M3, no negative zero (decoded as raw bytes).</summary>
    Float8E4M3FNUZ = 18,

    /// <summary>8-bit float E5M2 (decoded as raw bytes).</summary>
    Float8E5M2 = 19,

    /// <summary>8-bit float E5M2, no negative zero (decoded as raw bytes).</summary>
    Float8E5M2FNUZ = 20,

    /// <summary>Unsigned 4-bit integer, two per byte (decoded one per <see cref="byte"/>).</summary>
    UInt4 = 21,

    /// <summary>Signed 4-bit integer, two per byte (decoded one per <see cref="sbyte"/>).</summary>
    Int4 = 22,

    /// <summary>4-bit float E2M1, two per byte (decoded as one raw nibble per byte).</summary>
    Float4E2M1 = 23,

    /// <summary>8-bit exponent-only scale for MX formats (decoded as raw bytes).</summary>
    Float8E8M0 = 24,

    /// <summary>Unsigned 2-bit integer, four per byte (decoded one per <see cref="byte"/>).</summary>
    UInt2 = 25,

    /// <summary>Signed 2-bit integer, four per byte (decoded one per <see cref="sbyte"/>).</summary>
    Int2 = 26,
}
#pragma warning restore CA1720
