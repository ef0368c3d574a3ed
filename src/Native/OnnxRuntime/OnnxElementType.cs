namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// Tensor element types: ORT's <c>ONNXTensorElementDataType</c> and ONNX's <c>TensorProto.DataType</c>, which share their
/// numbers, so one enum serves the binding and the protobuf reader/writer.
/// </summary>
// The member names are ONNX's own type names (Float, Int64, String...), which is what users search for.
#pragma warning disable CA1720
public enum OnnxElementType
{
    /// <summary>Not a tensor, or not known.</summary>
    Undefined = 0,

    /// <summary><see cref="float"/>.</summary>
    Float = 1,

    /// <summary><see cref="byte"/>.</summary>
    UInt8 = 2,

    /// <summary><see cref="sbyte"/>.</summary>
    Int8 = 3,

    /// <summary><see cref="ushort"/>.</summary>
    UInt16 = 4,

    /// <summary><see cref="short"/>.</summary>
    Int16 = 5,

    /// <summary><see cref="int"/>.</summary>
    Int32 = 6,

    /// <summary><see cref="long"/>.</summary>
    Int64 = 7,

    /// <summary><see cref="string"/> (UTF-8 inside ORT).</summary>
    String = 8,

    /// <summary><see cref="bool"/> (one byte).</summary>
    Bool = 9,

    /// <summary><see cref="System.Half"/>.</summary>
    Float16 = 10,

    /// <summary><see cref="double"/>.</summary>
    Double = 11,

    /// <summary><see cref="uint"/>.</summary>
    UInt32 = 12,

    /// <summary><see cref="ulong"/>.</summary>
    UInt64 = 13,

    /// <summary>Complex of two floats (no managed mapping here).</summary>
    Complex64 = 14,

    /// <summary>Complex of two doubles (no managed mapping here).</summary>
    Complex128 = 15,

    /// <summary><see cref="OnnxRuntime.BFloat16"/>.</summary>
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
