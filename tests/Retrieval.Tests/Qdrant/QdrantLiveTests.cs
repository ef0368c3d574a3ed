using System.Reflection;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Qdrant;
using HybridAI.Retrieval.Tests.Conformance;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>The conformance suite against a real Qdrant server (QDRANT_URL), on throwaway collections deleted afterwards.</summary>
public sealed class QdrantLiveTests
{
    [QdrantLiveFact]
    public async Task A_real_Qdrant_server_passes_the_conformance_suite()
    {
        var suite = new LiveSuite(new Uri(Environment.GetEnvironmentVariable(QdrantLiveFactAttribute.Variable)!), Environment.GetEnvironmentVariable("QDRANT_API_KEY"));
        var failures = new List<string>();
        int ran = 0;
        try
        {
            foreach (MethodInfo method in typeof(DocumentIndexConformanceTests).GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<FactAttribute>() is null)
                {
                    continue;
                }

                List<object[]> cases = [.. method.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(method))];
                foreach (object[] arguments in cases.Count == 0 ? [[]] : cases)
                {
                    ran++;
                    try
                    {
                        await (Task)method.Invoke(suite, arguments)!;
                    }
                    catch (Exception e)
                    {
                        Exception cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                        failures.Add($"{method.Name}({string.Join(", ", arguments)}): {cause.GetType().Name}: {cause.Message}");
                    }
                }
            }
        }
        finally
        {
            await suite.DropCollectionsAsync();
        }

        Assert.True(ran >= 10, $"only {ran} conformance cases were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Not discovered by xunit (private): run method by method above.</summary>
    private sealed class LiveSuite(Uri server, string? apiKey) : DocumentIndexConformanceTests
    {
        private readonly List<string> _collections = [];

        protected override async Task<IVersionedDocumentIndex> OpenEmptyAsync()
        {
            string name = "hybridai-test-" + Guid.NewGuid().ToString("N");
            _collections.Add(name);
            return await QdrantDocumentIndex.OpenAsync(new QdrantIndexOptions
            {
                BaseAddress = server,
                CollectionName = name,
                ApiKey = apiKey,
                EmbeddingGenerator = new HashingEmbeddingGenerator(),
            });
        }

        public async Task DropCollectionsAsync()
        {
            using var client = new HttpClient { BaseAddress = server };
            foreach (string name in _collections)
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, "collections/" + name);
                if (apiKey is not null)
                {
                    request.Headers.Add("api-key", apiKey);
                }

                using HttpResponseMessage response = await client.SendAsync(request);
            }
        }
    }
}
