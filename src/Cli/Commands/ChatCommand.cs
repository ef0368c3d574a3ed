using System.CommandLine;
using HybridAI.Generators.Endpoints;
using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai chat --model FILE.gguf|DIR_WITH_ONNX_MODEL | --endpoint URL [--api-key-env VAR] [--model NAME] [--system TEXT] [--max-tokens N] [--temperature T] [--seed S]</c>: a
/// conversation with a local model; each line read from standard input is a user turn, and the reply streams
/// back token by token. An empty input or <c>/exit</c> ends it.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(IAnsiConsole console, TextReader input)
    {
        var model = new Option<string?>("--model") { Description = "A GGUF model file (llama.cpp), or a folder with an ONNX decoder (model.onnx + tokenizer.json, Hugging Face Optimum layout); with --endpoint, the model's name on that server." };
        var endpoint = new Option<string?>("--endpoint") { Description = "An OpenAI-compatible server's base URL (e.g. http://localhost:11434/v1) instead of a local model." };
        var apiKeyEnv = new Option<string?>("--api-key-env") { Description = "With --endpoint: the NAME of the environment variable holding the API key (the key itself is never passed on the command line)." };
        var system = new Option<string?>("--system") { Description = "A system prompt for the whole conversation." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens per reply.", DefaultValueFactory = _ => 256 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature; 0 always picks the most likely token.", DefaultValueFactory = _ => 0.8f };
        var seed = new Option<long?>("--seed") { Description = "Seed for reproducible replies." };
        var contextSize = new Option<int>("--context") { Description = "Context size in tokens (the conversation's oldest tokens are dropped beyond it).", DefaultValueFactory = _ => 2048 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: one per core, at most 8)." };
        var command = new Command("chat", "Chat with a local GGUF or ONNX model, or an OpenAI-compatible endpoint, one user turn per input line.") { model, endpoint, apiKeyEnv, system, maxTokens, temperature, seed, contextSize, threads };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IChatClient client;
            var path = parse.GetValue(model);
            var endpointText = parse.GetValue(endpoint);
            Uri? url = null;
            if (endpointText is not null && (!Uri.TryCreate(endpointText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
            {
                console.MarkupLineInterpolated($"[red]--endpoint '{endpointText}' is not an absolute http(s) URL (e.g. http://localhost:11434/v1).[/]");
                return HybridAICommand.InputError;
            }

            if (url is null && string.IsNullOrWhiteSpace(path))
            {
                console.MarkupLine("[red]chat needs --model FILE.gguf|DIR (a local model) or --endpoint URL (an OpenAI-compatible server).[/]");
                return HybridAICommand.InputError;
            }

            if (url is not null)
            {
                if (string.IsNullOrWhiteSpace(path))
                {
                    console.MarkupLine("[red]--endpoint needs --model NAME: the model's name on that server (GET /v1/models lists them).[/]");
                    return HybridAICommand.InputError;
                }

                try
                {
                    client = new OpenAIEndpoint { BaseUrl = url, Model = path, ApiKeyVariable = parse.GetValue(apiKeyEnv) }.CreateChatClient();
                }
                catch (InvalidOperationException e)
                {
                    console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                    return HybridAICommand.InputError;
                }

                using (client)
                {
                    var remote = new ChatOptions { MaxOutputTokens = parse.GetValue(maxTokens), Temperature = parse.GetValue(temperature), Seed = parse.GetValue(seed) };
                    return await Converse(console, input, client, parse.GetValue(system), remote, cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                client = LocalChatModel.Open(path!, parse.GetValue(contextSize), parse.GetValue(threads), maxConcurrentRequests: 1);
            }
            catch (Exception e) when (LocalChatModel.IsInputError(e))
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (Exception e) when (LocalChatModel.IsRuntimeError(e))
            {
                // Not the user's model at fault: llama.cpp itself is missing or the wrong build.
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return 1;
            }

            using (client)
            {
                var options = new ChatOptions { MaxOutputTokens = parse.GetValue(maxTokens), Temperature = parse.GetValue(temperature), Seed = parse.GetValue(seed) };
                return await Converse(console, input, client, parse.GetValue(system), options, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task<int> Converse(IAnsiConsole console, TextReader input, IChatClient client, string? system, ChatOptions options, CancellationToken cancellationToken)
    {
        var history = new List<ChatMessage>();
        if (!string.IsNullOrWhiteSpace(system))
        {
            history.Add(new ChatMessage(ChatRole.System, system));
        }

        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim() is "/exit")
            {
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            history.Add(new ChatMessage(ChatRole.User, line));
            var updates = new List<ChatResponseUpdate>();
            try
            {
                await foreach (var update in client.GetStreamingResponseAsync(history, options, cancellationToken).ConfigureAwait(false))
                {
                    updates.Add(update);
                    if (update.Text.Length > 0)
                    {
                        console.Write(new Text(update.Text));
                    }
                }
            }
            catch (LlamaContextOverflowException e)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (OpenAIEndpointException e)
            {
                // The message names the URL (and the key's variable on 401/403), never the key or the conversation.
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return 1;
            }

            var reply = updates.ToChatResponse();
            console.WriteLine();
            if (reply.FinishReason == ChatFinishReason.Length)
            {
                console.MarkupLine("[grey](reply cut at --max-tokens)[/]");
            }

            history.AddRange(reply.Messages);
        }

        return 0;
    }
}
