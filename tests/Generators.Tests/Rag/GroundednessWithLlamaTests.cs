using HybridAI.Generators.Chat;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tests.Grounding;
using HybridAI.Generators.Tests.Local;
using HybridAI.Tests.Gguf;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Rag;

/// <summary>
/// A real LLM path: the tiny llama.cpp model (random weights) answers a packed evidence prompt; its text has nothing
/// to do with the sources, so every claim it makes must be flagged.
/// </summary>
public sealed class GroundednessWithLlamaTests(TinyChatClientFixture tiny) : IClassFixture<TinyChatClientFixture>
{
    [LlamaFact]
    public async Task Random_text_from_a_real_model_is_flagged_unsupported()
    {
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 300 });
        PackedPrompt packed = packer.Pack("How long do refunds take?", KnowledgeBase.English);
        // Not disposed: that would dispose the shared model.
        GroundednessCheckingChatClient client = tiny.Client.WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Mark });

        ChatResponse response = await client.GetResponseAsync(packed.Messages, new ChatOptions { Temperature = 0, MaxOutputTokens = 120 });

        var report = Assert.IsType<GroundednessReport>(response.AdditionalProperties![GroundednessCheckingChatClient.ReportProperty]);
        Assert.True(report.Claims > 0, "the model's text should hold at least one claim: " + string.Join(" | ", report.Sentences));
        Assert.All(report.Sentences.Where(s => s.Kind == AnswerSentenceKind.Claim), s => Assert.True(s.IsFlagged, s.ToString()));
        Assert.Equal(0.0, report.GroundedRatio);
        Assert.Contains("[unsupported]", response.Text, StringComparison.Ordinal);
    }
}
