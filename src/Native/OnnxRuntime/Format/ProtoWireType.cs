namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>The protobuf wire types (the low three bits of a field tag).</summary>
public enum ProtoWireType
{
    /// <summary>Variable-length integer (int32, int64, uint64, bool, enum).</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes (fixed64, double).</summary>
    Fixed64 = 1,

    /// <summary>A varint length, then that many bytes (string, bytes, message, packed repeated).</summary>
    LengthDelimited = 2,

    /// <summary>Deprecated group start; ONNX does not use it.</summary>
    StartGroup = 3,

    /// <summary>Deprecated group end; ONNX does not use it.</summary>
    EndGroup = 4,

    /// <summary>Four little-endian bytes (fixed32, float).</summary>
    Fixed32 = 5,
}
