using System.Text.Json;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Reads JSON tokens from a stream through a fixed buffer, so a 300 MB file is parsed without ever being held in
/// memory. A token never straddles the buffer: when the reader runs dry the unread tail moves to the front and the
/// rest of the buffer is refilled (the buffer doubles only if a single token is larger than it).
/// </summary>
internal ref struct StreamingJsonReader
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _length;
    private bool _final;
    private Utf8JsonReader _reader;
    private long _consumedBefore;

    public StreamingJsonReader(Stream stream, int bufferSize = 1 << 20)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
        _reader = new Utf8JsonReader([], isFinalBlock: false, default);
    }

    public readonly JsonTokenType TokenType => _reader.TokenType;

    /// <summary>Bytes read from the stream before the current token: where a format error is.</summary>
    public readonly long Position => _consumedBefore + _reader.TokenStartIndex;

    public readonly Utf8JsonReader Current => _reader;

    public bool Read()
    {
        while (!_reader.Read())
        {
            if (_final)
            {
                return false;
            }

            Refill();
        }

        return true;
    }

    /// <summary>Skips the value that starts at the current token (its children too).</summary>
    public void SkipValue()
    {
        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            int depth = _reader.CurrentDepth;
            while (Read() && !(_reader.CurrentDepth == depth && _reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
            }
        }
    }

    private void Refill()
    {
        int consumed = (int)_reader.BytesConsumed;
        int leftover = _length - consumed;
        if (consumed == 0 && leftover == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else
        {
            Buffer.BlockCopy(_buffer, consumed, _buffer, 0, leftover);
        }

        _consumedBefore += consumed;
        _length = leftover;
        while (_length < _buffer.Length)
        {
            int read = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                _final = true;
                break;
            }

            _length += read;
        }

        _reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, _reader.CurrentState);
    }
}
