namespace HybridAI.Native.LlamaCpp.Tests;

[Collection(TinyModelCollection.Name)]
public sealed class LlamaModelTests(TinyModelFixture tiny)
{
    [NativeFact]
    public void Loads_the_tiny_gguf_with_its_vocabulary_and_template()
    {
        var model = tiny.Model;
        Assert.Equal(32000, model.VocabularySize);
        Assert.Equal(1, model.BeginningOfSequence);
        Assert.Equal(2, model.EndOfSequence);
        Assert.Equal(512, model.TrainedContextLength);
        Assert.Contains("[INST]", model.ChatTemplate, StringComparison.Ordinal);
        Assert.Contains("llama", model.Description, StringComparison.OrdinalIgnoreCase);
    }

    [NativeFact]
    public void Tokenizes_with_the_real_sentencepiece_vocabulary_and_round_trips()
    {
        var model = tiny.Model;
        var tokens = model.Tokenize("Hello world");
        Assert.Equal([1, 15043, 3186], tokens); // LLaMA: <s> ▁Hello ▁world
        Assert.Equal("Hello world", model.Detokenize(tokens[1..]).TrimStart());
    }
}
