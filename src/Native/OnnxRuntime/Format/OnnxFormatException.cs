namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// Bytes that are not a well-formed ONNX protobuf message (truncated varint, a length past the end of the buffer,
/// a wire type the field cannot have) or a tensor whose data does not match its declared shape.
/// </summary>
/// <remarks>
/// The message names the field path (e.g. <c>ModelProto.graph.node[3].attribute[0].t.raw_data</c>) and the byte
/// offset from the start of the outermost buffer; it never includes the payload bytes themselves.
/// </remarks>
public sealed class OnnxFormatException : Exception
{
    /// <summary>Creates the exception for a problem found at <paramref name="offset"/> in <paramref name="fieldPath"/>.</summary>
    public OnnxFormatException(string fieldPath, long offset, string problem)
        : this(fieldPath, offset, problem, 0)
    {
    }

    private OnnxFormatException(string fieldPath, long offset, string problem, int pendingField)
        : base(Describe(fieldPath, offset, problem))
    {
        FieldPath = fieldPath;
        Offset = offset;
        Problem = problem;
        PendingField = pendingField;
    }

    /// <summary>Creates an exception without a location.</summary>
    public OnnxFormatException()
        : this("?", -1, "malformed ONNX data")
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public OnnxFormatException(string message)
        : this("?", -1, message)
    {
    }

    /// <summary>Creates an exception with a plain message and its cause.</summary>
    public OnnxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FieldPath = "?";
        Offset = -1;
        Problem = message;
    }

    /// <summary>Where the problem is, outermost message first; <c>#N</c> stands for an unnamed field number N.</summary>
    public string FieldPath { get; }

    /// <summary>Byte offset from the start of the outermost buffer, or -1 when the problem is not at one place.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    // The wire reader knows a field's number but not its name; the message that owns the field names it when the
    // exception passes through (see Within).
    internal int PendingField { get; }

    internal static OnnxFormatException AtField(int fieldNumber, long offset, string problem) =>
        new(fieldNumber == 0 ? string.Empty : "#" + fieldNumber, offset, problem, fieldNumber);

    /// <summary>Prefixes the path with the enclosing message's field (and index), naming a pending field number.</summary>
    internal OnnxFormatException Within(string field, int index, Func<int, string?> nameOf)
    {
        string inner = FieldPath;
        if (PendingField != 0)
        {
            inner = nameOf(PendingField) ?? inner;
        }

        string here = index >= 0 ? field + "[" + index + "]" : field;
        string path = inner.Length == 0 ? here : here + "." + inner;
        return new OnnxFormatException(path, Offset, Problem, 0);
    }

    private static string Describe(string fieldPath, long offset, string problem) =>
        offset >= 0
            ? $"Malformed ONNX protobuf in {fieldPath} at byte offset {offset}: {problem}"
            : $"Invalid ONNX data in {fieldPath}: {problem}";
}
