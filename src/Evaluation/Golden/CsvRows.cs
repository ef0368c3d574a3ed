using System.Text;
using System.Diagnostics.CodeAnalysis;

namespace HybridAI.Evaluation.Golden;

/// <summary>Reads RFC 4180 rows (quoted cells may hold commas, doubled quotes and line breaks), tracking line numbers.</summary>
internal sealed class CsvRows(TextReader reader, string source)
{
    private readonly StringBuilder _cell = new();
    private int _line;

    /// <summary>Reads the next row; <paramref name="line"/> is the line it starts on.</summary>
    public bool TryRead([NotNullWhen(true)] out List<string>? row, out int line)
    {
        row = null;
        line = _line + 1;
        string? text = reader.ReadLine();
        if (text is null)
        {
            return false;
        }

        _line++;
        row = [];
        _cell.Clear();
        bool quoted = false;
        int i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!quoted)
                {
                    row.Add(_cell.ToString());
                    return true;
                }

                // A line break inside quotes belongs to the cell.
                text = reader.ReadLine() ?? throw new GoldenSetFormatException(source, line, null, "a quoted cell is not closed before the end of the file");
                _line++;
                _cell.Append('\n');
                i = 0;
                continue;
            }

            char c = text[i++];
            if (quoted)
            {
                if (c != '"')
                {
                    _cell.Append(c);
                }
                else if (i < text.Length && text[i] == '"')
                {
                    _cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                row.Add(_cell.ToString());
                _cell.Clear();
            }
            else if (c == '"' && _cell.Length == 0)
            {
                quoted = true;
            }
            else
            {
                _cell.Append(c);
            }
        }
    }
}
