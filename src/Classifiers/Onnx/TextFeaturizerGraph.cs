using System.Globalization;
using System.Text;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// A word n-gram vocabulary <see cref="TextFeaturizer"/> as ONNX nodes: StringNormalizer (lower case), the
/// com.microsoft Tokenizer keeping runs of letters and digits, TfIdfVectorizer counting the vocabulary's n-grams,
/// then 1 + ln(tf), × idf and L2 normalisation as arithmetic — the same vector <see cref="TextFeaturizer.Transform"/> gives.
/// </summary>
internal static class TextFeaturizerGraph
{
    /// <summary>The domain of ONNX Runtime's own operators (Tokenizer).</summary>
    public const string MicrosoftDomain = "com.microsoft";

    // Never a token (tokens are letters and digits only), so an n-gram reaching into the padding matches nothing.
    private const string Padding = "#";

    private static readonly Lazy<string> Pattern = new(LetterOrDigitRuns);

    /// <summary>The Tokenizer's regular expression: runs of the characters <see cref="char.IsLetterOrDigit(char)"/> accepts.</summary>
    internal static string TokenPattern => Pattern.Value;

    /// <summary>The ai.onnx opset an end-to-end text graph needs (RegexFullMatch).</summary>
    public const long Opset = 20;

    // 'İ': the one Basic Multilingual Plane character whose lower case differs between .NET (kept) and ONNX Runtime ('i').
    private const char DottedCapitalI = '\u0130';

    /// <summary>Why <paramref name="featurizer"/> cannot run inside ONNX, naming the setting; null when it can.</summary>
    public static string? Obstacle(TextFeaturizer featurizer)
    {
        var options = featurizer.Options;
        if (options.FeatureSpace != FeatureSpace.Vocabulary)
        {
            return $"TextFeaturizerOptions.FeatureSpace is {options.FeatureSpace}: ONNX has no operator for HybridAI's term hash. Train with FeatureSpace.Vocabulary, or export the feature-vector graph (OnnxExporter.Export).";
        }

        if (options.CharNGramMax > 0)
        {
            return $"TextFeaturizerOptions.CharNGramMax is {options.CharNGramMax}: ONNX cannot cut character n-grams inside padded words. Train with CharNGramMax = 0, or export the feature-vector graph (OnnxExporter.Export).";
        }

        if (options.FoldAccents)
        {
            return "TextFeaturizerOptions.FoldAccents is on: ONNX has no Unicode decomposition to strip accents. Train with FoldAccents = false, or export the feature-vector graph (OnnxExporter.Export).";
        }

        if (featurizer.Vocabulary!.Count == 0)
        {
            return "The fitted vocabulary is empty (TextFeaturizerOptions.MinDocumentFrequency or MaxVocabularySize left no term), and TfIdfVectorizer needs at least one n-gram. Export the feature-vector graph (OnnxExporter.Export).";
        }

        if (options.Lowercase && featurizer.Vocabulary.Any(t => t.Contains(DottedCapitalI, StringComparison.Ordinal)))
        {
            return "TextFeaturizerOptions.Lowercase is on and the vocabulary holds a term with 'İ' (U+0130), which ONNX Runtime lower-cases to 'i' but .NET keeps. Export the feature-vector graph (OnnxExporter.Export).";
        }

        return null;
    }

