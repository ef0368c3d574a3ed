using System.Collections.Frozen;

namespace HybridAI.Retrieval.Querying;

/// <summary>
/// Short lists of words too common to help a keyword search (articles, pronouns, auxiliaries, prepositions), in lower
/// case. The FTS5 operator words (and, or, not, near) are on the English list, so typed operators do not act as terms.
/// </summary>
public static class KeywordStopWords
{
    /// <summary>Common English function words.</summary>
    public static IReadOnlySet<string> English { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "an", "the", "and", "or", "not", "near", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by",
        "for", "with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do",
        "does", "did", "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom",
        "how", "why", "when", "where", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "please", "hi", "hello", "thanks", "thank", "any", "some", "no", "yes", "just", "also", "very", "too",
    ]);

    /// <summary>Common French function words, with and without accents (users often omit them).</summary>
    public static IReadOnlySet<string> French { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "où", "mais", "donc", "car", "ni",
        "que", "qu", "qui", "quoi", "ce", "cet", "cette", "ces", "c", "je", "j", "tu", "il", "elle", "on", "nous",
        "vous", "ils", "elles", "me", "m", "te", "t", "se", "s", "lui", "leur", "leurs", "mon", "ma", "mes", "ton",
        "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "en", "y", "à", "a", "au", "aux", "dans",
        "par", "pour", "sur", "sous", "avec", "sans", "chez", "est", "sont", "suis", "es", "être", "etre", "été",
        "ete", "ai", "as", "avons", "avez", "ont", "avoir", "pas", "ne", "n", "plus", "très", "tres", "bonjour",
        "merci", "svp", "comment", "pourquoi", "quand", "mon", "si",
    ]);

    /// <summary>Both lists together: the default for <see cref="Sqlite.SqliteIndexOptions.StopWords"/>.</summary>
    public static IReadOnlySet<string> EnglishAndFrench { get; } = FrozenSet.Create(StringComparer.Ordinal, [.. English, .. French]);
}
