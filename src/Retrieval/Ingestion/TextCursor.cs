namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Reads a <see cref="TextReader"/> one character at a time through a fixed 64 KiB buffer, so a loader's memory does
/// not grow with the file. <see cref="Peek"/> returns -1 at the end.
/// </summary>
internal sealed class TextCursor(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 15];
    private int _position;
    private int _length;
    private bool _ended;

    /// <summary>The next character, or -1 at the end of the text.</summary>
    public int Peek()
    {
        if (_position < _length)
        {
            return _buffer[_position];
        }

        if (_ended)
        {
            return -1;
        }

        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        _ended = _length == 0;
        return _ended ? -1 : _buffer[0];
    }

    /// <summary>Moves past the character <see cref="Peek"/> returned.</summary>
    public void Advance() => _position++;

    /// <summary>
    /// Reads up to the next LF (a CR before it is dropped) into <paramref name="line"/>, keeping at most
    /// <paramref name="maxChars"/> characters; the rest of a longer line is skipped. Returns false at the end of the text.
    /// </summary>
    /// <param name="line">Cleared, then filled with the line.</param>
    /// <param name="maxChars">Longest line kept.</param>
    /// <param name="tooLong">True when the line was longer than <paramref name="maxChars"/> (then <paramref name="line"/> is partial).</param>
    public bool TryReadLine(System.Text.StringBuilder line, int maxChars, out bool tooLong)
    {
        line.Clear();
        tooLong = false;
        if (Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            if (_position == _length && Peek() < 0)
            {
                break;
            }

            int newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            int end = newline < 0 ? _length : newline;
            int room = maxChars - line.Length;
            if (end - _position > room)
            {
                tooLong = true;
            }

            line.Append(_buffer, _position, Math.Max(0, Math.Min(end - _position, room)));
            _position = end;
            if (newline >= 0)
            {
                _position++;
                break;
            }
        }

        if (!tooLong && line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        return true;
    }
}
