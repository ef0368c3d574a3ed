namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// Trains a <see cref="NameTagger"/> with the averaged perceptron: greedy decoding as at run time, an update wherever
/// the predicted tag differs from the gold one, and weights averaged over every step (lazily, by timestamps).
/// Deterministic: same texts, gazetteer, epochs and seed give the same bytes.
/// </summary>
internal static class NameTaggerTraining
{
    public const int DefaultEpochs = 8;
    public const int DefaultTexts = 20000;
    public const ulong DefaultSeed = 20240611;

    /// <summary>Trains the built-in model from <see cref="TrainingText"/> (what eng/pii-data/TrainNames writes).</summary>
    public static NameTagger TrainDefault() =>
        Train(TrainingText.Generate(DefaultTexts, DefaultSeed), TrainingText.LearningGazetteer(), DefaultEpochs, DefaultSeed);

    public static NameTagger Train(IReadOnlyList<LabelledText> texts, Gazetteer gazetteer, int epochs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var size = (1 << TokenFeatures.BucketBits) * NameTags.Count;
        var weights = new float[size];
        var totals = new double[size];
        var stamps = new int[size];
        var step = 1;
        var order = Enumerable.Range(0, texts.Count).ToArray();
        var state = seed;
        Span<int> features = stackalloc int[TokenFeatures.Max];
        Span<float> scores = stackalloc float[NameTags.Count];
        var gold = new byte[256];
        using var tagged = new TaggedText();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Shuffle(order, ref state);
            foreach (var index in order)
            {
                var sample = texts[index];
                tagged.Prepare(sample.Text, gazetteer);
                if (gold.Length < tagged.Count)
                    gold = new byte[tagged.Count * 2];
                GoldTags(sample, tagged.Tokens, gold);
                int previous = NameTags.O, previous2 = NameTags.O;
                for (var i = 0; i < tagged.Count; i++)
                {
                    byte guess = NameTags.O;
                    if (NameTagger.IsCandidate(tagged.Tokens[i], tagged.Hashes[i], previous))
                    {
                        var n = TokenFeatures.Extract(sample.Text, tagged, i, previous, previous2, features);
                        NameTagger.Score(weights, features[..n], scores);
                        guess = NameTagger.Best(scores, previous).Tag;
                        if (guess != gold[i])
                        {
                            foreach (var f in features[..n])
                            {
                                Update(f * NameTags.Count + gold[i], 1f);
                                Update(f * NameTags.Count + guess, -1f);
                            }
                        }
                        step++;
                    }
                    previous2 = previous;
                    previous = guess;
                }
            }
        }
        for (var i = 0; i < size; i++)
            weights[i] = (float)((totals[i] + (step - stamps[i]) * (double)weights[i]) / step);
        var rounded = new NameTagger(weights, 1f).Rounded();
        return new NameTagger(rounded.Weights, MedianMargin(rounded, texts, gazetteer));

        void Update(int i, float delta)
        {
            totals[i] += (step - stamps[i]) * (double)weights[i];
            stamps[i] = step;
            weights[i] += delta;
        }
    }

    /// <summary>The gold BIO tag of each token: B on an entity's first token, I on the others, O elsewhere.</summary>
    public static void GoldTags(LabelledText sample, ReadOnlySpan<NameToken> tokens, Span<byte> gold)
    {
        gold[..tokens.Length].Clear();
        foreach (var e in sample.Entities)
        {
            var first = true;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Start >= e.Start && tokens[i].End <= e.Start + e.Length)
                {
                    gold[i] = first ? NameTags.Begin(e.Kind) : NameTags.Inside(e.Kind);
                    first = false;
                }
            }
        }
    }

    private static float MedianMargin(NameTagger model, IReadOnlyList<LabelledText> texts, Gazetteer gazetteer)
    {
        var margins = new List<float>();
        using var tagged = new TaggedText();
        for (var k = 0; k < texts.Count; k += 10)
        {
            tagged.Prepare(texts[k].Text, gazetteer);
            model.Tag(texts[k].Text, tagged);
            for (var i = 0; i < tagged.Count; i++)
            {
                if (tagged.Tags[i] != NameTags.O)
                    margins.Add(tagged.Margins[i]);
            }
        }
        if (margins.Count == 0)
            return 1f;
        margins.Sort();
        return Math.Max(1e-3f, margins[margins.Count / 2]);
    }

    private static void Shuffle(int[] order, ref ulong state)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var j = (int)((state >> 33) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
