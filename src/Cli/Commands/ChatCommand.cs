using System.CommandLine;
using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai chat --model FILE.gguf|DIR_WITH_ONNX_MODEL [--system TEXT] [--max-tokens N] [--temperature T] [--seed S]</c>: a
/// conversation with a local model; each line read from standard input is a user turn, and the reply streams
/// back token by token. An empty input or <c>/exit</c> ends it.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(IAnsiConsole console, TextReader input)
    {
        var model = new Option<string>("--model") { Description = "A GGUF model file (llama.cpp), or a folder with an ONNX decoder (model.onnx + tokenizer.json, Hugging Face Optimum layout).", Required = true };
        var system = new Option<string?>("--system") { Description = "A system prompt for the whole conversation." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens per reply.", DefaultValueFactory = _ => 256 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature; 0 always picks the most likely token.", DefaultValueFactory = _ => 0.8f };
        var seed = new Option<long?>("--seed") { Description = "Seed for reproducible replies." };
        var contextSize = new Option<int>("--context") { Description = "Context size in tokens (the conversation's oldest tokens are dropped beyond it).", DefaultValueFactory = _ => 2048 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: one per core, at most 8)." };
        var command = new Command("chat", "Chat with a local GGUF or ONNX model, one user turn per input line.") { model, system, maxTokens, temperature, seed, contextSize, threads };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IChatClient client;
            var path = parse.GetRequiredValue(model);
            try
            {
                client = Directory.Exists(path)
                    ? OpenOnnx(path)
                    : new LlamaCppChatClient(path, new LlamaCppChatClientOptions
                    {
                        Context = new LlamaContextOptions { ContextSize = parse.GetValue(contextSize), Threads = parse.GetValue(threads) },
                        MaxConcurrentRequests = 1,
                    });
            }
            catch (Exception e) when (e is LlamaModelLoadException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or NotSupportedException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (Exception e) when (e is DllNotFoundException or LlamaCppException)
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

    private static OnnxDecoderChatClient OpenOnnx(string folder)
    {
        if (!OnnxDecoderChatClient.IsModelFolder(folder))
        {
            throw new FileNotFoundException($"{folder} is a folder without an ONNX decoder: expected model.onnx (or decoder_model_merged.onnx, or either under onnx/) and tokenizer.json; a GGUF model is passed as a file.");
        }

        return OnnxDecoderChatClient.Open(folder);
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
