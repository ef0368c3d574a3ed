using System.CommandLine;
using HybridAI.Cli.Commands;
using HybridAI.Cli.Commands.Index;
using HybridAI.Cli.Commands.Pii;
using Spectre.Console;

namespace HybridAI.Cli;

/// <summary>The <c>hybridai</c> command line: <c>scenarios</c>, <c>run</c>, <c>review</c>, <c>train</c>, <c>predict</c>, <c>onnx</c>, <c>index</c>, <c>search</c>, <c>chat</c>, <c>serve</c> and <c>pii</c>.</summary>
public static class HybridAICommand
{
    /// <summary>Exit code for bad input (unknown scenario, missing or empty file).</summary>
    public const int InputError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command, writing to <paramref name="console"/>.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, Console.In, cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], IAnsiConsole, CancellationToken)"/>, reading interactive input (<c>chat</c>) from <paramref name="input"/>.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, TextReader input, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("HybridAI: hybrid AI workflows (inference + grounded generation + governance).")
        {
            ScenariosCommand.Create(console),
            RunCommand.Create(console),
            ReviewCommand.Create(console),
            TrainCommand.Create(console),
            PredictCommand.Create(console),
            OnnxCommand.Create(console),
            IndexCommand.Create(console),
            SearchCommand.Create(console),
            ChatCommand.Create(console, input),
            ServeCommand.Create(console),
            PiiCommand.Create(console, input),
            Commands.Audit.AuditCommand.Create(console),
        };
        return root.Parse(args).InvokeAsync(cancellationToken: cancellationToken);
    }
}
