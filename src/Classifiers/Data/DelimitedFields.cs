using System.Text;

namespace HybridAI.Classifiers.Data;

/// <summary>Splits one ARFF line into comma-separated values, honouring quotes and '%' comments.</summary>
internal static class DelimitedFields
{
    /// <summary>One value and whether it was quoted (a quoted '?' is a real value, not a missing one).</summary>
    public readonly record struct Field(string Text, bool Quoted);

    public static List<Field> SplitArff(ReadOnlySpan<char> line, string source, int lineNumber)
    {
        var fields = new List<Field>();
        var current = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var quoted = false;
            current.Clear();
            if (i < line.Length && (line[i] == '\'' || line[i] == '"'))
            {
                quoted = true;
                var quote = line[i++];
                var closed = false;
                while (i < line.Length)
                {
                    var ch = line[i++];
                    if (ch == '\\' && i < line.Length)
                    {
                        current.Append(line[i++]);
                    }
                    else if (ch == quote)
                    {
                        closed = true;
                        break;
                    }
                    else
                    {
                        current.Append(ch);
                    }
                }

                if (!closed)
                {
                    throw new TabularDataException($"a quoted value (field {fields.Count + 1}) is not closed.", source, lineNumber, null);
                }

                while (i < line.Length && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',' && line[i] != '%')
                {
                    throw new TabularDataException($"unexpected text after the quoted value in field {fields.Count + 1}.", source, lineNumber, null);
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',' && line[i] != '%')
                {
                    current.Append(line[i++]);
                }
            }

            var text = quoted ? current.ToString() : current.ToString().TrimEnd();
            fields.Add(new Field(text, quoted));
            if (i < line.Length && line[i] == ',')
            {
                i++;
                continue;
            }

            return fields;
        }
    }
}
