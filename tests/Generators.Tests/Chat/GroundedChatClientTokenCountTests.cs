using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Tests.Grounding;
using HybridAI.Generators.Tests.Tokenization;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Chat;

public class GroundedChatClientTokenCountTests
{
    private const string Question = "How long do refunds to my payment method take, and what about gift cards or standard shipping?";

    [TiktokenFact]
    public async Task Usage_and_the_output_budget_use_the_configured_token_counter()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.O200kBase);
        using var client = new GroundedChatClient(new GroundedDraftWriter(new GroundedDraftOptions { TokenCounter = encoding }));
        IList<ChatMessage> messages = EvidencePrompt.Build(Question, KnowledgeBase.English);

        ChatResponse response = await client.GetResponseAsync(messages);

        Assert.Equal(messages.Sum(m => encoding.CountTokens(m.Text)), response.Usage!.InputTokenCount);
        Assert.Equal(encoding.CountTokens(response.Text), response.Usage.OutputTokenCount);
        Assert.NotEqual(EstimatedTokenCounter.Instance.CountTokens(response.Text), response.Usage.OutputTokenCount);
    }
}
