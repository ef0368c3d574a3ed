using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace HybridAI.Generators.Endpoints;

/// <summary>
/// Where an OpenAI-compatible endpoint is and how to call it: OpenAI itself, or any server that speaks its wire format
/// through a base URL (Ollama <c>http://localhost:11434/v1</c>, vLLM, llama-server, LM Studio, <c>hybridai serve</c>,
/// an Azure OpenAI <c>…/openai/v1</c> URL). The key is read from the environment variable named by
/// <see cref="ApiKeyVariable"/> when a client is created, so configuration files hold the variable's name, never the key.
/// </summary>
/// <example>
/// <code>
/// var endpoint = new OpenAIEndpoint { BaseUrl = new Uri("http://localhost:11434/v1"), Model = "qwen2.5:1.5b" };
/// using IChatClient chat = endpoint.CreateChatClient();
/// var reply = await chat.GetResponseAsync("Classify: my card was charged twice.");
/// </code>
/// </example>
public sealed class OpenAIEndpoint
{
    /// <summary>The default base URL, OpenAI's own API.</summary>
    public static readonly Uri OpenAIBaseUrl = new("https://api.openai.com/v1");

    /// <summary>The base URL (up to and including <c>/v1</c>); OpenAI's API when not set.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The model name sent with every request (e.g. <c>gpt-4o-mini</c>, <c>qwen2.5:1.5b</c>).</summary>
    public required string Model { get; init; }

    /// <summary>
    /// The NAME of the environment variable that holds the API key (e.g. <c>OPENAI_API_KEY</c>); null for local servers
    /// that need no key. When set, the variable must exist and be non-empty.
    /// </summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>How long one HTTP attempt may take; the SDK default (100 s) when null.</summary>
    public TimeSpan? NetworkTimeout { get; init; }

    /// <summary>
    /// Retries the SDK makes on its own; 0 by default so that retries, with their Retry-After delays, are decided in
    /// one place, the workflow's Polly pipeline (see <see cref="OpenAIEndpointException.RetryAfter"/>).
    /// </summary>
    public int MaxRetries { get; init; }

    /// <summary>The HTTP transport; the SDK's own when null. Set it to route calls through your own <see cref="HttpClient"/>.</summary>
    public PipelineTransport? Transport { get; init; }

    /// <summary>The base URL actually called.</summary>
    public Uri EffectiveBaseUrl => BaseUrl ?? OpenAIBaseUrl;

    /// <summary>Creates a chat client for <see cref="Model"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is blank, the base URL is not absolute http(s), or <see cref="ApiKeyVariable"/> names a variable that is not set.</exception>
    public IChatClient CreateChatClient()
    {
        var (credential, options) = Prepare(Model);
        return new OpenAIChatClient(new ChatClient(Model, credential, options), EffectiveBaseUrl, ApiKeyVariable);
    }

    /// <summary>Creates an embedding generator for <paramref name="model"/> (by default <see cref="Model"/>).</summary>
    /// <exception cref="InvalidOperationException">The model is blank, the base URL is not absolute http(s), or <see cref="ApiKeyVariable"/> names a variable that is not set.</exception>
    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string? model = null)
    {
        model ??= Model;
        var (credential, options) = Prepare(model);
        return new OpenAIEmbeddingGenerator(new EmbeddingClient(model, credential, options), EffectiveBaseUrl, ApiKeyVariable);
    }

    private (ApiKeyCredential Credential, OpenAIClientOptions Options) Prepare(string model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new InvalidOperationException($"OpenAIEndpoint for {EffectiveBaseUrl}: no model name is configured.");
        }

        if (!EffectiveBaseUrl.IsAbsoluteUri || (EffectiveBaseUrl.Scheme != Uri.UriSchemeHttp && EffectiveBaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException("OpenAIEndpoint: the base URL must be an absolute http or https URL such as http://localhost:11434/v1.");
        }

        if (NetworkTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"OpenAIEndpoint for {EffectiveBaseUrl}: NetworkTimeout must be positive.");
        }

        if (MaxRetries < 0)
        {
            throw new InvalidOperationException($"OpenAIEndpoint for {EffectiveBaseUrl}: MaxRetries must not be negative.");
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = EffectiveBaseUrl,
            RetryPolicy = new ClientRetryPolicy(MaxRetries),
            NetworkTimeout = NetworkTimeout,
        };
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        return (new ApiKeyCredential(ReadKey()), options);
    }

    private string ReadKey()
    {
        if (ApiKeyVariable is null)
        {
            // OpenAI-compatible local servers ignore the header, but the SDK insists on a credential.
            return "no-key";
        }

        if (string.IsNullOrWhiteSpace(ApiKeyVariable))
        {
            throw new InvalidOperationException($"OpenAIEndpoint for {EffectiveBaseUrl}: ApiKeyVariable is blank; give the name of the environment variable that holds the key, or null for none.");
        }

        var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(key)
            ? throw new InvalidOperationException($"OpenAIEndpoint for {EffectiveBaseUrl}: the environment variable {ApiKeyVariable} that should hold the API key is not set.")
            : key;
    }
}
