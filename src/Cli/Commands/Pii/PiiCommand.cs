using System.CommandLine;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Pii;

/// <summary><c>hybridai pii eval|mask|detect</c>: personal data with the default detector (the configuration the reported figures come from).</summary>
internal static class PiiCommand
{
    public static Command Create(IAnsiConsole console, TextReader input) =>
        new("pii", "Find, mask or evaluate the detection of personal data (names, emails, phones, cards, IBANs...).")
        {
            PiiEvalCommand.Create(console),
            PiiMaskCommand.Create(console, input),
            PiiDetectCommand.Create(console, input),
        };
}
