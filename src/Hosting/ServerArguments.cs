using System.Globalization;

namespace HybridAI.Hosting;

/// <summary>Reads <c>--model FILE.gguf --urls URL[;URL] [--model-id ID] [--context N] [--threads N] [--parallel N]</c>.</summary>
internal static class ServerArguments
{
    public const string Usage = "usage: HybridAI.Hosting [--model FILE.gguf] [--urls http://127.0.0.1:8080[;...]] [--model-id ID] [--context N] [--threads N] [--parallel N]";

    public static HybridAIServerOptions Parse(string[] args)
    {
        var options = new HybridAIServerOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            options = name switch
            {
                "--model" => options with { ModelPath = value },
                "--model-id" => options with { ModelId = value },
                "--urls" => options with { Urls = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--context" => options with { ContextSize = Positive(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                "--parallel" => options with { MaxConcurrentRequests = Positive(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");
}
