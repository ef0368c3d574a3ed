namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>What an ONNX value is (<c>SequenceProto.DataType</c> / <c>OptionalProto.DataType</c> numbers).</summary>
public enum ProtoValueKind
{
    /// <summary>Not set (an empty sequence or an optional without a value may leave it so).</summary>
    Undefined = 0,

    /// <summary>A dense tensor (<see cref="TensorProto"/>).</summary>
    Tensor = 1,

    /// <summary>A sparse tensor (its values are skipped when read).</summary>
    SparseTensor = 2,

    /// <summary>A sequence (<see cref="SequenceProto"/>).</summary>
    Sequence = 3,

    /// <summary>A map (<see cref="MapProto"/>).</summary>
    Map = 4,

    /// <summary>An optional (<see cref="OptionalProto"/>).</summary>
    Optional = 5,
}
