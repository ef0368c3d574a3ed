using System.Globalization;
using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>Writes a record as one JSON line with fixed escaping, so the committed bytes never depend on a framework encoder.</summary>
public static class JsonLine
{
    public static void Append(StringBuilder sb, GeneratedRecord record)
    {
        sb.Append("{\"id\":");
        AppendString(sb, record.Id);
        sb.Append(",\"lang\":");
        AppendString(sb, record.Locale switch { Locale.UsEnglish => "en-US", Locale.UkEnglish => "en-GB", Locale.French => "fr-FR", _ => "de-DE" });
        sb.Append(",\"text\":");
        AppendString(sb, record.Text);
        sb.Append(",\"spans\":[");
        for (var i = 0; i < record.Spans.Count; i++)
        {
            var s = record.Spans[i];
            sb.Append(i == 0 ? "" : ",").Append("{\"type\":");
            AppendString(sb, s.Type);
            sb.Append(",\"start\":").Append(s.Start.ToString(CultureInfo.InvariantCulture))
              .Append(",\"end\":").Append(s.End.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
        sb.Append("]}\n");
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c is '\u2028' or '\u2029')
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
