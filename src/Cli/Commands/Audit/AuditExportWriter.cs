using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HybridAI.Governance.Audit;

namespace HybridAI.Cli.Commands.Audit;

/// <summary>Writes exported records as JSON Lines (null fields left out) or CSV (a header, then one row per record).</summary>
internal sealed class AuditExportWriter(TextWriter output, string format)
{
    private static readonly string[] Header =
    [
        "id", "ts", "run_id", "workflow", "version", "step", "step_index", "kind", "event", "outcome", "error_type", "error_message",
        "duration_ms", "actor", "actor_role", "model", "prompt", "output", "context_ids", "input_tokens", "output_tokens",
    ];

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private bool _headerWritten;

    public void Write(AuditRecord record)
    {
        var values = Values(record);
        if (format == "csv")
        {
            if (!_headerWritten)
            {
                output.WriteLine(string.Join(',', Header));
                _headerWritten = true;
            }
            output.WriteLine(string.Join(',', values.Select(Csv)));
            return;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            for (var i = 0; i < Header.Length; i++)
            {
                if (values[i] is null)
                    continue;
                if (i is 0 or 6 or 12 or 19 or 20)
                    json.WriteNumber(Header[i], decimal.Parse(values[i]!, CultureInfo.InvariantCulture));
                else
                    json.WriteString(Header[i], values[i]);
            }
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static string?[] Values(AuditRecord record)
    {
        var e = record.Event;
        var ci = CultureInfo.InvariantCulture;
        return
        [
            record.Id.ToString(ci), e.Timestamp.UtcDateTime.ToString("O", ci), e.RunId, e.Workflow, e.WorkflowVersion, e.Step,
            e.StepIndex.ToString(ci), e.Kind.ToString(), e.EventType.ToString(), e.Outcome, e.ErrorType, e.ErrorMessage,
            e.Duration.TotalMilliseconds.ToString("0.###", ci), e.Actor, e.ActorRole, e.Model, e.Prompt, e.Output, e.ContextIds,
            e.InputTokens?.ToString(ci), e.OutputTokens?.ToString(ci),
        ];
    }

    private static string Csv(string? value)
    {
        if (value is null)
            return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
