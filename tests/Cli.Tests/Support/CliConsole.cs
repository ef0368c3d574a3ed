using Spectre.Console;

namespace HybridAI.Cli.Tests.Support;

/// <summary>
/// Runs the <c>hybridai</c> command in-process against a console that records plain text (no colours, no
/// interactivity). Each run starts with empty output, so assertions see only that run's messages.
/// </summary>
internal sealed class CliConsole : IDisposable
{
    private StringWriter _out = new();

    /// <summary>What the last run printed.</summary>
    public string Output => _out.ToString();

    /// <summary><see cref="Output"/> with line wrapping undone, so a long message can be searched whole.</summary>
    public string Flat => string.Join(' ', Output.Split('\n', StringSplitOptions.TrimEntries));

    public Task<int> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs with <paramref name="input"/> as standard input (for <c>chat</c>).</summary>
    public async Task<int> RunWithInputAsync(string input, params string[] args)
    {
        _out.Dispose();
        _out = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_out),
        });
        console.Profile.Width = 400;
        using var stdin = new StringReader(input);
        return await HybridAICommand.RunAsync(args, console, stdin);
    }

    public void Dispose() => _out.Dispose();
}
