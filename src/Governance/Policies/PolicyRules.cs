using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Policies.Rules;

namespace HybridAI.Governance.Policies;

/// <summary>The built-in policy rules.</summary>
public static class PolicyRules
{
    /// <summary>Forbidden words or phrases: whole words, case- and accent-insensitive ("merde" also matches "Merde").</summary>
    /// <param name="words">The words and phrases.</param>
    /// <param name="name">The rule's name on violations.</param>
    public static IPolicyRule ForbiddenWords(IEnumerable<string> words, string name = "forbidden-words")
    {
        ArgumentNullException.ThrowIfNull(words);
        return new KeywordRule(name, words.Select(w => (w, "forbidden-word")));
    }

    /// <summary>Forbidden topics, each a set of keywords (whole words, case- and accent-insensitive); the category is <c>topic:NAME</c>.</summary>
    /// <param name="topics">Topic name to its keywords, e.g. <c>{"weapons": ["rifle", "fusil", "ammunition"]}</c>.</param>
    /// <param name="name">The rule's name on violations.</param>
    public static IPolicyRule Topics(IReadOnlyDictionary<string, IReadOnlyList<string>> topics, string name = "forbidden-topics")
    {
        ArgumentNullException.ThrowIfNull(topics);
        return new KeywordRule(name, topics.SelectMany(t => t.Value.Select(w => (w, "topic:" + t.Key))));
    }

    /// <summary>Prompt-injection heuristics (English and French, invisible and encoded payloads); see the remarks of the rule.</summary>
    public static IPolicyRule PromptInjection() => new PromptInjectionRule();

    /// <summary>Output that repeats <paramref name="window"/> or more consecutive words of the system prompt.</summary>
    public static IPolicyRule SystemPromptLeak(string systemPrompt, int window = 8) => new SystemPromptLeakRule(systemPrompt, window);

    /// <summary>Personal data (all types, or only <paramref name="types"/>); the category is the PII type.</summary>
    public static IPolicyRule Pii(IPiiDetector detector, IEnumerable<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return new PiiPolicyRule(detector, types is null ? null : new HashSet<string>(types, StringComparer.Ordinal));
    }
}
