using System.Buffers.Binary;
using System.Text;

namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// Writes protobuf wire format into a growable buffer. Nested messages are written in place and their length
/// prefix is inserted afterwards, so no message is serialized twice.
/// </summary>
/// <example>
/// <code>
/// var writer = new ProtoWriter();
/// writer.WriteInt64(1, 7);
/// writer.WriteString(2, "name");
/// byte[] bytes = writer.ToArray();
/// </code>
/// </example>
public sealed class ProtoWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with room for <paramref name="capacity"/> bytes before it grows.</summary>
    public ProtoWriter(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _buffer = new byte[Math.Max(capacity, 16)];
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>How many bytes have been written.</summary>
    public int Length => _length;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Writes a field tag.</summary>
    public void WriteTag(int fieldNumber, ProtoWireType wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldNumber, 1);
        WriteVarint(((ulong)(uint)fieldNumber << 3) | (uint)wireType);
    }

    /// <summary>Writes a bare varint.</summary>
    public void WriteVarint(ulong value)
    {
        Span<byte> span = Reserve(10);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _length += n;
    }

    /// <summary>Writes an int64 field (always, even when zero).</summary>
    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, ProtoWireType.Varint);
        WriteVarint((ulong)value);
    }

    /// <summary>Writes a uint64 field (always, even when zero).</summary>
    public void WriteUInt64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, ProtoWireType.Varint);
        WriteVarint(value);
    }

    /// <summary>Writes an int32 or enum field; negative values are sign-extended to ten bytes as protobuf requires.</summary>
    public void WriteInt32(int fieldNumber, int value) => WriteInt64(fieldNumber, value);

    /// <summary>Writes a float field.</summary>
    public void WriteFloat(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, ProtoWireType.Fixed32);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), BitConverter.SingleToUInt32Bits(value));
        _length += 4;
    }

    /// <summary>Writes a double field.</summary>
    public void WriteDouble(int fieldNumber, double value)
    {
        WriteTag(fieldNumber, ProtoWireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), BitConverter.DoubleToUInt64Bits(value));
        _length += 8;
    }

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    public void WriteString(int fieldNumber, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteTag(fieldNumber, ProtoWireType.LengthDelimited);
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount);
        _length += Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>Writes a string field only when it is not null.</summary>
    public void WriteOptionalString(int fieldNumber, string? value)
    {
        if (value is not null)
        {
            WriteString(fieldNumber, value);
        }
    }

    /// <summary>Writes a packed run of int64 values (nothing when empty).</summary>
    public void WritePackedInt64(int fieldNumber, ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        int start = BeginLengthDelimited(fieldNumber);
        foreach (long value in values)
        {
            WriteVarint((ulong)value);
        }

        EndLengthDelimited(start);
    }

    /// <summary>Writes a packed run of uint64 values (nothing when empty).</summary>
    public void WritePackedUInt64(int fieldNumber, ReadOnlySpan<ulong> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        int start = BeginLengthDelimited(fieldNumber);
        foreach (ulong value in values)
        {
            WriteVarint(value);
        }

        EndLengthDelimited(start);
    }

    /// <summary>Writes a packed run of int32 values (nothing when empty).</summary>
    public void WritePackedInt32(int fieldNumber, ReadOnlySpan<int> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        int start = BeginLengthDelimited(fieldNumber);
        foreach (int value in values)
        {
            WriteVarint((ulong)(long)value);
        }

        EndLengthDelimited(start);
    }

    /// <summary>Writes a packed run of float values (nothing when empty).</summary>
    public void WritePackedFloat(int fieldNumber, ReadOnlySpan<float> values) => WritePackedFixed(fieldNumber, values, 4);

    /// <summary>Writes a packed run of double values (nothing when empty).</summary>
    public void WritePackedDouble(int fieldNumber, ReadOnlySpan<double> values) => WritePackedFixed(fieldNumber, values, 8);

    /// <summary>Writes a nested message field.</summary>
    internal void WriteMessage<T>(int fieldNumber, T message)
        where T : IProtoMessage<T>
    {
        int start = BeginLengthDelimited(fieldNumber);
        message.WriteTo(this);
        EndLengthDelimited(start);
    }

    /// <summary>Writes each message of a repeated message field.</summary>
    internal void WriteMessages<T>(int fieldNumber, List<T> messages)
        where T : IProtoMessage<T>
    {
        foreach (T message in messages)
        {
            WriteMessage(fieldNumber, message);
        }
    }

    /// <summary>Writes each string of a repeated string field.</summary>
    internal void WriteStrings(int fieldNumber, List<string> values)
    {
        foreach (string value in values)
        {
            WriteString(fieldNumber, value);
        }
    }

    private void WritePackedFixed<T>(int fieldNumber, ReadOnlySpan<T> values, int width)
        where T : unmanaged
    {
        if (values.IsEmpty)
        {
            return;
        }

        int byteCount = values.Length * width;
        WriteTag(fieldNumber, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)byteCount);
        LittleEndian.Copy(values, Reserve(byteCount));
        _length += byteCount;
    }

    private int BeginLengthDelimited(int fieldNumber)
    {
        WriteTag(fieldNumber, ProtoWireType.LengthDelimited);
        return _length;
    }

    // The body is already written after the tag; its length varint is inserted in front of it by moving the body.
    private void EndLengthDelimited(int bodyStart)
    {
        int bodyLength = _length - bodyStart;
        int prefix = VarintSize((ulong)bodyLength);
        Reserve(prefix);
        Buffer.BlockCopy(_buffer, bodyStart, _buffer, bodyStart + prefix, bodyLength);
        ulong value = (ulong)bodyLength;
        int at = bodyStart;
        while (value >= 0x80)
        {
            _buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[at] = (byte)value;
        _length += prefix;
    }

    private static int VarintSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            long wanted = Math.Max((long)_buffer.Length * 2, (long)_length + count);
            if (wanted > Array.MaxLength)
            {
                wanted = (long)_length + count;
            }

            Array.Resize(ref _buffer, (int)wanted);
        }

        return _buffer.AsSpan(_length, count);
    }
}
