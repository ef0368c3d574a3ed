namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// One value of any ONNX kind as stored in a <c>.pb</c> file: a tensor, sequence, map or optional. Which message the
/// bytes hold is not in the bytes; it comes from the declared <see cref="TypeProto"/> (see <see cref="Read"/>).
/// </summary>
public sealed class ProtoValue
{
    private ProtoValue(ProtoValueKind kind, TensorProto? tensor, SequenceProto? sequence, MapProto? map, OptionalProto? optional)
    {
        Kind = kind;
        Tensor = tensor;
        Sequence = sequence;
        Map = map;
        Optional = optional;
    }

    /// <summary>Which of the value properties is set.</summary>
    public ProtoValueKind Kind { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ProtoValueKind.Tensor"/>.</summary>
    public TensorProto? Tensor { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ProtoValueKind.Sequence"/>.</summary>
    public SequenceProto? Sequence { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ProtoValueKind.Map"/>.</summary>
    public MapProto? Map { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ProtoValueKind.Optional"/>.</summary>
    public OptionalProto? Optional { get; }

    /// <summary>Wraps a tensor.</summary>
    public static ProtoValue FromTensor(TensorProto tensor) => new(ProtoValueKind.Tensor, tensor ?? throw new ArgumentNullException(nameof(tensor)), null, null, null);

    /// <summary>Wraps a sequence.</summary>
    public static ProtoValue FromSequence(SequenceProto sequence) => new(ProtoValueKind.Sequence, null, sequence ?? throw new ArgumentNullException(nameof(sequence)), null, null);

    /// <summary>Wraps a map.</summary>
    public static ProtoValue FromMap(MapProto map) => new(ProtoValueKind.Map, null, null, map ?? throw new ArgumentNullException(nameof(map)), null);

    /// <summary>Wraps an optional.</summary>
    public static ProtoValue FromOptional(OptionalProto optional) => new(ProtoValueKind.Optional, null, null, null, optional ?? throw new ArgumentNullException(nameof(optional)));

    /// <summary>Parses <paramref name="bytes"/> as the message <paramref name="declared"/> calls for.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    /// <exception cref="NotSupportedException">A sparse tensor or an undefined type.</exception>
    public static ProtoValue Read(ReadOnlySpan<byte> bytes, TypeProto declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return declared.Kind switch
        {
            ProtoValueKind.Tensor => FromTensor(TensorProto.Read(bytes)),
            ProtoValueKind.Sequence => FromSequence(SequenceProto.Read(bytes)),
            ProtoValueKind.Map => FromMap(MapProto.Read(bytes)),
            ProtoValueKind.Optional => FromOptional(OptionalProto.Read(bytes)),
            _ => throw new NotSupportedException($"Values of type {declared} are not supported."),
        };
    }

    /// <summary>The tensor decoded to a typed array.</summary>
    /// <exception cref="InvalidOperationException">This value is not a tensor.</exception>
    public ProtoTensor DecodeTensor() =>
        OnnxTensorData.Decode(Tensor ?? throw new InvalidOperationException($"This value is a {Kind}, not a tensor."));

    /// <summary>Serializes the wrapped message.</summary>
    public byte[] ToByteArray() => Kind switch
    {
        ProtoValueKind.Tensor => Tensor!.ToByteArray(),
        ProtoValueKind.Sequence => Sequence!.ToByteArray(),
        ProtoValueKind.Map => Map!.ToByteArray(),
        _ => Optional!.ToByteArray(),
    };
}
