using System.CommandLine;
using HybridAI.Generators.Endpoints;
using HybridAI.Scenarios.TicketTriage;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// The <c>run</c> options that put an LLM in place of the no-model writer: <c>--model FILE.gguf|DIR</c> (a local model,
/// as for <c>chat</c>) or <c>--endpoint URL --endpoint-model NAME [--api-key-env VAR]</c> (an OpenAI-compatible server).
/// </summary>
internal sealed class RunWriterOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = "An LLM to draft the replies: a GGUF model file (llama.cpp) or a folder with an ONNX decoder. Failed drafts fall back to the no-model writer." };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "An OpenAI-compatible server's base URL (e.g. http://localhost:11434/v1) to draft the replies, instead of --model. Failed drafts fall back to the no-model writer." };

    public Option<string?> EndpointModel { get; } = new("--endpoint-model") { Description = "With --endpoint: the model's name on that server (GET /v1/models lists them)." };

    public Option<string?> ApiKeyEnv { get; } = new("--api-key-env") { Description = "With --endpoint: the NAME of the environment variable holding the API key (the key itself is never passed on the command line)." };

    public Option<int> MaxTokens { get; } = new("--max-tokens") { Description = "With --model or --endpoint: most tokens per drafted reply.", DefaultValueFactory = _ => 256 };

    public Option<double> DraftTimeout { get; } = new("--draft-timeout") { Description = "Seconds one attempt at a draft may take before it is retried or falls back.", DefaultValueFactory = _ => 30 };

    public Option<int> ContextSize { get; } = new("--context") { Description = "With --model FILE.gguf: context size in tokens.", DefaultValueFactory = _ => 4096 };

    public Option<int?> Threads { get; } = new("--threads") { Description = "With --model FILE.gguf: CPU threads (default: one per core, at most 8)." };

    /// <summary>What <see cref="Open"/> made: the writer (null: the no-model one), or the exit code of a failure it reported.</summary>
    public sealed record Opened(IChatClient? Writer, int ExitCode);

    /// <summary>Checks the options and opens the LLM; reports any problem on <paramref name="console"/>. Null: an input error was reported.</summary>
    public Opened? Open(ParseResult parse, IAnsiConsole console)
    {
        var path = parse.GetValue(Model);
        var endpointText = parse.GetValue(Endpoint);
        var name = parse.GetValue(EndpointModel);
        var keyVariable = parse.GetValue(ApiKeyEnv);
        if (parse.GetValue(MaxTokens) < 1)
        {
            return Refuse(console, "--max-tokens must be at least 1.");
        }

        if (parse.GetValue(DraftTimeout) is var seconds && (!double.IsFinite(seconds) || seconds <= 0))
        {
            return Refuse(console, "--draft-timeout must be a positive number of seconds.");
        }

        if (path is not null && endpointText is not null)
        {
            return Refuse(console, "Give either --model FILE.gguf (a local model) or --endpoint URL (an OpenAI-compatible server), not both; with --endpoint, the server's model is named by --endpoint-model NAME.");
        }

        if (endpointText is null)
        {
            if (name is not null || keyVariable is not null)
            {
                return Refuse(console, $"{(name is not null ? "--endpoint-model" : "--api-key-env")} only applies with --endpoint URL.");
            }

            return path is null ? new Opened(null, 0) : OpenLocal(parse, console, path);
        }

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Refuse(console, $"--endpoint '{endpointText}' is not an absolute http(s) URL (e.g. http://localhost:11434/v1).");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Refuse(console, "--endpoint needs --endpoint-model NAME: the model's name on that server (GET /v1/models lists them).");
        }

        try
        {
            return new Opened(new OpenAIEndpoint { BaseUrl = url, Model = name, ApiKeyVariable = keyVariable }.CreateChatClient(), 0);
        }
        catch (InvalidOperationException e)
        {
            return Refuse(console, e.Message);
        }
    }

    /// <summary>The scenario options with the draft's timeout and, for an LLM, its token budget.</summary>
    public TicketTriageOptions Configure(TicketTriageOptions options, ParseResult parse) => options with
    {
        DraftTimeout = TimeSpan.FromSeconds(parse.GetValue(DraftTimeout)),
        DraftOptions = new ChatOptions { MaxOutputTokens = parse.GetValue(MaxTokens) },
    };

    private Opened? OpenLocal(ParseResult parse, IAnsiConsole console, string path)
    {
        try
        {
            // Items of the batch share the model; llama.cpp keeps one context per concurrent draft.
            var concurrent = Math.Clamp(Environment.ProcessorCount, 1, 4);
            return new Opened(LocalChatModel.Open(path, parse.GetValue(ContextSize), parse.GetValue(Threads), concurrent), 0);
        }
        catch (Exception e) when (LocalChatModel.IsInputError(e))
        {
            return Refuse(console, "--model: " + e.Message);
        }
        catch (Exception e) when (LocalChatModel.IsRuntimeError(e))
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return new Opened(null, 1);
        }
    }

    private static Opened? Refuse(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        return null;
    }
}
