using System.CommandLine;
using System.Text.Json;
using HybridAI.Governance.Pii;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Pii;

/// <summary>
/// <c>hybridai pii detect [--show-text]</c>: reads text on standard input and writes one JSON line per finding:
/// <c>{"type":"EMAIL","start":12,"end":29,"score":0.95,"recognizer":"email"}</c> (offsets in characters of the
/// whole input, end exclusive). The personal data itself is written only with <c>--show-text</c>.
/// </summary>
internal static class PiiDetectCommand
{
    public static Command Create(IAnsiConsole console, TextReader input)
    {
        var showText = new Option<bool>("--show-text") { Description = "Also write each finding's text (the personal data itself); off by default." };
        var command = new Command("detect", "Read text on standard input, write the personal data found as JSON Lines (type, start, end, score, recognizer).") { showText };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            var withText = parse.GetValue(showText);
            var output = console.Profile.Out.Writer;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var f in PiiDetector.CreateDefault().Detect(text))
            {
                buffer.Clear();
                json.Reset();
                json.WriteStartObject();
                json.WriteString("type", f.Type);
                json.WriteNumber("start", f.Start);
                json.WriteNumber("end", f.End);
                json.WriteNumber("score", Math.Round(f.Score, 4));
                json.WriteString("recognizer", f.Recognizer);
                if (withText)
                    json.WriteString("text", text.AsSpan(f.Start, f.Length));
                json.WriteEndObject();
                json.Flush();
                await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
