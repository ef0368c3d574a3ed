using HybridAI.Tests.Gguf;

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
        Assert.True(model.AddsBeginningOfSequence);
        Assert.Equal(512, model.TrainedContextLength);
        Assert.Contains("[INST]", model.ChatTemplate, StringComparison.Ordinal);
        Assert.Contains("llama", model.Description, StringComparison.OrdinalIgnoreCase);
        Assert.True(model.IsEndOfGeneration(model.EndOfSequence));
        Assert.False(model.IsEndOfGeneration(15043));
    }

    [NativeFact]
    public void Tokenizes_with_the_real_sentencepiece_vocabulary_and_round_trips()
    {
        var model = tiny.Model;
        var tokens = model.Tokenize("Hello world");
        Assert.Equal([1, 15043, 3186], tokens); // LLaMA: <s> ▁Hello ▁world
        Assert.Equal([15043, 3186], model.Tokenize("Hello world", addSpecial: false));
        Assert.Equal(" Hello world", model.Detokenize(tokens[1..]));
    }

    [NativeFact]
    public void Special_token_text_becomes_tokens_only_when_asked()
    {
        var model = tiny.Model;
        Assert.Equal([1, 1], model.Tokenize("<s>", addSpecial: true, parseSpecial: true)[..2]);
        Assert.DoesNotContain(2, model.Tokenize("</s>", addSpecial: false, parseSpecial: false));
        Assert.Equal([2], model.Tokenize("</s>", addSpecial: false, parseSpecial: true));
    }

    [NativeFact]
    public void Renders_a_conversation_with_the_models_own_template()
    {
        var prompt = tiny.Model.ApplyChatTemplate([new("system", "Be brief."), new("user", "Hi"), new("assistant", "Hello."), new("user", "Bye")]);
        Assert.StartsWith("[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST]", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Bye [/INST]", prompt, StringComparison.Ordinal);
        Assert.Contains("Hello.", prompt, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_model_without_a_template_falls_back_to_the_named_one_then_to_plain_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hybridai-tiny-notemplate-{Environment.ProcessId}.gguf");
        TinyLlamaModel.Write(path, chatTemplate: null);
        try
        {
            using var model = LlamaModel.Load(path);
            Assert.Null(model.ChatTemplate);
            LlamaChatMessage[] chat = [new("user", "Hi")];
            Assert.Equal("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", model.ApplyChatTemplate(chat));
            Assert.Equal("user: Hi\nassistant:", model.ApplyChatTemplate(chat, fallbackTemplate: "no-such-template"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [NativeFact]
    public void Characters_split_across_byte_tokens_come_out_whole()
    {
        var model = tiny.Model;
        const string text = "naïve 🦙 世界 ok";
        var tokens = model.Tokenize(text, addSpecial: false);
        Assert.Contains(tokens, t => t is >= 3 and <= 258); // the llama emoji is spelled with <0xF0> <0x9F> ... byte tokens

        var decoder = new Utf8TokenDecoder(model);
        var pieces = tokens.Select(decoder.Append).ToList();
        pieces.Add(decoder.Flush());
        Assert.Equal(" " + text, string.Concat(pieces));
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Contains(pieces, p => p.Length == 0); // held back while a character was incomplete
    }

    [NativeFact]
    public void An_unfinished_character_at_the_end_becomes_a_replacement_mark()
    {
        var model = tiny.Model;
        var decoder = new Utf8TokenDecoder(model);
        Assert.Equal("", decoder.Append(3 + 0xF0)); // <0xF0>: the first of four bytes
        Assert.Equal("\uFFFD", decoder.Flush());
    }

    [NativeFact]
    public void A_token_id_out_of_range_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tiny.Model.TokenBytes(32000));
        Assert.Contains("31999", e.Message, StringComparison.Ordinal);
    }
}
