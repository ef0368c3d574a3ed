using HybridAI.Generators.Local.OnnxDecoder;
using HybridAI.Generators.Tests.Tokenization;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Local.OnnxDecoder;

public sealed class ChatPromptFormatTests : IDisposable
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello."), new(ChatRole.User, "Bye")];

    private readonly TempDirectory _dir = new();
    private readonly ByteLevelBpeTokenizer _tokenizer;

    public ChatPromptFormatTests() => _tokenizer = ByteLevelBpeTokenizer.FromFile(TinyTokenizer.Write(_dir.Path));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ChatML_is_the_fallback()
    {
        ChatPromptFormat format = ChatPromptFormat.Detect(null, _tokenizer);

        Assert.Equal("chatml", format.Name);
        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n",
            format.Render(Messages));
        Assert.Equal("chatml", ChatPromptFormat.Detect("{{ unknown }}", _tokenizer).Name);
    }

    [Fact]
    public void Recognises_llama3_and_phi3_templates()
    {
        ChatPromptFormat llama = ChatPromptFormat.Detect("{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>' }}", _tokenizer);
        Assert.Equal("<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", llama.Render([new(ChatRole.User, "Hi")]));
        Assert.Equal("<|eot_id|>", llama.EndOfTurn);

        ChatPromptFormat phi = ChatPromptFormat.Detect("{{'<|' + message['role'] + '|>' }}{{ '<|end|>' }}{{ '<|assistant|>' }}", _tokenizer);
        Assert.Equal("<|user|>\nHi<|end|>\n<|assistant|>\n", phi.Render([new(ChatRole.User, "Hi")]));
    }
}
