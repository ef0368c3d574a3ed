using System.Collections.Frozen;

namespace HybridAI.Generators.Text;

/// <summary>
/// English and French function words, written accent-folded and lower-cased. They carry no topic,
/// so they are dropped before scoring; the language-specific halves also let us guess a ticket's language.
/// </summary>
internal static class StopWords
{
    // Words that are common in both languages' function-word lists are kept in each list on purpose:
    // the language guess only counts the words that set one language apart (see LanguageGuess).
    private static readonly string[] EnglishWords =
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "done", "down", "during", "each", "either", "else", "ever", "every", "few", "for",
        "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of",
        "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "please",
        "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "within", "would", "yes", "yet", "you", "your", "yours", "yourself", "yourselves", "hi",
        "hello", "thanks", "thank", "dear", "regards", "im", "ive", "dont", "cant", "wont", "isnt", "doesnt",
    ];

    private static readonly string[] FrenchWords =
    [
        "a", "afin", "ai", "aie", "ainsi", "alors", "as", "au", "aucun", "aucune", "aupres", "aussi", "autre",
        "autres", "aux", "avec", "avez", "avoir", "avons", "bonjour", "bonsoir", "ce", "ceci", "cela", "celle",
        "celles", "celui", "ces", "cet", "cette", "ceux", "chez", "comme", "comment", "cordialement", "dans", "de",
        "depuis", "des", "deux", "doit", "dois", "donc", "dont", "du", "elle", "elles", "en", "encore", "entre",
        "est", "et", "etaient", "etais", "etait", "etant", "ete", "etes", "etre", "eu", "faire", "fait", "ici",
        "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "meme", "mes", "merci",
        "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "peu", "peut", "peux",
        "plus", "pour", "pourquoi", "pouvez", "puis", "quand", "que", "quel", "quelle", "quelles", "quels", "qui",
        "quoi", "sa", "sans", "se", "ses", "si", "sommes", "son", "sont", "suis", "sur", "ta", "te", "tes", "toi",
        "ton", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "vos", "votre", "vous", "vu", "svp",
        "madame", "monsieur", "salut", "vais", "vas", "va", "allez", "vont", "aller", "fais", "faut", "avais", "avait",
        "veux", "voudrais", "pourriez", "pourrais", "ya", "quelqu", "quelque", "lorsque", "ca", "qu", "c", "d", "j", "l", "m", "n", "s", "t",
    ];

    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(EnglishWords, StringComparer.Ordinal);
    private static readonly FrozenSet<string> French = FrozenSet.ToFrozenSet(FrenchWords, StringComparer.Ordinal);
    private static readonly FrozenSet<string> Either = FrozenSet.ToFrozenSet(EnglishWords.Concat(FrenchWords), StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FrenchLookup = French.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EitherLookup = Either.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a folded term is a function word in English or French.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> folded) => EitherLookup.Contains(folded);

    /// <summary>True when a folded term is an English function word.</summary>
    public static bool IsEnglish(ReadOnlySpan<char> folded) => EnglishLookup.Contains(folded);

    /// <summary>True when a folded term is a French function word.</summary>
    public static bool IsFrench(ReadOnlySpan<char> folded) => FrenchLookup.Contains(folded);
}
