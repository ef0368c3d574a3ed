using HybridAI.Cli;

return await HybridAICommand.RunAsync(args, Spectre.Console.AnsiConsole.Console).ConfigureAwait(false);
