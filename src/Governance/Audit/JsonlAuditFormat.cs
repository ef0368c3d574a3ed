using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HybridAI.Governance.Audit;

/// <summary>
/// One audit record as one JSON object per line: the row's columns (null ones left out), <c>prev_hash</c> and
/// <c>hash</c> in lowercase hex. The chain hash is over the row's values, not the JSON text, so it is the same
/// hash as in the SQLite and PostgreSQL logs.
/// </summary>
internal static class JsonlAuditFormat
{
    // The file is read by people and tools, never embedded in HTML: keep '<' and non-ASCII text as they are.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter json, in AuditRow row, ReadOnlySpan<byte> previous, ReadOnlySpan<byte> hash)
    {
        json.WriteStartObject();
        json.WriteNumber("id"u8, row.Id);
        json.WriteNumber("format"u8, row.Format);
        json.WriteString("ts"u8, new DateTimeOffset(row.TimestampUtcTicks, TimeSpan.Zero));
        json.WriteString("run_id"u8, row.RunId);
        json.WriteString("workflow"u8, row.Workflow);
        json.WriteString("version"u8, row.Version);
        Optional(json, "step"u8, row.Step);
        json.WriteNumber("step_index"u8, row.StepIndex);
        json.WriteString("kind"u8, row.Kind);
        json.WriteString("event"u8, row.EventType);
        Optional(json, "outcome"u8, row.Outcome);
        Optional(json, "error_type"u8, row.ErrorType);
        Optional(json, "error_message"u8, row.ErrorMessage);
        json.WriteNumber("duration_ticks"u8, row.DurationTicks);
        Optional(json, "actor"u8, row.Actor);
        Optional(json, "actor_role"u8, row.ActorRole);
        Optional(json, "model"u8, row.Model);
        Optional(json, "prompt"u8, row.Prompt);
        Optional(json, "output"u8, row.Output);
        Optional(json, "context_ids"u8, row.ContextIds);
        if (row.InputTokens is { } input)
            json.WriteNumber("input_tokens"u8, input);
        if (row.OutputTokens is { } output)
            json.WriteNumber("output_tokens"u8, output);
        Hex(json, "prev_hash"u8, previous);
        Hex(json, "hash"u8, hash);
        json.WriteEndObject();
    }

    /// <summary>Appends <paramref name="row"/> and a newline to <paramref name="buffer"/>.</summary>
    public static void AppendLine(ArrayBufferWriter<byte> buffer, ref Utf8JsonWriter? json, in AuditRow row, ReadOnlySpan<byte> previous, ReadOnlySpan<byte> hash)
    {
        if (json is null)
            json = new Utf8JsonWriter(buffer, WriterOptions);
        else
            json.Reset(buffer);
        Write(json, row, previous, hash);
        json.Flush();
        buffer.Write("\n"u8);
    }

    /// <summary>Parses one line; false (with the reason) when it is not an audit record.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out AuditRow row, Span<byte> previous, Span<byte> hash, out string? problem)
    {
        row = default;
        problem = null;
        long id = 0, stepIndex = 0, duration = 0, ts = 0;
        int format = 0;
        long? inputTokens = null, outputTokens = null;
        string? runId = null, workflow = null, version = null, step = null, kind = null, type = null, outcome = null,
            errorType = null, errorMessage = null, actor = null, actorRole = null, model = null, prompt = null, output = null, contextIds = null;
        bool hasId = false, hasHash = false, hasPrevious = false, hasTs = false;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "it is not a JSON object";
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                    continue;
                if (name.SequenceEqual("id"u8)) { id = reader.GetInt64(); hasId = true; }
                else if (name.SequenceEqual("format"u8)) format = reader.GetInt32();
                else if (name.SequenceEqual("ts"u8)) { ts = reader.GetDateTimeOffset().UtcTicks; hasTs = true; }
                else if (name.SequenceEqual("run_id"u8)) runId = reader.GetString();
                else if (name.SequenceEqual("workflow"u8)) workflow = reader.GetString();
                else if (name.SequenceEqual("version"u8)) version = reader.GetString();
                else if (name.SequenceEqual("step"u8)) step = reader.GetString();
                else if (name.SequenceEqual("step_index"u8)) stepIndex = reader.GetInt64();
                else if (name.SequenceEqual("kind"u8)) kind = reader.GetString();
                else if (name.SequenceEqual("event"u8)) type = reader.GetString();
                else if (name.SequenceEqual("outcome"u8)) outcome = reader.GetString();
                else if (name.SequenceEqual("error_type"u8)) errorType = reader.GetString();
                else if (name.SequenceEqual("error_message"u8)) errorMessage = reader.GetString();
                else if (name.SequenceEqual("duration_ticks"u8)) duration = reader.GetInt64();
                else if (name.SequenceEqual("actor"u8)) actor = reader.GetString();
                else if (name.SequenceEqual("actor_role"u8)) actorRole = reader.GetString();
                else if (name.SequenceEqual("model"u8)) model = reader.GetString();
                else if (name.SequenceEqual("prompt"u8)) prompt = reader.GetString();
                else if (name.SequenceEqual("output"u8)) output = reader.GetString();
                else if (name.SequenceEqual("context_ids"u8)) contextIds = reader.GetString();
                else if (name.SequenceEqual("input_tokens"u8)) inputTokens = reader.GetInt64();
                else if (name.SequenceEqual("output_tokens"u8)) outputTokens = reader.GetInt64();
                else if (name.SequenceEqual("prev_hash"u8)) hasPrevious = TryHex(reader.GetString(), previous);
                else if (name.SequenceEqual("hash"u8)) hasHash = TryHex(reader.GetString(), hash);
                else reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            problem = "it is not valid JSON";
            return false;
        }
        if (!hasId || !hasTs || !hasHash || !hasPrevious || runId is null || workflow is null || version is null || kind is null || type is null)
        {
            problem = "it lacks a required field (id, ts, run_id, workflow, version, kind, event, prev_hash or hash)";
            return false;
        }
        row = new AuditRow(id, ts, runId, workflow, version, step, stepIndex, kind, type, outcome, errorType, errorMessage, duration,
            format, actor, actorRole, model, prompt, output, contextIds, inputTokens, outputTokens);
        return true;
    }

    private static void Optional(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    private static void Hex(Utf8JsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> bytes)
    {
        Span<char> hex = stackalloc char[AuditRowHasher.HashSize * 2];
        Convert.TryToHexStringLower(bytes, hex, out var written);
        json.WriteString(name, hex[..written]);
    }

    private static bool TryHex(string? text, Span<byte> into) =>
        text is { Length: AuditRowHasher.HashSize * 2 }
        && Convert.FromHexString(text, into, out _, out var written) == System.Buffers.OperationStatus.Done
        && written == AuditRowHasher.HashSize;
}