    /// <summary>Adds the string input <paramref name="input"/> [N] and nodes writing the TF-IDF vectors, float [N, D], to <paramref name="output"/>.</summary>
    public static void Add(OnnxModelBuilder builder, TextFeaturizer featurizer, string input, string output)
    {
        var options = featurizer.Options;
        var vocabulary = featurizer.Vocabulary!;
        const string p = OnnxExporter.Internal.Prefix + "text.";
        builder.ImportOpset(MicrosoftDomain, 1).Input(input, TypeProto.Tensor(OnnxElementType.String, "N"));

        var (pool, counts, indexes) = Pool(vocabulary, options.WordNGramMax);
        builder.Node(
            "Tokenizer",
            [input],
            [p + "raw_tokens"],
            MicrosoftDomain,
            attributes:
            [
                AttributeProto.FromString("tokenexp", TokenPattern),
                AttributeProto.FromInt("mark", 0),
                AttributeProto.FromInt("mincharnum", 1),
                AttributeProto.FromString("pad_value", Padding),
            ]);
        // One padding column more: a batch in which no text has a token still gets [N, 1], not [N, 0] (StringNormalizer
        // rejects an empty tensor). RegexFullMatch of "(?s).*" is just a true per row to broadcast the padding over.
        builder
            .Initializer(OnnxTensorData.FromStrings(p + "padding", [1], [Padding]))
            .Initializer(OnnxTensorData.FromValues<long>(p + "column_axis", [1], [1]))
            .Node("RegexFullMatch", [input], [p + "row"], attributes: AttributeProto.FromString("pattern", "(?s).*"))
            .Node("Unsqueeze", [p + "row", p + "column_axis"], [p + "row_column"])
            .Node("Where", [p + "row_column", p + "padding", p + "padding"], [p + "padding_column"])
            .Node("Concat", [p + "raw_tokens", p + "padding_column"], [p + "padded_tokens"], attributes: AttributeProto.FromInt("axis", 1));
        var tokens = p + "padded_tokens";
        if (options.Lowercase)
        {
            AddLowercase(builder, tokens, p + "tokens");
            tokens = p + "tokens";
        }

        builder
            .Node(
                "TfIdfVectorizer",
                [tokens],
                [p + "tf"],
                attributes:
                [
                    AttributeProto.FromString("mode", "TF"),
                    AttributeProto.FromInt("min_gram_length", options.WordNGramMin),
                    AttributeProto.FromInt("max_gram_length", options.WordNGramMax),
                    AttributeProto.FromInt("max_skip_count", 0),
                    AttributeProto.FromInts("ngram_counts", counts),
                    AttributeProto.FromInts("ngram_indexes", indexes),
                    AttributeProto.FromStrings("pool_strings", pool),
                ]);

        var weighted = p + "tf";
        if (options.SublinearTf)
        {
            // 1 + ln(tf) where the term occurs, 0 elsewhere (ln 0 = −∞ is masked out, never summed).
            builder
                .Initializer(OnnxTensorData.FromValues<float>(p + "zero", [1], [0f]))
                .Initializer(OnnxTensorData.FromValues<float>(p + "one", [1], [1f]))
                .Node("Greater", [p + "tf", p + "zero"], [p + "present"])
                .Node("Log", [p + "tf"], [p + "log_tf"])
                .Node("Add", [p + "log_tf", p + "one"], [p + "sublinear"])
                .Node("Where", [p + "present", p + "sublinear", p + "zero"], [p + "tf_weight"]);
            weighted = p + "tf_weight";
        }

        if (options.UseIdf)
        {
            var idf = new float[featurizer.Dimension];
            for (var i = 0; i < idf.Length; i++)
            {
                idf[i] = (float)featurizer.Idf[i];
            }

            builder
                .Initializer(OnnxTensorData.FromValues<float>(p + "idf", [idf.Length], idf))
                .Node("Mul", [weighted, p + "idf"], [p + "tfidf"]);
            weighted = p + "tfidf";
        }

        // A text with no known term stays all zeros, as in TextFeaturizer: the floor only avoids 0 / 0.
        builder
            .Initializer(OnnxTensorData.FromValues<float>(p + "tiny", [1], [float.Epsilon]))
            .Initializer(OnnxTensorData.FromValues<long>(p + "row_axis", [1], [1]))
            .Node("ReduceSumSquare", [weighted, p + "row_axis"], [p + "squares"], attributes: AttributeProto.FromInt("keepdims", 1))
            .Node("Sqrt", [p + "squares"], [p + "norm"])
            .Node("Max", [p + "norm", p + "tiny"], [p + "divisor"])
            .Node("Div", [weighted, p + "divisor"], [output]);
    }

