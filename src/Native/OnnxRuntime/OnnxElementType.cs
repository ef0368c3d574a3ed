namespace HybridAI.Native.OnnxRuntime;

/// <summary>Tensor element types (<c>ONNXTensorElementDataType</c>, same numbers as ONNX's TensorProto.DataType).</summary>
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
}
#pragma warning restore CA1720
