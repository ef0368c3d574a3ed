using System.Globalization;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// RFC 4180 records: fields split by a delimiter, optionally double-quoted, with "" for a quote inside quotes and
/// line breaks allowed inside quotes. Records end at CRLF, LF or CR. Tracks line numbers for error reports. Reads
/// through a <see cref="TextCursor"/>, so memory holds one record, and a field longer than a limit (an unclosed quote
/// in a large file would otherwise swallow the rest of it) is an error rather than unbounded growth.
/// </summary>
internal sealed class CsvRecordReader(TextCursor text, char delimiter, int maxFieldChars)
{
    private readonly System.Text.StringBuilder _field = new();
    private int _line = 1;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. Returns false at the end of the text. Blank lines are
    /// skipped. On a malformed record, <paramref name="error"/> says why and reading resumes on the next line.
    /// </summary>
    public bool TryRead(List<string> fields, out int startLine, out string? error)
    {
        fields.Clear();
        error = null;
        while (text.Peek() is '\r' or '\n')
        {
            SkipLineBreak();
        }

        startLine = _line;
        if (text.Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            error = text.Peek() == '"' ? ReadQuoted() : ReadUnquoted();
            if (error is not null)
            {
                SkipRestOfLine();
                return true;
            }

            fields.Add(_field.ToString());
            int c = text.Peek();
            if (c < 0)
            {
                return true;
            }

            if (c == delimiter)
            {
                text.Advance();
                continue;
            }

            SkipLineBreak();
            return true;
        }
    }

    private string? ReadUnquoted()
    {
        _field.Clear();
        for (int c = text.Peek(); c >= 0 && c != delimiter && c is not '\r' and not '\n'; c = text.Peek())
        {
            if (_field.Length == maxFieldChars)
            {
                return string.Create(CultureInfo.InvariantCulture, $"a field is longer than {maxFieldChars} characters");
            }

            _field.Append((char)c);
            text.Advance();
        }

        return null;
    }

    private string? ReadQuoted()
    {
        _field.Clear();
        int openedOnLine = _line;
        text.Advance();
        while (true)
        {
            int c = text.Peek();
            if (c < 0)
            {
                return $"quoted field opened on line {openedOnLine} is never closed";
            }

            if (_field.Length == maxFieldChars)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"quoted field opened on line {openedOnLine} is longer than {maxFieldChars} characters (is its closing quote missing?)");
            }

            text.Advance();
            if (c == '"')
            {
                int next = text.Peek();
                if (next == '"')
                {
                    _field.Append('"');
                    text.Advance();
                    continue;
                }

                return next >= 0 && next != delimiter && next is not '\r' and not '\n'
                    ? "unexpected character after a closing quote (a quote inside a quoted field must be doubled)"
                    : null;
            }

            _field.Append((char)c);
            if (c == '\n' || (c == '\r' && text.Peek() != '\n'))
            {
                _line++;
            }
        }
    }

    private void SkipLineBreak()
    {
        if (text.Peek() == '\r')
        {
            text.Advance();
        }

        if (text.Peek() == '\n')
        {
            text.Advance();
        }

        _line++;
    }

    private void SkipRestOfLine()
    {
        while (text.Peek() is >= 0 and not '\r' and not '\n')
        {
            text.Advance();
        }

        if (text.Peek() >= 0)
        {
            SkipLineBreak();
        }
    }
}
