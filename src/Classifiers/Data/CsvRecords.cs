using System.Text;

namespace HybridAI.Classifiers.Data;

/// <summary>
/// Reads RFC 4180 records: fields separated by a delimiter, optionally in double quotes, where a
/// quoted field may hold delimiters, line breaks and doubled quotes (""). Tracks the line each record starts on.
/// </summary>
internal sealed class CsvRecords(TextReader reader, char delimiter, string source)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The 1-based line the last record returned by <see cref="Next"/> started on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record's fields (each with whether it was quoted), or null at the end; blank lines are skipped.</summary>
    public List<DelimitedFields.Field>? Next()
    {
        while (true)
        {
            if (reader.Peek() < 0)
            {
                return null;
            }

            RecordLine = _line;
            var fields = ReadRecord();
            if (fields.Count == 1 && !fields[0].Quoted && fields[0].Text.Length == 0)
            {
                continue;
            }

            return fields;
        }
    }

    private List<DelimitedFields.Field> ReadRecord()
    {
        var fields = new List<DelimitedFields.Field>();
        while (true)
        {
            _field.Clear();
            var quoted = false;
            int c = reader.Read();
            if (c == '"')
            {
                quoted = true;
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                    {
                        throw new TabularDataException($"a quoted field (field {fields.Count + 1}) is not closed before the end of the file.", source, RecordLine, null);
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                c = reader.Read();
                if (c >= 0 && c != delimiter && c != '\r' && c != '\n')
                {
                    throw new TabularDataException($"unexpected text after the closing quote of field {fields.Count + 1}.", source, _line, null);
                }
            }
            else
            {
                while (c >= 0 && c != delimiter && c != '\r' && c != '\n')
                {
                    if (c == '"')
                    {
                        throw new TabularDataException($"a quote inside unquoted field {fields.Count + 1}.", source, _line, null);
                    }

                    _field.Append((char)c);
                    c = reader.Read();
                }
            }

            fields.Add(new DelimitedFields.Field(_field.ToString(), quoted));
            if (c == delimiter)
            {
                continue;
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            if (c == '\r' || c == '\n')
            {
                _line++;
            }

            return fields;
        }
    }
}
