using HybridAI.Hosting;
using HybridAI.Native.LlamaCpp;

// dotnet run --project src/Hosting -- --model FILE.gguf --urls http://127.0.0.1:8080  (the same server as `hybridai serve`)
HybridAIServerOptions options;
try
{
    options = ServerArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    await using var app = HybridAIServer.Build(options);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (LlamaModelLoadException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
