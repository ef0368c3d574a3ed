using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HybridAI.Governance.Audit;

/// <summary>
/// Computes a row's chain hash: SHA-256(previous hash || canonical row). The canonical row is every stored column,
/// each as a 4-byte length (-1 for null) and its UTF-8 bytes, so no two different rows encode the same.
/// Format 1 rows (written before model, actor and token columns existed) hash the first thirteen columns only, so
/// old files still verify; format 2 rows append the format number and the newer columns.
/// One instance per thread: it reuses its buffer.
/// </summary>
internal sealed class AuditRowHasher
{
    public const int HashSize = 32;

    /// <summary>Number of text columns; their UTF-8 bytes stay in the buffer after <see cref="Compute"/> so they can be bound without re-encoding.</summary>
    public const int TextCount = 15;

    private readonly (int Start, int Length)[] _texts = new (int, int)[TextCount];
    private byte[] _buffer = new byte[1024];
    private int _length;
    private int _textCount;

    /// <summary>The UTF-8 bytes of the <paramref name="index"/>-th text column of the last row hashed; null text has a negative length.</summary>
    public bool TryGetText(int index, out ReadOnlySpan<byte> utf8)
    {
        var (start, length) = _texts[index];
        utf8 = length < 0 ? default : _buffer.AsSpan(start, length);
        return length >= 0;
    }

    public void Compute(ReadOnlySpan<byte> previous, in AuditRow row, Span<byte> hash)
    {
        _length = 0;
        _textCount = 0;
        Ensure(HashSize);
        previous.CopyTo(_buffer);
        _length = HashSize;
        AddInt64(row.Id);
        AddInt64(row.TimestampUtcTicks);
        AddString(row.RunId);
        AddString(row.Workflow);
        AddString(row.Version);
        AddString(row.Step);
        AddInt64(row.StepIndex);
        AddString(row.Kind);
        AddString(row.EventType);
        AddString(row.Outcome);
        AddString(row.ErrorType);
        AddString(row.ErrorMessage);
        AddInt64(row.DurationTicks);
        if (row.Format >= 2)
        {
            AddInt64(row.Format);
            AddString(row.Actor);
            AddString(row.ActorRole);
            AddString(row.Model);
            AddString(row.Prompt);
            AddString(row.Output);
            AddString(row.ContextIds);
            AddNullableInt64(row.InputTokens);
            AddNullableInt64(row.OutputTokens);
        }
        else
        {
            for (var i = _textCount; i < TextCount; i++)
                _texts[i] = (0, -1);
        }
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
    }

    private void AddNullableInt64(long? value)
    {
        Ensure(9);
        _buffer[_length++] = value.HasValue ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value.GetValueOrDefault());
        _length += 8;
    }

    private void AddInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void AddString(string? value)
    {
        Ensure(4);
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), -1);
            _length += 4;
            _texts[_textCount++] = (0, -1);
            return;
        }
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), written);
        _texts[_textCount++] = (_length + 4, written);
        _length += 4 + written;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
