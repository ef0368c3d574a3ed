namespace HybridAI.Native.OnnxRuntime.Format;

// The member names mirror the ONNX specification's enum, which names element types after the C types they hold.
#pragma warning disable CA1720

/// <summary>Which value an <see cref="AttributeProto"/> carries (<c>AttributeProto.AttributeType</c>).</summary>
public enum OnnxAttributeType
{
    /// <summary>Not set.</summary>
    Undefined = 0,

    /// <summary>One float (<see cref="AttributeProto.F"/>).</summary>
    Float = 1,

    /// <summary>One integer (<see cref="AttributeProto.I"/>).</summary>
    Int = 2,

    /// <summary>One byte string (<see cref="AttributeProto.S"/>).</summary>
    String = 3,

    /// <summary>One tensor (<see cref="AttributeProto.T"/>).</summary>
    Tensor = 4,

    /// <summary>One graph (<see cref="AttributeProto.G"/>).</summary>
    Graph = 5,

    /// <summary>A list of floats.</summary>
    Floats = 6,

    /// <summary>A list of integers.</summary>
    Ints = 7,

    /// <summary>A list of byte strings.</summary>
    Strings = 8,

    /// <summary>A list of tensors.</summary>
    Tensors = 9,

    /// <summary>A list of graphs.</summary>
    Graphs = 10,

    /// <summary>One sparse tensor (skipped when read).</summary>
    SparseTensor = 11,

    /// <summary>A list of sparse tensors (skipped when read).</summary>
    SparseTensors = 12,
}
#pragma warning restore CA1720
