using System.CommandLine;
using HybridAI.Hosting;
using HybridAI.Native.LlamaCpp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai serve --model FILE.gguf [--urls http://127.0.0.1:8080] [--model-id ID] [--context N] [--threads N] [--parallel N]</c>:
/// an OpenAI-compatible HTTP API (<c>/v1/chat/completions</c> with SSE streaming and tools, <c>/v1/embeddings</c>,
/// <c>/v1/models</c>) over a local GGUF model and the hashed n-gram embedder, until Ctrl+C. The server itself is
/// <see cref="HybridAIServer"/> in src/Hosting; <c>dotnet run --project src/Hosting -- --model ...</c> runs the same.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string?>("--model") { Description = "A GGUF model file served at /v1/chat/completions (without it only embeddings are served)." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var modelId = new Option<string?>("--model-id") { Description = "The model name clients send (default: the file name without extension)." };
        var contextSize = new Option<int>("--context") { Description = "Context size in tokens per concurrent request.", DefaultValueFactory = _ => 2048 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads per request (default: one per core, at most 8)." };
        var parallel = new Option<int>("--parallel") { Description = "Chat requests decoded at once; more wait their turn.", DefaultValueFactory = _ => 4 };
        var command = new Command("serve", "Serve a local GGUF model over an OpenAI-compatible HTTP API.") { model, urls, modelId, contextSize, threads, parallel };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new HybridAIServerOptions
            {
                ModelPath = parse.GetValue(model),
                ModelId = parse.GetValue(modelId),
                Urls = parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ContextSize = parse.GetValue(contextSize),
                Threads = parse.GetValue(threads),
                MaxConcurrentRequests = parse.GetValue(parallel),
            };
            WebApplication app;
            try
            {
                app = HybridAIServer.Build(options);
            }
            catch (Exception e) when (e is LlamaModelLoadException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (Exception e) when (e is DllNotFoundException or LlamaCppException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return 1;
            }

            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                foreach (var url in app.Urls)
                {
                    console.MarkupLineInterpolated($"OpenAI-compatible endpoint: [green]{url}/v1[/] (Ctrl+C stops)");
                }

                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
