using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Chat;

/// <summary>
/// The retrieval-augmented prompt format shared by every chat client in a workflow, so an LLM and the
/// model-free <see cref="GroundedChatClient"/> can stand in for each other. Two messages:
/// <list type="number">
/// <item>a system message: the instructions, a blank line, a line <c>Sources:</c>, then one entry per
/// passage, <c>[n] (source) text</c>, numbered from 1 (a passage's text may run over several lines; the
/// next entry starts at a line beginning <c>[n+1] (</c>);</item>
/// <item>a user message: the question.</item>
/// </list>
/// The text is the source of truth (so masking middleware that rewrites it is honoured); passage ids,
/// which the text does not carry, ride along in the system message's
/// <see cref="ChatMessage.AdditionalProperties"/> under <see cref="EvidenceIdsProperty"/>.
/// </summary>
/// <example>
/// <code>
/// IList&lt;ChatMessage&gt; messages = EvidencePrompt.Build(ticket.Text, EvidencePassage.FromHits(hits));
/// ChatResponse response = await chatClient.GetResponseAsync(messages);
/// </code>
/// </example>
public static class EvidencePrompt
{
    /// <summary>The instructions used when none are given.</summary>
    public const string DefaultInstructions =
        "You are a customer-support assistant. Answer the customer's question using only the numbered sources below. " +
        "Cite the source of every claim with its number in brackets, like [1]. If the sources do not answer the question, " +
        "say that the knowledge base does not cover it and that an agent will follow up.";

    /// <summary>The line that opens the numbered sources.</summary>
    public const string SourcesHeading = "Sources:";

    /// <summary>Key of the passage ids (a <c>string[]</c>, one per numbered source) in the system message's additional properties.</summary>
    public const string EvidenceIdsProperty = "hybridai.evidence_ids";

    /// <summary>Builds the system and user messages for a question and its evidence.</summary>
    /// <param name="question">The customer's question or ticket text.</param>
    /// <param name="evidence">The passages to answer from, best first.</param>
    /// <param name="instructions">What the model should do; <see cref="DefaultInstructions"/> when null.</param>
    public static IList<ChatMessage> Build(string question, IEnumerable<EvidencePassage> evidence, string? instructions = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(evidence);

        var system = new System.Text.StringBuilder();
        system.Append(Head(instructions));
        var ids = new List<string>();
        int number = 0;
        foreach (EvidencePassage passage in evidence)
        {
            if (passage is null || passage.Id is null || passage.Source is null || passage.Text is null)
            {
                throw new ArgumentException($"evidence[{number}] or one of its fields is null.", nameof(evidence));
            }

            number++;
            ids.Add(passage.Id);
            AppendEntry(system, number, passage.Source, passage.Text);
        }

        var systemMessage = new ChatMessage(ChatRole.System, system.ToString())
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { [EvidenceIdsProperty] = ids.ToArray() },
        };
        return [systemMessage, new ChatMessage(ChatRole.User, question)];
    }

    /// <summary>The system message's text before any source: the instructions, a blank line and the heading.</summary>
    internal static string Head(string? instructions) => (instructions ?? DefaultInstructions).TrimEnd() + "\n\n" + SourcesHeading;

    /// <summary>Appends one numbered source exactly as <see cref="Build"/> writes it: a line break, <c>[n] (source) text</c>.</summary>
    internal static void AppendEntry(System.Text.StringBuilder system, int number, string source, string text) =>
        system.Append('\n').Append('[').Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("] (")
            .Append(SafeSource(source)).Append(") ").Append(text.Trim());

    /// <summary>Reads a conversation back: the last user message is the question, the numbered sources of the system messages are the evidence.</summary>
    internal static (string Question, List<EvidencePassage> Evidence) Parse(IEnumerable<ChatMessage> messages)
    {
        string question = string.Empty;
        List<EvidencePassage>? evidence = null;
        foreach (ChatMessage message in messages)
        {
            if (message is null)
            {
                continue;
            }

            if (message.Role == ChatRole.User)
            {
                question = message.Text;
            }
            else if (message.Role == ChatRole.System && ParseSources(message) is { Count: > 0 } found)
            {
                evidence = found;
            }
        }

        return (question, evidence ?? []);
    }

    private static List<EvidencePassage>? ParseSources(ChatMessage message)
    {
        string text = message.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = FindSources(text);
        if (start < 0)
        {
            return null;
        }

        string[]? ids = ReadIds(message);
        var passages = new List<EvidencePassage>();
        int position = start;
        while (position < text.Length && TryReadHead(text, position, passages.Count + 1, out string source, out int textStart))
        {
            int end = FindNextEntry(text, textStart, passages.Count + 2);
            int nextPosition = end;
            while (end > textStart && text[end - 1] == '\n')
            {
                end--;
            }

            string id = passages.Count < ids?.Length ? ids[passages.Count] : (passages.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            passages.Add(new EvidencePassage(id, source, text[textStart..end]));
            position = nextPosition;
        }

        // Ids that do not line up with the entries would cite the wrong passage: fall back to the numbers.
        if (ids is not null && ids.Length != passages.Count)
        {
            for (int i = 0; i < passages.Count; i++)
            {
                passages[i] = passages[i] with { Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        return passages;
    }

    // The heading counts only where the first entry follows it, so a passage mentioning "Sources:" cannot fool us.
    private static int FindSources(string text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text.IndexOf(SourcesHeading, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            int after = at + SourcesHeading.Length;
            if ((at == 0 || text[at - 1] == '\n') && after < text.Length && text[after] == '\n'
                && TryReadHead(text, after + 1, 1, out _, out _))
            {
                return after + 1;
            }

            from = after;
        }

        return -1;
    }

    private static bool TryReadHead(string text, int position, int expectedNumber, out string source, out int textStart)
    {
        source = string.Empty;
        textStart = 0;
        System.Text.RegularExpressions.Match head = TextPatterns.SourceEntryHead().Match(text, position);
        if (!head.Success || int.Parse(head.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) != expectedNumber)
        {
            return false;
        }

        // Sources may contain balanced parentheses ("Returns (EU)"): find the matching close.
        int depth = 1;
        int i = head.Index + head.Length;
        for (; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                break;
            }
        }

        if (depth != 0 || i >= text.Length || text[i] != ')')
        {
            return false;
        }

        source = text[(head.Index + head.Length)..i];
        textStart = i + 1 < text.Length && text[i + 1] == ' ' ? i + 2 : i + 1;
        return true;
    }

    private static int FindNextEntry(string text, int from, int nextNumber)
    {
        int at = from;
        while (true)
        {
            int newline = text.IndexOf('\n', at);
            if (newline < 0)
            {
                return text.Length;
            }

            if (TryReadHead(text, newline + 1, nextNumber, out _, out _))
            {
                return newline + 1;
            }

            at = newline + 1;
        }
    }

    private static string[]? ReadIds(ChatMessage message)
    {
        if (message.AdditionalProperties is null || !message.AdditionalProperties.TryGetValue(EvidenceIdsProperty, out object? value))
        {
            return null;
        }

        return value switch
        {
            string[] array => array,
            IEnumerable<string> list => [.. list],
            _ => null,
        };
    }

    // A source is one line and its parentheses must balance, or the entry could not be read back.
    private static string SafeSource(string source)
    {
        string oneLine = TextPatterns.Whitespace().Replace(source, " ").Trim();
        int depth = 0;
        foreach (char c in oneLine)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                break;
            }
        }

        return depth == 0 ? oneLine : oneLine.Replace('(', '[').Replace(')', ']');
    }
}
