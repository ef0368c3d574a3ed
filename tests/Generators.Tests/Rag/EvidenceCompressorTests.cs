using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tests.Grounding;
using HybridAI.Generators.Tests.Tokenization;
using HybridAI.Generators.Tokenization;

namespace HybridAI.Generators.Tests.Rag;

public class EvidenceCompressorTests
{
    // Relevant sentences hidden among off-topic ones, in several passages.
    private static readonly IReadOnlyList<EvidencePassage> Mixed =
    [
        new("a", "Store notes", "Our shop opens at nine. Refunds to the original payment method take 5 business days. The car park is behind the shop."),
        new("b", "Team notes", "The team meets on Mondays. Coffee is free for visitors. The office plants are watered on Fridays."),
        new("c", "Payment FAQ", "Card payments are encrypted. A refund to a card appears on the statement after the refund is issued. Cash is accepted."),
        new("d", "History", "The company was founded in 1998 in Lyon. It moved to Paris later."),
    ];

    private const string Question = "How many days does a refund to my payment method take?";

    private static int Total(CompressedEvidence compressed, ITokenCounter counter) => compressed.Evidence.Sum(p => counter.CountTokens(p.Text));

    [Fact]
    public void Summarizing_keeps_the_sentences_most_relevant_to_the_question()
    {
        EstimatedTokenCounter counter = EstimatedTokenCounter.Instance;
        int budget = counter.CountTokens("Refunds to the original payment method take 5 business days.")
            + counter.CountTokens("A refund to a card appears on the statement after the refund is issued.");
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = budget });

        CompressedEvidence compressed = compressor.Compress(Question, Mixed);

        Assert.Equal(["a", "c"], compressed.Evidence.Select(p => p.Id));
        Assert.Equal("Refunds to the original payment method take 5 business days.", compressed.Evidence[0].Text);
        Assert.Equal("A refund to a card appears on the statement after the refund is issued.", compressed.Evidence[1].Text);
        Assert.Equal([PackingOutcome.Truncated, PackingOutcome.Dropped, PackingOutcome.Truncated, PackingOutcome.Dropped], compressed.Passages.Select(p => p.Outcome));
        Assert.True(compressed.TokensAfter <= budget);
        Assert.Equal(Total(compressed, counter), compressed.TokensAfter);
        Assert.True(compressed.TokensBefore > compressed.TokensAfter);
        Assert.True(compressed.Passages[0].Relevance > compressed.Passages[1].Relevance);
    }

    [Fact]
    public void Kept_sentences_are_quoted_exactly_and_keep_their_order()
    {
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 60 });

        CompressedEvidence compressed = compressor.Compress(Question, Mixed);

        foreach (CompressedPassage passage in compressed.Passages.Where(p => p.Outcome == PackingOutcome.Truncated))
        {
            var spans = new List<HybridAI.Abstractions.Retrieval.TextSpan>();
            HybridAI.Generators.Text.SentenceSplitter.Split(passage.Text, spans);
            int at = 0;
            foreach (var span in spans)
            {
                string piece = passage.Text.Substring(span.Start, span.Length);
                int found = passage.Passage.Text.IndexOf(piece, at, StringComparison.Ordinal);
                Assert.True(found >= at, $"'{piece}' is not a later sentence of passage {passage.Passage.Id}");
                at = found + piece.Length;
            }
        }

        Assert.Contains(compressed.Passages, p => p.Outcome == PackingOutcome.Truncated);
    }

    [TiktokenTheory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(150)]
    [InlineData(700)]
    public void Never_exceeds_the_budget_counted_by_cl100k(int budget)
    {
        TiktokenEncoding counter = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);
        foreach (CompressionMode mode in new[] { CompressionMode.Summarize, CompressionMode.DropPassages })
        {
            var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = budget, TokenCounter = counter, Mode = mode });

            CompressedEvidence compressed = compressor.Compress(RagCorpus.RefundQuestion, RagCorpus.Ranked());

            int total = Total(compressed, counter);
            Assert.True(total <= budget, $"{mode}: {total} tokens > {budget}");
            Assert.Equal(total, compressed.TokensAfter);
        }
    }

    [Fact]
    public void The_same_input_compresses_the_same_way()
    {
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 120 });

        CompressedEvidence first = compressor.Compress(RagCorpus.RefundQuestion, RagCorpus.Ranked());
        CompressedEvidence second = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 120 }).Compress(RagCorpus.RefundQuestion, RagCorpus.Ranked());

        Assert.Equal(first.Passages, second.Passages);
    }

    [Fact]
    public void Evidence_that_fits_is_returned_whole()
    {
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 10_000 });

        CompressedEvidence compressed = compressor.Compress(Question, Mixed);

        Assert.Equal(Mixed, compressed.Evidence);
        Assert.All(compressed.Passages, p => Assert.Equal(PackingOutcome.Included, p.Outcome));
        Assert.Equal(compressed.TokensBefore, compressed.TokensAfter);
    }

    [Fact]
    public void Dropping_passages_drops_the_least_relevant_first_and_keeps_the_order()
    {
        EstimatedTokenCounter counter = EstimatedTokenCounter.Instance;
        int budget = counter.CountTokens(Mixed[0].Text) + counter.CountTokens(Mixed[2].Text);
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = budget, Mode = CompressionMode.DropPassages });

        CompressedEvidence compressed = compressor.Compress(Question, Mixed);

        Assert.Equal(["a", "c"], compressed.Evidence.Select(p => p.Id));
        Assert.Equal(Mixed[0].Text, compressed.Evidence[0].Text);
    }

    [Fact]
    public void A_french_question_with_accents_finds_french_evidence_without_them()
    {
        IReadOnlyList<EvidencePassage> evidence =
        [
            new("x", "Divers", "La cantine ferme a midi. Le parking est gratuit le dimanche."),
            new("y", "Remboursements", "Le delai de remboursement est de 5 jours ouvres. Les colis voyagent en camion."),
        ];
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 12 });

        CompressedEvidence compressed = compressor.Compress("Quel est le délai de remboursement ?", evidence);

        Assert.Equal("Le delai de remboursement est de 5 jours ouvres.", Assert.Single(compressed.Evidence).Text);
    }

    [Fact]
    public void Compressed_evidence_packs_into_the_prompt()
    {
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 80 });
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = 200 });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, compressor.Compress(RagCorpus.RefundQuestion, RagCorpus.Ranked()).Evidence);

        Assert.Empty(packed.Dropped);
        Assert.Contains("Refunds are issued to the original payment method within 5 business days.", packed.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        Assert.Equal("MaxTokens", Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = -1 })).ParamName);
        var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 5 });
        Assert.Contains("evidence[0]", Assert.Throws<ArgumentException>(() => compressor.Compress("q", [null!])).Message, StringComparison.Ordinal);
    }
}
