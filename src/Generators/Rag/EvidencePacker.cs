using System.Text;
using HybridAI.Abstractions.Generation;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Packs ranked evidence into an <see cref="EvidencePrompt"/> that fits a token budget: passages go in best first,
/// numbered <c>[1]</c>, <c>[2]</c>… in the order they went in; one that no longer fits whole is cut at a sentence
/// boundary or dropped (<see cref="EvidencePackingOptions.Overflow"/>), and later, shorter passages may still fill the
/// room left. The finished prompt is counted again as a whole, so the budget holds for the counter given even where
/// a tokenizer merges across the joins. The format is <see cref="EvidencePrompt"/>'s, so an LLM and
/// <see cref="GroundedChatClient"/> read the same prompt. Deterministic and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var packer = new EvidencePacker(new EvidencePackingOptions
/// {
///     MaxPromptTokens = 3000,
///     ReservedTokens = 11,
///     TokenCounter = TiktokenEncoding.ForModel("gpt-4o"),
/// });
/// PackedPrompt packed = packer.Pack("How long does a refund take?", EvidencePassage.FromHits(hits));
/// ChatResponse answer = await chatClient.GetResponseAsync(packed.Messages);
/// Console.WriteLine($"{packed.Included.Count} sources, {packed.Dropped.Count} dropped, {packed.PromptTokens} tokens");
/// </code>
/// </example>
public sealed class EvidencePacker
{
    /// <summary>Creates a packer; options are validated now.</summary>
    /// <param name="options">The budget and layout.</param>
    /// <exception cref="ArgumentException">No budget is set or a value is out of range; the message names it.</exception>
    public EvidencePacker(EvidencePackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The budget and layout this packer uses.</summary>
    public EvidencePackingOptions Options { get; }

    /// <summary>Packs <paramref name="evidence"/> (best first) for <paramref name="question"/> into the budget.</summary>
    /// <param name="question">The question or ticket text: the user message.</param>
    /// <param name="evidence">The passages, ranked best first.</param>
    /// <exception cref="ArgumentException">A passage or one of its fields is null; the message gives its index.</exception>
    /// <exception cref="PromptBudgetExceededException">The instructions and the question alone exceed <see cref="EvidencePackingOptions.MaxPromptTokens"/>.</exception>
    public PackedPrompt Pack(string question, IReadOnlyList<EvidencePassage> evidence)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(evidence);
        EvidenceChecks.Validate(evidence);

        ITokenCounter counter = Options.Counter;
        string head = EvidencePrompt.Head(Options.Instructions);
        int headTokens = counter.CountTokens(head);
        int questionTokens = counter.CountTokens(question);
        long fixedTokens = (long)headTokens + questionTokens + Options.ReservedTokens;
        if (Options.MaxPromptTokens is int maxPrompt && fixedTokens > maxPrompt)
        {
            throw new PromptBudgetExceededException(maxPrompt, (int)Math.Min(int.MaxValue, fixedTokens), headTokens, questionTokens, Options.ReservedTokens);
        }

        long promptRoom = Options.MaxPromptTokens is int p ? p - fixedTokens : long.MaxValue;
        long evidenceRoom = Options.MaxEvidenceTokens ?? long.MaxValue;
        long room = Math.Min(promptRoom, evidenceRoom);

        var passages = new PackedPassage[evidence.Count];
        var entry = new StringBuilder();
        var sentences = new List<TextSpan>();
        int number = 0;
        for (int rank = 0; rank < evidence.Count; rank++)
        {
            EvidencePassage passage = evidence[rank];
            string text = passage.Text.Trim();
            int cost = EntryTokens(entry, number + 1, passage.Source, text);
            if (text.Length > 0 && cost <= room)
            {
                passages[rank] = new PackedPassage(rank, passage, PackingOutcome.Included, ++number, text, cost);
                room -= cost;
            }
            else if (text.Length > 0 && Options.Overflow == PassageOverflow.CutAtSentence && LongestFittingPrefix(entry, sentences, number + 1, passage.Source, text, room) is (string prefix, int prefixCost))
            {
                passages[rank] = new PackedPassage(rank, passage, PackingOutcome.Truncated, ++number, prefix, prefixCost);
                room -= prefixCost;
            }
            else
            {
                passages[rank] = Dropped(rank, passage);
            }
        }

        // Counted piece by piece the entries fit; counted as one text a tokenizer may join pieces differently.
        // Give up the last entry until the whole prompt fits as counted.
        while (true)
        {
            IList<Microsoft.Extensions.AI.ChatMessage> messages = EvidencePrompt.Build(question, Kept(passages), Options.Instructions);
            string system = messages[0].Text;
            int evidenceTokens = counter.CountTokens(system[head.Length..]);
            long promptTokens = (long)counter.CountTokens(system) + questionTokens + Options.ReservedTokens;
            bool fits = promptTokens <= (Options.MaxPromptTokens ?? long.MaxValue) && evidenceTokens <= (Options.MaxEvidenceTokens ?? long.MaxValue);
            int last = Array.FindLastIndex(passages, x => x.Outcome != PackingOutcome.Dropped);
            if (fits || last < 0)
            {
                return new PackedPrompt(messages, passages, (int)Math.Min(int.MaxValue, promptTokens), evidenceTokens, Options.MaxPromptTokens, Options.MaxEvidenceTokens);
            }

            passages[last] = Dropped(last, passages[last].Passage);
        }
    }

    private static PackedPassage Dropped(int rank, EvidencePassage passage) => new(rank, passage, PackingOutcome.Dropped, null, string.Empty, 0);

    private static IEnumerable<EvidencePassage> Kept(PackedPassage[] passages)
    {
        foreach (PackedPassage passage in passages)
        {
            if (passage.Outcome != PackingOutcome.Dropped)
            {
                yield return passage.Passage with { Text = passage.Text };
            }
        }
    }

    private int EntryTokens(StringBuilder entry, int number, string source, string text)
    {
        entry.Clear();
        EvidencePrompt.AppendEntry(entry, number, source, text);
        return Options.Counter.CountTokens(entry.ToString());
    }

    // The most leading sentences whose entry fits: a binary search, as an entry only grows with each sentence.
    private (string Text, int Tokens)? LongestFittingPrefix(StringBuilder entry, List<TextSpan> sentences, int number, string source, string text, long room)
    {
        sentences.Clear();
        SentenceSplitter.Split(text, sentences);
        int low = 1, high = sentences.Count - 1; // all sentences is the whole passage, which did not fit
        (string Text, int Tokens)? best = null;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            TextSpan last = sentences[middle - 1];
            string prefix = text[..(last.Start + last.Length)];
            int cost = EntryTokens(entry, number, source, prefix);
            if (cost <= room)
            {
                best = (prefix, cost);
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }
}
