namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// One value of any ONNX kind as stored in a <c>.pb</c> file: a tensor, sequence, map or optional. Which message the
/// bytes hold is not in the bytes; it comes from the declared <see cref="TypeProto"/> (see <see cref="Read"/>).
/// </summary>
public sealed class OnnxValue
{
    private OnnxValue(OnnxValueKind kind, TensorProto? tensor, SequenceProto? sequence, MapProto? map, OptionalProto? optional)
    {
        Kind = kind;
        Tensor = tensor;
        Sequence = sequence;
        Map = map;
        Optional = optional;
    }

    /// <summary>Which of the value properties is set.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="OnnxValueKind.Tensor"/>.</summary>
    public TensorProto? Tensor { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="OnnxValueKind.Sequence"/>.</summary>
    public SequenceProto? Sequence { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="OnnxValueKind.Map"/>.</summary>
    public MapProto? Map { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="OnnxValueKind.Optional"/>.</summary>
    public OptionalProto? Optional { get; }

    /// <summary>Wraps a tensor.</summary>
    public static OnnxValue FromTensor(TensorProto tensor) => new(OnnxValueKind.Tensor, tensor ?? throw new ArgumentNullException(nameof(tensor)), null, null, null);

    /// <summary>Wraps a sequence.</summary>
    public static OnnxValue FromSequence(SequenceProto sequence) => new(OnnxValueKind.Sequence, null, sequence ?? throw new ArgumentNullException(nameof(sequence)), null, null);

    /// <summary>Wraps a map.</summary>
    public static OnnxValue FromMap(MapProto map) => new(OnnxValueKind.Map, null, null, map ?? throw new ArgumentNullException(nameof(map)), null);

    /// <summary>Wraps an optional.</summary>
    public static OnnxValue FromOptional(OptionalProto optional) => new(OnnxValueKind.Optional, null, null, null, optional ?? throw new ArgumentNullException(nameof(optional)));

    /// <summary>Parses <paramref name="bytes"/> as the message <paramref name="declared"/> calls for.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    /// <exception cref="NotSupportedException">A sparse tensor or an undefined type.</exception>
    public static OnnxValue Read(ReadOnlySpan<byte> bytes, TypeProto declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return declared.Kind switch
        {
            OnnxValueKind.Tensor => FromTensor(TensorProto.Read(bytes)),
            OnnxValueKind.Sequence => FromSequence(SequenceProto.Read(bytes)),
            OnnxValueKind.Map => FromMap(MapProto.Read(bytes)),
            OnnxValueKind.Optional => FromOptional(OptionalProto.Read(bytes)),
            _ => throw new NotSupportedException($"Values of type {declared} are not supported."),
        };
    }

    /// <summary>The tensor decoded to a typed array.</summary>
    /// <exception cref="InvalidOperationException">This value is not a tensor.</exception>
    public OnnxTensor DecodeTensor() =>
        OnnxTensorData.Decode(Tensor ?? throw new InvalidOperationException($"This value is a {Kind}, not a tensor."));

    /// <summary>Serializes the wrapped message.</summary>
    public byte[] ToByteArray() => Kind switch
    {
        OnnxValueKind.Tensor => Tensor!.ToByteArray(),
        OnnxValueKind.Sequence => Sequence!.ToByteArray(),
        OnnxValueKind.Map => Map!.ToByteArray(),
        _ => Optional!.ToByteArray(),
    };
}
