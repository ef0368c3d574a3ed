using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Onnx;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class TextExportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    /// <summary>A featurizer ONNX can run end to end: a word 1-2 gram vocabulary, lower-cased, accents kept.</summary>
    private static readonly TextFeaturizerOptions Words = new()
    {
        FeatureSpace = FeatureSpace.Vocabulary,
        CharNGramMax = 0,
        FoldAccents = false,
    };

    [OnnxRuntimeTheory]
    [InlineData(TextClassifierAlgorithm.LogisticRegression)]
    [InlineData(TextClassifierAlgorithm.NaiveBayes)]
    public void The_feature_vector_graph_scores_every_ticket_like_the_default_model(TextClassifierAlgorithm algorithm)
    {
        // Defaults: hashed words and character n-grams with accent folding, which only this form can export.
        var model = TextClassifier.Train(ScenarioTickets.Train, new TextClassifierTrainingOptions { Algorithm = algorithm });
        Assert.False(OnnxExporter.CanExportEndToEnd(model, out _));
        using var onnx = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
        var texts = AllTexts();
        var ort = new List<Classification>(texts.Length);

        // 2^18 dense floats are 1 MiB a row, so score in small batches.
        foreach (var batch in texts.Chunk(16))
        {
            ort.AddRange(onnx.Classify([.. batch.Select(t => Dense(model.Featurizer.Transform(t)))]));
        }

        var delta = MaxDifference(model, texts, ort);
        output.WriteLine($"tickets feature-vector {algorithm}: max |Δp| = {delta:E2} over {texts.Length} rows");
        Assert.True(delta <= Tolerance, $"{algorithm}: max |Δp| {delta:E2} > {Tolerance}");
    }

    [OnnxRuntimeTheory]
    [InlineData(TextClassifierAlgorithm.LogisticRegression)]
    [InlineData(TextClassifierAlgorithm.NaiveBayes)]
    public void The_end_to_end_graph_scores_every_raw_ticket_like_the_model(TextClassifierAlgorithm algorithm)
    {
        var model = TextClassifier.Train(ScenarioTickets.Train, new TextClassifierTrainingOptions { Algorithm = algorithm, Featurizer = Words });
        Assert.True(OnnxExporter.CanExportEndToEnd(model, out var reason), reason);
        var texts = AllTexts();

        using var endToEnd = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
        var delta = MaxDifference(model, texts, endToEnd.ClassifyTexts(texts));
        output.WriteLine($"tickets end-to-end {algorithm}: max |Δp| = {delta:E2} over {texts.Length} rows");
        Assert.True(delta <= Tolerance, $"{algorithm} end to end: max |Δp| {delta:E2} > {Tolerance}");

        using var vector = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
        var vectorDelta = MaxDifference(model, texts, vector.Classify([.. texts.Select(t => Dense(model.Featurizer.Transform(t)))]));
        output.WriteLine($"tickets feature-vector (vocabulary) {algorithm}: max |Δp| = {vectorDelta:E2}");
        Assert.True(vectorDelta <= Tolerance, $"{algorithm} feature vector: max |Δp| {vectorDelta:E2} > {Tolerance}");
    }

    [OnnxRuntimeFact]
    public void A_temperature_calibrated_model_exports_its_calibrated_probabilities()
    {
        var raw = TextClassifier.Train(ScenarioTickets.Train, new TextClassifierTrainingOptions { Featurizer = Words });
        var texts = AllTexts();
        foreach (var temperature in new[] { 0.6, 1.7 })
        {
            var model = raw.WithTemperature(temperature);
            using var onnx = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
            var ort = onnx.ClassifyTexts(texts);
            var delta = MaxDifference(model, texts, ort);
            output.WriteLine($"tickets end-to-end, T = {temperature}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"T = {temperature}: max |Δp| {delta:E2} > {Tolerance}");

            // The graph must really carry T: the uncalibrated model's confidence differs on the first ticket.
            Assert.True(Math.Abs(raw.Classify(texts[0]).Confidence - ort[0].Confidence) > 1e-3, $"T = {temperature} left no trace in the graph");
        }
    }

    [OnnxRuntimeFact]
    public void The_end_to_end_graph_tokenizes_and_weights_awkward_texts_like_the_featurizer()
    {
        // "istanbul" enters the vocabulary, so ONNX Runtime lower-casing "İstanbul" to it would show.
        var model = TextClassifier.Train([.. ScenarioTickets.Train, ("parcel stuck in istanbul", "shipping-delivery")], new TextClassifierTrainingOptions
        {
            Featurizer = Words with { WordNGramMin = 1, WordNGramMax = 3, SublinearTf = true },
        });
        string[] texts =
        [
            "", "   ", "!!! ???", "refund refund refund refund", "REFUND my ORDER, please!!",
            "Écran blanc après la connexion", "l'application\tplante\nau démarrage", "erreur_500 / code-42 #1",
            "ÀÉÎÕÜ Ça marche? œuvre ß İstanbul parcel İSTANBUL", "数据 隐私 请求", "emoji 🙂 between 🙂 words", "x",
        ];
        using var onnx = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
        var delta = MaxDifference(model, texts, onnx.ClassifyTexts(texts));
        output.WriteLine($"awkward texts: max |Δp| = {delta:E2}");
        Assert.True(delta <= Tolerance, $"max |Δp| {delta:E2} > {Tolerance}");

        // A batch in which no text has a single token.
        string[] empty = ["", "?!", " "];
        Assert.True(MaxDifference(model, empty, onnx.ClassifyTexts(empty)) <= Tolerance);
    }

    [OnnxRuntimeFact]
    public void Raw_counts_without_idf_case_kept_and_word_pairs_only_score_alike()
    {
        var model = TextClassifier.Train(ScenarioTickets.Train, new TextClassifierTrainingOptions
        {
            Featurizer = Words with { WordNGramMin = 2, WordNGramMax = 2, SublinearTf = false, UseIdf = false, Lowercase = false },
        });
        var texts = AllTexts();
        using var onnx = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
        var delta = MaxDifference(model, texts, onnx.ClassifyTexts(texts));
        output.WriteLine($"tickets end-to-end, raw tf, no idf, case kept, 2-grams only: max |Δp| = {delta:E2}");
        Assert.True(delta <= Tolerance, $"max |Δp| {delta:E2} > {Tolerance}");
    }

    [OnnxRuntimeFact]
    public void Onnx_runtime_tokenizes_and_lower_cases_every_basic_plane_character_as_dotnet_does_but_one()
    {
        // Every UTF-16 code unit but NUL (a C string's end) and surrogates (not text on their own), in order.
        var all = new string([.. Enumerable.Range(1, char.MaxValue).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c)]);
        var model = new OnnxModelBuilder("lower_tokens")
            .ImportOpset(string.Empty, 20)
            .ImportOpset("com.microsoft", 1)
            .Input("x", TypeProto.Tensor(OnnxElementType.String, 1))
            .Node("StringNormalizer", ["x"], ["lower"], attributes: [AttributeProto.FromString("case_change_action", "LOWER"), AttributeProto.FromInt("is_case_sensitive", 1)])
            .Node("Tokenizer", ["x"], ["tokens"], "com.microsoft", attributes:
            [
                AttributeProto.FromString("tokenexp", TextFeaturizerGraph.TokenPattern),
                AttributeProto.FromInt("mark", 0),
                AttributeProto.FromInt("mincharnum", 1),
                AttributeProto.FromString("pad_value", "#"),
            ])
            .Output("lower", TypeProto.Tensor(OnnxElementType.String, 1))
            .Output("tokens", TypeProto.Tensor(OnnxElementType.String, 1, "T"))
            .Build()
            .ToByteArray();
        using var session = OnnxSession.FromBytes(model);
        using var input = OnnxTensor.CreateStrings([all], 1);
        using var result = session.Run(new Dictionary<string, OnnxTensor> { ["x"] = input });

        // Tokens: the same runs of letters and digits.
        var tokens = result["tokens"].ToArray<string>();
        var expectedTokens = all.Split([.. all.Where(c => !char.IsLetterOrDigit(c))], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedTokens, tokens);

        // Lower case: the same character everywhere except 'İ', which the graph handles on its own.
        var lower = result["lower"].ToArray<string>()[0];
        var expectedLower = new string([.. all.Select(char.ToLowerInvariant)]);
        Assert.Equal(expectedLower.Length, lower.Length);
        var differences = Enumerable.Range(0, lower.Length).Where(i => lower[i] != expectedLower[i]).Select(i => $"U+{(int)all[i]:X4}").ToArray();
        Assert.Equal(["U+0130"], differences);

        // Lower-casing keeps letters and digits letters and digits, so tokenizing first, as the graph does, is safe.
        Assert.All(all, c => Assert.Equal(char.IsLetterOrDigit(c), char.IsLetterOrDigit(char.ToLowerInvariant(c))));
    }

    [Fact]
    public void Settings_onnx_cannot_express_are_refused_by_name()
    {
        var examples = ScenarioTickets.Train.Take(80);
        string[] settings = ["FeatureSpace", "CharNGramMax", "FoldAccents", "Lowercase"];
        TextFeaturizerOptions[] options = [Words with { FeatureSpace = FeatureSpace.Hashed }, Words with { CharNGramMax = 4 }, Words with { FoldAccents = true }, Words];
        for (var i = 0; i < settings.Length; i++)
        {
            // The last: lower-cased, but the vocabulary keeps an 'İ' that ONNX Runtime would turn into 'i'.
            var model = TextClassifier.Train([.. examples, ("İzmir parcel", "shipping-delivery")], new TextClassifierTrainingOptions { Featurizer = options[i] });
            var e = Assert.Throws<NotSupportedException>(() => OnnxExporter.ExportEndToEnd(model));
            Assert.Contains("TextFeaturizerOptions." + settings[i], e.Message, StringComparison.Ordinal);
            Assert.False(OnnxExporter.CanExportEndToEnd(model, out var reason));
            Assert.Equal(e.Message, reason);
            Assert.NotEmpty(OnnxExporter.Export(model));
        }
    }

    [OnnxRuntimeFact]
    public void A_feature_vector_graph_given_texts_says_it_expects_a_featurized_vector()
    {
        var model = TextClassifier.Train(ScenarioTickets.Train.Take(80), new TextClassifierTrainingOptions { Featurizer = Words });
        using var onnx = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
        var e = Assert.Throws<InvalidOperationException>(() => onnx.ClassifyTexts(["refund please"]));
        Assert.Contains("featurized vector", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'features' float [N, {model.Featurizer.Dimension}]", e.Message, StringComparison.Ordinal);
    }

    private static string[] AllTexts() => [.. ScenarioTickets.Train.Concat(ScenarioTickets.Golden).Select(t => t.Text)];

    private static float[] Dense(SparseVector x)
    {
        var dense = new float[x.Dimension];
        for (var i = 0; i < x.Indices.Length; i++)
        {
            dense[x.Indices[i]] = (float)x.Values[i];
        }

        return dense;
    }

    /// <summary>Largest |p_ort − p_ours| over every text and label; labels must match unless the top two nearly tie.</summary>
    private static double MaxDifference(TextClassifier model, string[] texts, IReadOnlyList<Classification> ort)
    {
        Assert.Equal(texts.Length, ort.Count);
        double worst = 0;
        for (var r = 0; r < texts.Length; r++)
        {
            var ours = model.Classify(texts[r], 0);
            for (var c = 0; c < ours.Probabilities.Count; c++)
            {
                worst = Math.Max(worst, Math.Abs(ours.Probabilities[c] - ort[r].Probabilities[c]));
            }

            var sorted = ours.Probabilities.OrderDescending().ToArray();
            if (sorted[0] - sorted[1] > 1e-5)
            {
                Assert.Equal(ours.Label, ort[r].Label);
            }
        }

        return worst;
    }
}
