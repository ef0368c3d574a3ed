using HybridAI.Tests.Gguf;

namespace HybridAI.Native.LlamaCpp.Tests;

/// <summary>The tiny random-weight GGUF (real LLaMA vocabulary), written and loaded once for the test collection.</summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly Lazy<LlamaModel> _model = new(() => LlamaModel.Load(TinyLlamaModel.SharedPath));

    public LlamaModel Model => _model.Value;

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModelFixture>
{
    public const string Name = "tiny llama model";
}
