namespace HybridAI.Classifiers;

/// <summary>
/// How text becomes TF-IDF features. The defaults suit short support tickets in several
/// languages with typos: words and word pairs, plus character 3- to 5-grams inside words.
/// </summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>Smallest word n-gram (1 = single words).</summary>
    public int WordNGramMin { get; init; } = 1;

    /// <summary>Largest word n-gram; 0 turns word features off.</summary>
    public int WordNGramMax { get; init; } = 2;

    /// <summary>Smallest character n-gram taken inside a word padded with spaces.</summary>
    public int CharNGramMin { get; init; } = 3;

    /// <summary>Largest character n-gram; 0 turns character features off.</summary>
    public int CharNGramMax { get; init; } = 5;

    /// <summary>Hashed buckets or a fitted vocabulary.</summary>
    public FeatureSpace FeatureSpace { get; init; } = FeatureSpace.Hashed;

    /// <summary>With <see cref="FeatureSpace.Hashed"/>: the number of buckets is 2^HashBits (1..30).</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>With <see cref="FeatureSpace.Vocabulary"/>: terms seen in fewer training texts are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    /// <summary>With <see cref="FeatureSpace.Vocabulary"/>: keep at most this many terms (most frequent first); 0 = no limit.</summary>
    public int MaxVocabularySize { get; init; }

    /// <summary>With <see cref="FeatureSpace.Hashed"/>: at most this many distinct terms are remembered during fitting to name buckets in explanations.</summary>
    public int MaxFeatureNames { get; init; } = 200_000;

    /// <summary>Use 1 + ln(tf) instead of the raw term count.</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>Weight terms by smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>Fold accents (é → e, œ → oe) so that accented and unaccented spellings share features.</summary>
    public bool FoldAccents { get; init; } = true;

    /// <summary>Lower-case the text (culture-invariant).</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        CheckRange(WordNGramMin, WordNGramMax, nameof(WordNGramMin), nameof(WordNGramMax));
        CheckRange(CharNGramMin, CharNGramMax, nameof(CharNGramMin), nameof(CharNGramMax));
        if (WordNGramMax == 0 && CharNGramMax == 0)
        {
            throw new ArgumentException("Both WordNGramMax and CharNGramMax are 0: the featurizer would produce no features.");
        }

        if (!Enum.IsDefined(FeatureSpace))
        {
            throw new ArgumentException($"FeatureSpace {(int)FeatureSpace} is not a known value.");
        }

        if (HashBits is < 1 or > 30)
        {
            throw new ArgumentException($"HashBits must be in 1..30 but is {HashBits}.");
        }

        if (MinDocumentFrequency < 1)
        {
            throw new ArgumentException($"MinDocumentFrequency must be at least 1 but is {MinDocumentFrequency}.");
        }

        if (MaxVocabularySize < 0)
        {
            throw new ArgumentException($"MaxVocabularySize must be 0 (no limit) or positive but is {MaxVocabularySize}.");
        }

        if (MaxFeatureNames < 0)
        {
            throw new ArgumentException($"MaxFeatureNames must not be negative but is {MaxFeatureNames}.");
        }
    }

    private static void CheckRange(int min, int max, string minName, string maxName)
    {
        if (max == 0)
        {
            return;
        }

        if (min < 1 || max < min)
        {
            throw new ArgumentException($"{minName} must be at least 1 and at most {maxName} ({minName} = {min}, {maxName} = {max}).");
        }
    }
}
