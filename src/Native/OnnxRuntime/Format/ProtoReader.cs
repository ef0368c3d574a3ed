using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// Reads protobuf wire format from a span, field by field, without allocating except for the strings and arrays
/// the caller asks for.
/// </summary>
/// <example>
/// <code>
/// var reader = new ProtoReader(bytes);
/// while (reader.TryReadTag(out int field, out ProtoWireType wire))
/// {
///     if (field == 1) { long dim = reader.ReadInt64(); }
///     else { reader.SkipField(); }
/// }
/// </code>
/// </example>
/// <remarks>
/// Every malformed input (truncated varint, a length past the end, a wire type the field cannot have) throws
/// <see cref="OnnxFormatException"/> with the absolute byte offset, counted from the outermost buffer.
/// </remarks>
public ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly long _baseOffset;
    private int _position;
    private int _field;
    private ProtoWireType _wire;

    /// <summary>Starts reading at the first byte of <paramref name="buffer"/>.</summary>
    public ProtoReader(ReadOnlySpan<byte> buffer)
        : this(buffer, 0)
    {
    }

    private ProtoReader(ReadOnlySpan<byte> buffer, long baseOffset)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
    }

    /// <summary>True once every byte has been read.</summary>
    public readonly bool IsAtEnd => _position >= _buffer.Length;

    /// <summary>Absolute offset of the next byte to read.</summary>
    public readonly long Offset => _baseOffset + _position;

    /// <summary>The field number of the last tag read.</summary>
    public readonly int FieldNumber => _field;

    /// <summary>The wire type of the last tag read.</summary>
    public readonly ProtoWireType WireType => _wire;

    /// <summary>Reads the next field tag; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out ProtoWireType wireType)
    {
        if (_position >= _buffer.Length)
        {
            _field = 0;
            fieldNumber = 0;
            wireType = default;
            return false;
        }

        long start = Offset;
        ulong tag = ReadVarint();
        ulong number = tag >> 3;
        if (number == 0 || number > 536_870_911)
        {
            throw OnnxFormatException.AtField(0, start, $"field number {number} is out of range");
        }

        _field = (int)number;
        _wire = (ProtoWireType)(tag & 7);
        if (_wire is not (ProtoWireType.Varint or ProtoWireType.Fixed64 or ProtoWireType.LengthDelimited or ProtoWireType.Fixed32))
        {
            throw Error(start, $"wire type {(int)_wire} is not supported (groups are not used by ONNX)");
        }

        fieldNumber = _field;
        wireType = _wire;
        return true;
    }

    /// <summary>Reads a base-128 varint of up to ten bytes.</summary>
    public ulong ReadVarint()
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int position = _position;
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if ((uint)position >= (uint)buffer.Length)
            {
                throw Error(_baseOffset + _position, "varint is truncated at the end of the buffer");
            }

            byte b = buffer[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = position;
                return result;
            }
        }

        throw Error(_baseOffset + _position, "varint is longer than ten bytes");
    }

    /// <summary>Reads an int64 or uint64 varint field value as signed.</summary>
    public long ReadInt64()
    {
        Expect(ProtoWireType.Varint);
        return (long)ReadVarint();
    }

    /// <summary>Reads a uint64 varint field value.</summary>
    public ulong ReadUInt64()
    {
        Expect(ProtoWireType.Varint);
        return ReadVarint();
    }

    /// <summary>Reads an int32 (or enum) varint field value; negative values arrive sign-extended to 64 bits.</summary>
    public int ReadInt32()
    {
        Expect(ProtoWireType.Varint);
        return unchecked((int)ReadVarint());
    }

    /// <summary>Reads a float (fixed32) field value.</summary>
    public float ReadFloat()
    {
        Expect(ProtoWireType.Fixed32);
        return BitConverter.UInt32BitsToSingle(ReadRawFixed32());
    }

    /// <summary>Reads a double (fixed64) field value.</summary>
    public double ReadDouble()
    {
        Expect(ProtoWireType.Fixed64);
        return BitConverter.UInt64BitsToDouble(ReadRawFixed64());
    }

    /// <summary>Reads a length-delimited field value; the span points into the reader's buffer.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(ProtoWireType.LengthDelimited);
        return ReadLengthDelimited();
    }

    /// <summary>Reads a UTF-8 string field value.</summary>
    public string ReadString()
    {
        long start = Offset;
        ReadOnlySpan<byte> bytes = ReadBytes();
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error(start, "string is not valid UTF-8");
        }
    }

    /// <summary>Skips the value of the last tag read (an unknown field).</summary>
    public void SkipField()
    {
        switch (_wire)
        {
            case ProtoWireType.Varint:
                ReadVarint();
                break;
            case ProtoWireType.Fixed64:
                Advance(8);
                break;
            case ProtoWireType.Fixed32:
                Advance(4);
                break;
            case ProtoWireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            default:
                throw Error(Offset, $"cannot skip wire type {(int)_wire}");
        }
    }

    /// <summary>Adds one value (unpacked) or a packed run of int64 values to <paramref name="target"/>.</summary>
    public void ReadRepeatedInt64(List<long> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_wire == ProtoWireType.Varint)
        {
            target.Add((long)ReadVarint());
            return;
        }

        ProtoReader packed = ReadPacked();
        while (!packed.IsAtEnd)
        {
            target.Add((long)packed.ReadVarint());
        }
    }

    /// <summary>Adds one value (unpacked) or a packed run of uint64 values to <paramref name="target"/>.</summary>
    public void ReadRepeatedUInt64(List<ulong> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_wire == ProtoWireType.Varint)
        {
            target.Add(ReadVarint());
            return;
        }

        ProtoReader packed = ReadPacked();
        while (!packed.IsAtEnd)
        {
            target.Add(packed.ReadVarint());
        }
    }

    /// <summary>Adds one value (unpacked) or a packed run of int32 values to <paramref name="target"/>.</summary>
    public void ReadRepeatedInt32(List<int> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_wire == ProtoWireType.Varint)
        {
            target.Add(unchecked((int)ReadVarint()));
            return;
        }

        ProtoReader packed = ReadPacked();
        while (!packed.IsAtEnd)
        {
            target.Add(unchecked((int)packed.ReadVarint()));
        }
    }

    /// <summary>Adds one value (unpacked) or a packed run of float values to <paramref name="target"/>.</summary>
    public void ReadRepeatedFloat(List<float> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_wire == ProtoWireType.Fixed32)
        {
            target.Add(BitConverter.UInt32BitsToSingle(ReadRawFixed32()));
            return;
        }

        ReadOnlySpan<byte> bytes = ReadFixedRun(4);
        AddLittleEndian(bytes, target);
    }

    /// <summary>Adds one value (unpacked) or a packed run of double values to <paramref name="target"/>.</summary>
    public void ReadRepeatedDouble(List<double> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_wire == ProtoWireType.Fixed64)
        {
            target.Add(BitConverter.UInt64BitsToDouble(ReadRawFixed64()));
            return;
        }

        ReadOnlySpan<byte> bytes = ReadFixedRun(8);
        AddLittleEndian(bytes, target);
    }

    /// <summary>Reads a nested message field, naming the field (and list index) in any error it raises.</summary>
    internal T ReadMessage<T>(string field, int index = -1)
        where T : IProtoMessage<T>
    {
        Expect(ProtoWireType.LengthDelimited);
        ReadOnlySpan<byte> body = ReadLengthDelimited();
        var nested = new ProtoReader(body, Offset - body.Length);
        try
        {
            return T.ReadFrom(ref nested);
        }
        catch (OnnxFormatException e)
        {
            throw e.Within(field, index, T.FieldName);
        }
    }

    /// <summary>Reads a whole top-level message, naming it in any error it raises.</summary>
    internal static T ReadRoot<T>(ReadOnlySpan<byte> bytes)
        where T : IProtoMessage<T>
    {
        var reader = new ProtoReader(bytes);
        try
        {
            return T.ReadFrom(ref reader);
        }
        catch (OnnxFormatException e)
        {
            throw e.Within(T.MessageName, -1, T.FieldName);
        }
    }

    private static void AddLittleEndian<T>(ReadOnlySpan<byte> bytes, List<T> target)
        where T : unmanaged
    {
        int start = target.Count;
        int count = bytes.Length / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        CollectionsMarshal.SetCount(target, start + count);
        Span<T> destination = CollectionsMarshal.AsSpan(target).Slice(start, count);
        LittleEndian.Copy(bytes, destination);
    }

    private ReadOnlySpan<byte> ReadFixedRun(int width)
    {
        Expect(ProtoWireType.LengthDelimited);
        long start = Offset;
        ReadOnlySpan<byte> bytes = ReadLengthDelimited();
        if (bytes.Length % width != 0)
        {
            throw Error(start, $"packed run of {bytes.Length} bytes is not a multiple of {width}");
        }

        return bytes;
    }

    private ProtoReader ReadPacked()
    {
        Expect(ProtoWireType.LengthDelimited);
        ReadOnlySpan<byte> body = ReadLengthDelimited();
        var packed = new ProtoReader(body, Offset - body.Length);
        packed._field = _field;
        packed._wire = ProtoWireType.Varint;
        return packed;
    }

    private ReadOnlySpan<byte> ReadLengthDelimited()
    {
        long start = Offset;
        ulong length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
        {
            throw Error(start, $"length {length} runs past the end of the buffer ({_buffer.Length - _position} bytes left)");
        }

        ReadOnlySpan<byte> slice = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    private uint ReadRawFixed32()
    {
        int at = _position;
        Advance(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Slice(at, 4));
    }

    private ulong ReadRawFixed64()
    {
        int at = _position;
        Advance(8);
        return BinaryPrimitives.ReadUInt64LittleEndian(_buffer.Slice(at, 8));
    }

    private void Advance(int count)
    {
        if (count > _buffer.Length - _position)
        {
            throw Error(Offset, $"{count}-byte value is truncated ({_buffer.Length - _position} bytes left)");
        }

        _position += count;
    }

    private readonly void Expect(ProtoWireType wire)
    {
        if (_field != 0 && _wire != wire)
        {
            throw Error(Offset, $"wire type {(int)_wire} where {(int)wire} ({wire}) was expected");
        }
    }

    private readonly OnnxFormatException Error(long offset, string problem) =>
        OnnxFormatException.AtField(_field, offset, problem);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
