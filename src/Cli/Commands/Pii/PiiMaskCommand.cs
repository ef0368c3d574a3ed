using System.CommandLine;
using HybridAI.Governance.Masking;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Pii;

/// <summary><c>hybridai pii mask</c>: reads text on standard input and writes it with typed placeholders (&lt;PERSON_1&gt;, &lt;EMAIL_1&gt;) in place of personal data.</summary>
internal static class PiiMaskCommand
{
    public static Command Create(IAnsiConsole console, TextReader input)
    {
        var command = new Command("mask", "Read text on standard input, write it with personal data replaced by typed placeholders (<PERSON_1>, <EMAIL_1>...).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            var masked = PiiMasker.CreateDefault().Mask(text);
            var output = console.Profile.Out.Writer;
            await output.WriteAsync(masked.Text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