    /// <summary>
    /// Lower-cases tokens [N, T] as <see cref="char.ToLowerInvariant(char)"/> does. StringNormalizer takes one dimension,
    /// hence the reshapes; ONNX Runtime lower-cases 'İ' to 'i' where .NET keeps it, so a token holding it becomes the
    /// padding, which matches no term — as in .NET, where the vocabulary (checked by <see cref="Obstacle"/>) has no 'İ'.
    /// Tokenizing before lower-casing gives the same tokens: lower-casing maps letters and digits to letters and digits.
    /// </summary>
    private static void AddLowercase(OnnxModelBuilder builder, string tokens, string output)
    {
        const string p = OnnxExporter.Internal.Prefix + "text.";
        builder
            .Initializer(OnnxTensorData.FromValues<long>(p + "flat", [1], [-1]))
            .Node("Shape", [tokens], [p + "token_shape"])
            .Node("Reshape", [tokens, p + "flat"], [p + "flat_tokens"])
            .Node("StringNormalizer", [p + "flat_tokens"], [p + "flat_lower"], attributes: [AttributeProto.FromString("case_change_action", "LOWER"), AttributeProto.FromInt("is_case_sensitive", 1)])
            .Node("Reshape", [p + "flat_lower", p + "token_shape"], [p + "lower"])
            .Node("RegexFullMatch", [tokens], [p + "dotted_i"], attributes: AttributeProto.FromString("pattern", ".*\\x{130}.*"))
            .Node("Where", [p + "dotted_i", p + "padding", p + "lower"], [output]);
    }

    /// <summary>
    /// The vocabulary as TfIdfVectorizer's pool: every 1-gram's tokens, then every 2-gram's…, with the start of each
    /// length in <c>counts</c> and each n-gram's output column (its vocabulary index) in <c>indexes</c>.
    /// </summary>
    private static (string[] Pool, long[] Counts, long[] Indexes) Pool(IReadOnlyList<string> vocabulary, int maxN)
    {
        var byLength = new List<(string[] Tokens, int Index)>[maxN];
        for (var n = 0; n < maxN; n++)
        {
            byLength[n] = [];
        }

        for (var i = 0; i < vocabulary.Count; i++)
        {
            // Tokens hold no spaces, so the space that joined an n-gram's tokens splits them again.
            var tokens = vocabulary[i][TermEnumerator.WordPrefix.Length..].Split(' ');
            byLength[tokens.Length - 1].Add((tokens, i));
        }

        var pool = new List<string>();
        var counts = new long[maxN];
        var indexes = new List<long>(vocabulary.Count);
        for (var n = 0; n < maxN; n++)
        {
            counts[n] = pool.Count;
            foreach (var (tokens, index) in byLength[n])
            {
                pool.AddRange(tokens);
                indexes.Add(index);
            }
        }

        return ([.. pool], counts, [.. indexes]);
    }

    /// <summary>
    /// A regular expression (RE2) matching runs of exactly the UTF-16 characters <see cref="char.IsLetterOrDigit(char)"/>
    /// accepts, listed as code-point ranges so ONNX Runtime tokenizes with .NET's Unicode tables, not its own; letters
    /// outside the Basic Multilingual Plane are left out, as they are surrogate pairs to TermEnumerator.
    /// </summary>
    private static string LetterOrDigitRuns()
    {
        var pattern = new StringBuilder("[");
        var c = 0;
        while (c <= char.MaxValue)
        {
            if (!char.IsLetterOrDigit((char)c))
            {
                c++;
                continue;
            }

            var start = c;
            while (c + 1 <= char.MaxValue && char.IsLetterOrDigit((char)(c + 1)))
            {
                c++;
            }

            pattern.Append(CultureInfo.InvariantCulture, $"\\x{{{start:X}}}");
            if (c > start)
            {
                pattern.Append(CultureInfo.InvariantCulture, $"-\\x{{{c:X}}}");
            }

            c++;
        }

        return pattern.Append("]+").ToString();
    }
}
