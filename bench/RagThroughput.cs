using System.Globalization;
using System.Text;
using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tokenization;

namespace HybridAI.Benchmarks;

/// <summary>
/// RAG prompting without the model: passages/s packed into a prompt budget (cl100k counts when js-tiktoken's rank files
/// are fetched, and the estimate), passages/s compressed to an evidence budget, and answer sentences/s checked for
/// groundedness against the evidence of a packed prompt.
/// </summary>
internal static class RagThroughput
{
    private static readonly string[] Topics = ["refund", "shipping", "invoice", "warranty", "password", "voucher", "pickup", "loyalty"];

    public static void Run()
    {
        List<EvidencePassage> evidence = Passages(40);
        const string Question = "How long does a refund to my card take, and is shipping refunded?";

        List<(string Name, ITokenCounter Counter)> counters = [("estimate", EstimatedTokenCounter.Instance)];
        try
        {
            counters.Insert(0, ("cl100k", TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase)));
        }
        catch (FileNotFoundException)
        {
            Console.WriteLine("rag: cl100k rank file not fetched (eng/fetch-deps.sh); estimate only");
        }

        foreach ((string name, ITokenCounter counter) in counters)
        {
            var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 1500, ReservedTokens = 11, TokenCounter = counter });
            PackedPrompt sample = packer.Pack(Question, evidence);
            Rate pack = Rate.Measure(1, (_, _) => packer.Pack(Question, evidence).Passages.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rag: pack ({name}) {pack.PerCoreSecond:N0} passages/s/core into 1500 tokens ({sample.Included.Count} in, {sample.Truncated.Count} cut, {sample.Dropped.Count} dropped of {evidence.Count}; {sample.PromptTokens} tokens)"));

            var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 600, TokenCounter = counter });
            Rate compress = Rate.Measure(1, (_, _) => compressor.Compress(Question, evidence).Passages.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rag: compress ({name}) {compress.PerCoreSecond:N0} passages/s/core to 600 tokens"));
        }

        IList<Microsoft.Extensions.AI.ChatMessage> prompt = EvidencePrompt.Build(Question, evidence.Take(10));
        string answer = Answer(evidence);
        var checker = new GroundednessChecker();
        GroundednessReport report = checker.CheckAgainstPrompt(answer, prompt);
        IReadOnlyList<EvidencePassage> parsed = [.. evidence.Take(10)];
        Rate check = Rate.Measure(1, (_, _) => checker.Check(answer, parsed).Sentences.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rag: groundedness {check.PerCoreSecond:N0} sentences/s/core against 10 passages ({report.Claims} claims, {report.Flagged.Count} flagged, ratio {report.GroundedRatio:0.00})"));
    }

    private static List<EvidencePassage> Passages(int count)
    {
        var passages = new List<EvidencePassage>();
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (int s = 0; s < 4 + (i % 5); s++)
            {
                string topic = Topics[(i + s) % Topics.Length];
                text.Append(CultureInfo.InvariantCulture, $"A {topic} request of type {i}-{s} is handled within {2 + ((i + s) % 9)} business days by the {topic} desk. ");
            }

            passages.Add(new EvidencePassage($"kb-{i}", $"{Topics[i % Topics.Length]} guide {i}", text.ToString().TrimEnd()));
        }

        return passages;
    }

    // Six sentences quoted from the first passages with their markers, two made up.
    private static string Answer(List<EvidencePassage> evidence)
    {
        var answer = new StringBuilder("Hello,\n\nHere is what we found:\n");
        for (int p = 0; p < 6; p++)
        {
            string first = evidence[p].Text[..(evidence[p].Text.IndexOf(". ", StringComparison.Ordinal) + 1)];
            answer.Append(CultureInfo.InvariantCulture, $"{first[..^1]} [{p + 1}]. ");
        }

        answer.Append("Refunds are paid in cash at the airport within one hour [1]. Loyalty points double on birthdays [2].");
        return answer.ToString();
    }
}
