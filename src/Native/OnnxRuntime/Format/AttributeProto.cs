using System.Text;

namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// A named node attribute (<c>AttributeProto</c>) holding one value kind, named by <see cref="Type"/>. The static
/// factories set the type and the value together.
/// </summary>
/// <example>
/// <code>
/// AttributeProto axis = AttributeProto.FromInt("axis", 1);
/// AttributeProto labels = AttributeProto.FromStrings("classlabels_strings", "spam", "ham");
/// </code>
/// </example>
/// <remarks>Sparse tensor values (fields 22 and 23) are skipped when read.</remarks>
public sealed class AttributeProto : IProtoMessage<AttributeProto>
{
    /// <summary>Field 1.</summary>
    public string? Name { get; set; }

    /// <summary>Field 21: in a function body, the name of the caller's attribute this one refers to.</summary>
    public string? RefAttrName { get; set; }

    /// <summary>Field 13.</summary>
    public string? DocString { get; set; }

    /// <summary>Field 20: which value field is used.</summary>
    public OnnxAttributeType Type { get; set; }

    /// <summary>Field 2.</summary>
    public float F { get; set; }

    /// <summary>Field 3.</summary>
    public long I { get; set; }

    /// <summary>Field 4: bytes, usually UTF-8 text.</summary>
    public byte[]? S { get; set; }

    /// <summary>Field 5.</summary>
    public TensorProto? T { get; set; }

    /// <summary>Field 6: a subgraph (If, Loop, Scan bodies).</summary>
    public GraphProto? G { get; set; }

    /// <summary>Field 7.</summary>
    public List<float> Floats { get; } = [];

    /// <summary>Field 8.</summary>
    public List<long> Ints { get; } = [];

    /// <summary>Field 9: byte strings, usually UTF-8 text.</summary>
    public List<byte[]> StringValues { get; } = [];

    /// <summary>Field 10.</summary>
    public List<TensorProto> Tensors { get; } = [];

    /// <summary>Field 11.</summary>
    public List<GraphProto> Graphs { get; } = [];

    static string IProtoMessage<AttributeProto>.MessageName => "AttributeProto";

    /// <summary>A FLOAT attribute.</summary>
    public static AttributeProto FromFloat(string name, float value) => new() { Name = name, Type = OnnxAttributeType.Float, F = value };

    /// <summary>An INT attribute.</summary>
    public static AttributeProto FromInt(string name, long value) => new() { Name = name, Type = OnnxAttributeType.Int, I = value };

    /// <summary>A STRING attribute, stored as UTF-8.</summary>
    public static AttributeProto FromString(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new() { Name = name, Type = OnnxAttributeType.String, S = Encoding.UTF8.GetBytes(value) };
    }

    /// <summary>A TENSOR attribute.</summary>
    public static AttributeProto FromTensor(string name, TensorProto value) => new() { Name = name, Type = OnnxAttributeType.Tensor, T = value };

    /// <summary>A GRAPH attribute.</summary>
    public static AttributeProto FromGraph(string name, GraphProto value) => new() { Name = name, Type = OnnxAttributeType.Graph, G = value };

    /// <summary>A FLOATS attribute.</summary>
    public static AttributeProto FromFloats(string name, params ReadOnlySpan<float> values)
    {
        var attribute = new AttributeProto { Name = name, Type = OnnxAttributeType.Floats };
        attribute.Floats.AddRange(values);
        return attribute;
    }

    /// <summary>An INTS attribute.</summary>
    public static AttributeProto FromInts(string name, params ReadOnlySpan<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = OnnxAttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A STRINGS attribute, each stored as UTF-8.</summary>
    public static AttributeProto FromStrings(string name, params ReadOnlySpan<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = OnnxAttributeType.Strings };
        foreach (string value in values)
        {
            attribute.StringValues.Add(Encoding.UTF8.GetBytes(value));
        }

        return attribute;
    }

    /// <summary>A TENSORS attribute.</summary>
    public static AttributeProto FromTensors(string name, params ReadOnlySpan<TensorProto> values)
    {
        var attribute = new AttributeProto { Name = name, Type = OnnxAttributeType.Tensors };
        attribute.Tensors.AddRange(values);
        return attribute;
    }

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static AttributeProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<AttributeProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <summary><see cref="S"/> decoded as UTF-8, or null.</summary>
    public string? StringValue => S is null ? null : Encoding.UTF8.GetString(S);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Name);

        // proto2 keeps presence: the value named by the type is written even when it is zero.
        if (F != 0 || Type == OnnxAttributeType.Float)
        {
            writer.WriteFloat(2, F);
        }

        if (I != 0 || Type == OnnxAttributeType.Int)
        {
            writer.WriteInt64(3, I);
        }

        if (S is not null)
        {
            writer.WriteBytes(4, S);
        }

        if (T is not null)
        {
            writer.WriteMessage(5, T);
        }

        if (G is not null)
        {
            writer.WriteMessage(6, G);
        }

        // ONNX declares these lists unpacked; the official writers emit one tag per element, so do we.
        foreach (float value in Floats)
        {
            writer.WriteFloat(7, value);
        }

        foreach (long value in Ints)
        {
            writer.WriteInt64(8, value);
        }

        foreach (byte[] value in StringValues)
        {
            writer.WriteBytes(9, value);
        }

        writer.WriteMessages(10, Tensors);
        writer.WriteMessages(11, Graphs);
        writer.WriteOptionalString(13, DocString);
        if (Type != OnnxAttributeType.Undefined)
        {
            writer.WriteInt32(20, (int)Type);
        }

        writer.WriteOptionalString(21, RefAttrName);
    }

    static string? IProtoMessage<AttributeProto>.FieldName(int number) => number switch
    {
        1 => "name",
        2 => "f",
        3 => "i",
        4 => "s",
        5 => "t",
        6 => "g",
        7 => "floats",
        8 => "ints",
        9 => "strings",
        10 => "tensors",
        11 => "graphs",
        13 => "doc_string",
        20 => "type",
        21 => "ref_attr_name",
        22 => "sparse_tensor",
        23 => "sparse_tensors",
        _ => null,
    };

    static AttributeProto IProtoMessage<AttributeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new AttributeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Name = reader.ReadString(); break;
                case 2: message.F = reader.ReadFloat(); break;
                case 3: message.I = reader.ReadInt64(); break;
                case 4: message.S = reader.ReadBytes().ToArray(); break;
                case 5: message.T = reader.ReadMessage<TensorProto>("t"); break;
                case 6: message.G = reader.ReadMessage<GraphProto>("g"); break;
                case 7: reader.ReadRepeatedFloat(message.Floats); break;
                case 8: reader.ReadRepeatedInt64(message.Ints); break;
                case 9: message.StringValues.Add(reader.ReadBytes().ToArray()); break;
                case 10: message.Tensors.Add(reader.ReadMessage<TensorProto>("tensors", message.Tensors.Count)); break;
                case 11: message.Graphs.Add(reader.ReadMessage<GraphProto>("graphs", message.Graphs.Count)); break;
                case 13: message.DocString = reader.ReadString(); break;
                case 20: message.Type = (OnnxAttributeType)reader.ReadInt32(); break;
                case 21: message.RefAttrName = reader.ReadString(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
