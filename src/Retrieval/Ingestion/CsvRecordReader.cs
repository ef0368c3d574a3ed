namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// RFC 4180 records: fields split by a delimiter, optionally double-quoted, with "" for a quote inside quotes and
/// line breaks allowed inside quotes. Records end at CRLF, LF or CR. Tracks line numbers for error reports.
/// </summary>
internal sealed class CsvRecordReader(string text, char delimiter)
{
    private readonly System.Text.StringBuilder _field = new();
    private int _position;
    private int _line = 1;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. Returns false at the end of the text. Blank lines are
    /// skipped. On a malformed record, <paramref name="error"/> says why and reading resumes on the next line.
    /// </summary>
    public bool TryRead(List<string> fields, out int startLine, out string? error)
    {
        fields.Clear();
        error = null;
        while (_position < text.Length && text[_position] is '\r' or '\n')
        {
            SkipLineBreak();
        }

        startLine = _line;
        if (_position >= text.Length)
        {
            return false;
        }

        while (true)
        {
            error = _position < text.Length && text[_position] == '"' ? ReadQuoted() : ReadUnquoted();
            if (error is not null)
            {
                SkipRestOfLine();
                return true;
            }

            fields.Add(_field.ToString());
            if (_position >= text.Length)
            {
                return true;
            }

            char c = text[_position];
            if (c == delimiter)
            {
                _position++;
                continue;
            }

            SkipLineBreak();
            return true;
        }
    }

    private string? ReadUnquoted()
    {
        _field.Clear();
        int start = _position;
        while (_position < text.Length && text[_position] != delimiter && text[_position] is not '\r' and not '\n')
        {
            _position++;
        }

        _field.Append(text, start, _position - start);
        return null;
    }

    private string? ReadQuoted()
    {
        _field.Clear();
        int openedOnLine = _line;
        _position++;
        while (true)
        {
            int quote = text.IndexOf('"', _position);
            if (quote < 0)
            {
                _position = text.Length;
                return $"quoted field opened on line {openedOnLine} is never closed";
            }

            AppendCountingLines(_position, quote);
            _position = quote + 1;
            if (_position < text.Length && text[_position] == '"')
            {
                _field.Append('"');
                _position++;
                continue;
            }

            if (_position < text.Length && text[_position] != delimiter && text[_position] is not '\r' and not '\n')
            {
                return "unexpected character after a closing quote (a quote inside a quoted field must be doubled)";
            }

            return null;
        }
    }

    private void AppendCountingLines(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _line++;
            }
        }

        _field.Append(text, start, end - start);
    }

    private void SkipLineBreak()
    {
        if (_position < text.Length && text[_position] == '\r')
        {
            _position++;
        }

        if (_position < text.Length && text[_position] == '\n')
        {
            _position++;
        }

        _line++;
    }

    private void SkipRestOfLine()
    {
        while (_position < text.Length && text[_position] is not '\r' and not '\n')
        {
            _position++;
        }

        if (_position < text.Length)
        {
            SkipLineBreak();
        }
    }
}
