using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>
/// Writes one flat JSON object per line with our own escaping, so the committed bytes never depend on
/// a framework encoder's choices; accents and guillemets stay readable instead of becoming \u escapes.
/// </summary>
internal sealed class JsonLine
{
    private readonly StringBuilder _sb = new(512);

    public JsonLine Add(string name, string? value)
    {
        _sb.Append(_sb.Length == 0 ? '{' : ',');
        AppendString(name);
        _sb.Append(':');
        if (value is null)
        {
            _sb.Append("null");
        }
        else
        {
            AppendString(value);
        }
        return this;
    }

    public override string ToString() => _sb.Length == 0 ? "{}" : _sb.ToString() + "}";

    private void AppendString(string value)
    {
        _sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        _sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _sb.Append(c);
                    }
                    break;
            }
        }
        _sb.Append('"');
    }
}
