using System.Globalization;
using System.Text;
using HybridAI.Abstractions.Classification;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Grounding;

/// <summary>
/// Writes customer-support replies, short summaries and case reports by quoting evidence, with no model: it splits the
/// passages into sentences, scores each against the question (TF-IDF cosine over accent-folded terms,
/// English and French function words dropped), picks the best with a penalty for repeating what is already
/// picked, keeps them in evidence order, and cites each one <c>[n]</c>. A report also states an inference result
/// (label, confidence, score, top features) in finding sentences that cite the model's output. When nothing
/// supports an answer it says so and marks the draft not grounded. Same input, same output, byte for byte, whatever
/// the thread or culture. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var writer = new GroundedDraftWriter(new GroundedDraftOptions { MaxSentences = 3 });
/// GroundedDraft draft = writer.WriteReply(
///     "How long does a refund take?",
///     [new EvidencePassage("kb-12", "Refund policy", "Refunds are issued within 5 business days. Shipping is free.")],
///     new Dictionary&lt;string, string&gt; { [ReplySlots.Customer] = "Ms. Martin" });
/// if (!draft.Grounded) { /* route to an agent */ }
/// Console.WriteLine(draft.Text); // "Hello Ms. Martin, … Refunds are issued within 5 business days. [1] … Sources: [1] Refund policy …"
///
/// var result = new InferenceResult("T-1042/triage", "Ticket triage v2") { Label = "billing", Confidence = 0.87 };
/// GroundedDraft report = writer.WriteReport(result, evidence, focus: "How long does a refund take?");
/// // "Case report\n\nThe model classified this case as billing with 87% confidence. [1]\n\nSupporting documentation:\n…"
/// </code>
/// </example>
public sealed class GroundedDraftWriter
{
    // Sentences with fewer content terms ("Yes.", "See below.") answer nothing on their own.
    private const int MinContentTerms = 2;

    // A "sentence" this long is an unpunctuated block (a table, a log); quoting it would not read as a reply.
    private const int MaxSentenceLength = 800;

    /// <summary>Creates a writer; options are validated now.</summary>
    /// <param name="options">Selection and language settings; defaults when null.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public GroundedDraftWriter(GroundedDraftOptions? options = null)
    {
        Options = options ?? new GroundedDraftOptions();
        Options.Validate();
    }

    /// <summary>The settings this writer uses.</summary>
    public GroundedDraftOptions Options { get; }

    /// <summary>Writes a reply to a question or ticket from the evidence.</summary>
    /// <param name="question">The customer's question or ticket text.</param>
    /// <param name="evidence">Passages to quote, typically retrieval hits (see <see cref="EvidencePassage.FromHits"/>).</param>
    /// <param name="slots">Slot values: <see cref="ReplySlots"/> names to override stock phrases, plus any custom slots the template uses.</param>
    /// <param name="template">The layout; the built-in reply for the draft's language when null.</param>
    /// <exception cref="ArgumentException">A passage or slot value is missing, a slot the writer fills was supplied, or the template uses a slot with no value (the message names it).</exception>
    public GroundedDraft WriteReply(string question, IReadOnlyList<EvidencePassage> evidence, IReadOnlyDictionary<string, string>? slots = null, ReplyTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Write(DraftKind.Reply, question, evidence, inference: null, slots, template, maxBodyTokens: null, out _);
    }

    /// <summary>Writes a short extractive summary of the evidence, optionally focused on a topic.</summary>
    /// <param name="evidence">Passages to summarize.</param>
    /// <param name="focus">A topic or question to centre on; when null, the sentences most typical of the evidence as a whole are chosen.</param>
    /// <param name="slots">Values for custom slots the template uses.</param>
    /// <param name="template">The layout; the built-in summary for the draft's language when null.</param>
    /// <exception cref="ArgumentException">A passage or slot value is missing or the template uses a slot with no value.</exception>
    public GroundedDraft WriteSummary(IReadOnlyList<EvidencePassage> evidence, string? focus = null, IReadOnlyDictionary<string, string>? slots = null, ReplyTemplate? template = null) =>
        Write(DraftKind.Summary, focus, evidence, inference: null, slots, template, maxBodyTokens: null, out _);

    /// <summary>
    /// Writes a case report (a triage note, a fraud team's audit summary): a title, finding sentences that state the
    /// inference result and cite it as model output, then the evidence sentences that bear on the case, cited to their chunks.
    /// </summary>
    /// <param name="result">What the model decided: label and confidence, score, top features.</param>
    /// <param name="evidence">Passages to quote, typically retrieval hits for the case.</param>
    /// <param name="focus">The case text or a question to pick evidence for; when null, the label and the top features' names.</param>
    /// <param name="slots">Values for <see cref="ReplySlots.Title"/> and any custom slots the template uses.</param>
    /// <param name="template">The layout; the built-in report for the draft's language when null.</param>
    /// <exception cref="ArgumentException">
    /// The result is incomplete (a label without confidence, a NaN score…), a passage or slot value is missing, a slot the
    /// writer fills was supplied, or the template uses a slot with no value, e.g. <c>{score}</c> for a result without a score
    /// (the message names the slot and the template).
    /// </exception>
    /// <example>
    /// <code>
    /// var result = InferenceResult.FromClassification("T-1042/triage", "Ticket triage v2", classifier.Classify(ticket.Text), score: 0.42);
    /// GroundedDraft report = new GroundedDraftWriter().WriteReport(result, EvidencePassage.FromHits(hits), focus: ticket.Text);
    /// // "Case report\n\nThe model classified this case as billing with 87% confidence. [1] The model gave it a score of 0.42. [1] …
    /// //  Supporting documentation:\nRefunds are issued within 5 business days. [2]\n\nSources:\n[1] Ticket triage v2 (model output)\n[2] Refund policy"
    /// </code>
    /// </example>
    public GroundedDraft WriteReport(InferenceResult result, IReadOnlyList<EvidencePassage> evidence, string? focus = null, IReadOnlyDictionary<string, string>? slots = null, ReplyTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Validate(nameof(result));
        return Write(DraftKind.Report, focus, evidence, result, slots, template, maxBodyTokens: null, out _);
    }

    /// <summary>The one drafting path; <paramref name="maxBodyTokens"/> caps the quoted sentences' approximate token count.</summary>
    internal GroundedDraft Write(DraftKind kind, string? question, IReadOnlyList<EvidencePassage> evidence, InferenceResult? inference, IReadOnlyDictionary<string, string>? slots, ReplyTemplate? template, int? maxBodyTokens, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ValidateEvidence(evidence);

        string language = Options.Language ?? LanguageGuess.Detect(
            !string.IsNullOrWhiteSpace(question) ? question : evidence.Count > 0 ? evidence[0].Text : string.Empty);
        template ??= kind == DraftKind.Report ? ReplyTemplate.BuiltInReport(language) : ReplyTemplate.BuiltIn(language, kind == DraftKind.Summary);
        ValidateSlots(template, slots, inference);

        if (inference is not null && string.IsNullOrWhiteSpace(question))
        {
            question = ReportQuery(inference);
        }

        bool centroidMode = kind == DraftKind.Summary && string.IsNullOrWhiteSpace(question);
        List<EvidenceSentence> candidates = Score(question ?? string.Empty, evidence, centroidMode);
        List<EvidenceSentence> chosen = Select(candidates, centroidMode ? double.Epsilon : Math.Max(Options.MinSupport, double.Epsilon), evidence, maxBodyTokens, out truncated);
        return Render(evidence, chosen, slots, template, language, inference);
    }

    // What a report looks for in the evidence when no focus is given: the decision and what drove it.
    private static string ReportQuery(InferenceResult inference)
    {
        var query = new StringBuilder(inference.Label);
        foreach (FeatureContribution feature in inference.TopFeatures)
        {
            query.Append(' ').Append(feature.Feature);
        }

        return query.ToString();
    }

    private static void ValidateEvidence(IReadOnlyList<EvidencePassage> evidence)
    {
        for (int i = 0; i < evidence.Count; i++)
        {
            EvidencePassage? passage = evidence[i];
            if (passage is null)
            {
                throw new ArgumentException($"evidence[{i}] is null.", nameof(evidence));
            }

            if (passage.Id is null || passage.Source is null || passage.Text is null)
            {
                string field = passage.Id is null ? nameof(passage.Id) : passage.Source is null ? nameof(passage.Source) : nameof(passage.Text);
                throw new ArgumentException($"evidence[{i}].{field} is null.", nameof(evidence));
            }
        }
    }

    private static void ValidateSlots(ReplyTemplate template, IReadOnlyDictionary<string, string>? slots, InferenceResult? inference)
    {
        if (slots is not null)
        {
            foreach (KeyValuePair<string, string> slot in slots)
            {
                if (slot.Key is ReplySlots.Body or ReplySlots.Sources or ReplySlots.Findings || (inference is not null && ReplySlots.IsInference(slot.Key)))
                {
                    throw new ArgumentException($"The slot '{{{slot.Key}}}' is filled by the writer and cannot be supplied.", nameof(slots));
                }

                if (slot.Value is null)
                {
                    throw new ArgumentException($"The value of slot '{{{slot.Key}}}' is null.", nameof(slots));
                }
            }
        }

        foreach (string name in template.Slots)
        {
            if (name is ReplySlots.Greeting or ReplySlots.Intro or ReplySlots.Body or ReplySlots.Sources or ReplySlots.Signature or ReplySlots.Title or ReplySlots.Findings)
            {
                continue;
            }

            if (inference is not null && ReplySlots.IsInference(name))
            {
                string? missing = name switch
                {
                    ReplySlots.Category when inference.Label is null => nameof(InferenceResult.Label),
                    ReplySlots.Confidence when inference.Confidence is null => nameof(InferenceResult.Confidence),
                    ReplySlots.Score when inference.Score is null => nameof(InferenceResult.Score),
                    ReplySlots.TopFeatures when inference.TopFeatures.Count == 0 => nameof(InferenceResult.TopFeatures),
                    _ => null,
                };
                if (missing is not null)
                {
                    throw new ArgumentException(
                        $"The template '{template.Name}' uses the slot '{{{name}}}', but the inference result '{inference.Id}' has no {missing}. Supply it or remove the slot from the template.",
                        nameof(inference));
                }

                continue;
            }

            if (slots is null || !slots.ContainsKey(name))
            {
                throw new ArgumentException(
                    $"The template '{template.Name}' uses the slot '{{{name}}}', but no value was supplied for it. Supply '{name}' in the slot values or remove it from the template.",
                    nameof(slots));
            }
        }
    }

    private static List<EvidenceSentence> Score(string question, IReadOnlyList<EvidencePassage> evidence, bool centroidMode)
    {
        Vocabulary vocabulary = Vocabulary.ForThisThread();
        var termIds = new List<int>();
        var spans = new List<TextSpan>();
        var candidates = new List<EvidenceSentence>();

        Tokenizer.Tokenize(question, vocabulary, termIds);
        (int[] questionIds, int[] questionCounts) = TermVector.Count(termIds);

        for (int p = 0; p < evidence.Count; p++)
        {
            string text = evidence[p].Text;
            spans.Clear();
            SentenceSplitter.Split(text, spans);
            foreach (TextSpan span in spans)
            {
                if (span.Length > MaxSentenceLength)
                {
                    continue;
                }

                termIds.Clear();
                Tokenizer.Tokenize(text.AsSpan(span.Start, span.Length), vocabulary, termIds);
                if (termIds.Count < MinContentTerms)
                {
                    continue;
                }

                (int[] ids, int[] counts) = TermVector.Count(termIds);
                candidates.Add(new EvidenceSentence(p, span, ids, counts));
            }
        }

        // Document frequency over the candidate sentences: a term in every sentence tells them apart least.
        var documentFrequency = new int[vocabulary.Count];
        foreach (EvidenceSentence candidate in candidates)
        {
            foreach (int id in candidate.TermIds)
            {
                documentFrequency[id]++;
            }
        }

        var idf = new double[vocabulary.Count];
        double n = candidates.Count + 1;
        for (int t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log(1 + (n / (documentFrequency[t] + 1)));
        }

        foreach (EvidenceSentence candidate in candidates)
        {
            candidate.Vector = TermVector.Weigh(candidate.TermIds, candidate.TermCounts, idf);
        }

        TermVector query = centroidMode ? Centroid(candidates, vocabulary.Count) : TermVector.Weigh(questionIds, questionCounts, idf);
        foreach (EvidenceSentence candidate in candidates)
        {
            candidate.Support = query.Cosine(candidate.Vector);
        }

        return candidates;
    }

    // The mean direction of all sentences: what the evidence is mostly about.
    private static TermVector Centroid(List<EvidenceSentence> candidates, int vocabularySize)
    {
        var sum = new double[vocabularySize];
        foreach (EvidenceSentence candidate in candidates)
        {
            TermVector vector = candidate.Vector;
            for (int i = 0; i < vector.Ids.Length; i++)
            {
                sum[vector.Ids[i]] += vector.Weights[i] / vector.Norm;
            }
        }

        int nonZero = 0;
        foreach (double value in sum)
        {
            if (value > 0)
            {
                nonZero++;
            }
        }

        var ids = new int[nonZero];
        var weights = new double[nonZero];
        int at = 0;
        for (int t = 0; t < sum.Length; t++)
        {
            if (sum[t] > 0)
            {
                ids[at] = t;
                weights[at++] = sum[t];
            }
        }

        return TermVector.FromWeights(ids, weights);
    }

    // Maximal marginal relevance: each pick trades support against similarity to what is already picked;
    // near-duplicates are never picked. Ties go to the earlier sentence, so the result is deterministic.
    private List<EvidenceSentence> Select(List<EvidenceSentence> candidates, double minSupport, IReadOnlyList<EvidencePassage> evidence, int? maxBodyTokens, out bool truncated)
    {
        truncated = false;
        var chosen = new List<EvidenceSentence>();
        double bestSupport = 0;
        foreach (EvidenceSentence candidate in candidates)
        {
            bestSupport = Math.Max(bestSupport, candidate.Support);
        }

        minSupport = Math.Max(minSupport, bestSupport * Options.MinRelativeSupport);
        var maxSimilarity = new double[candidates.Count];
        var taken = new bool[candidates.Count];
        double lambda = Options.RelevanceWeight;
        int tokens = 0;

        while (chosen.Count < Options.MaxSentences)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int i = 0; i < candidates.Count; i++)
            {
                EvidenceSentence candidate = candidates[i];
                if (taken[i] || candidate.Support < minSupport || maxSimilarity[i] >= Options.RedundancyThreshold)
                {
                    continue;
                }

                double score = (lambda * candidate.Support) - ((1 - lambda) * maxSimilarity[i]);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            EvidenceSentence pick = candidates[best];
            if (maxBodyTokens is int budget)
            {
                TextSpan span = pick.Span;
                int cost = Options.Counter.CountTokens(evidence[pick.Passage].Text.Substring(span.Start, span.Length)) + 3;
                if (chosen.Count > 0 && tokens + cost > budget)
                {
                    truncated = true;
                    break;
                }

                tokens += cost;
            }

            taken[best] = true;
            chosen.Add(pick);
            for (int i = 0; i < candidates.Count; i++)
            {
                if (!taken[i])
                {
                    double similarity = candidates[i].Vector.Cosine(pick.Vector);
                    if (similarity > maxSimilarity[i])
                    {
                        maxSimilarity[i] = similarity;
                    }
                }
            }
        }

        // Evidence order reads better than score order: passages come ranked, sentences in their own flow.
        chosen.Sort(static (a, b) => a.Passage != b.Passage ? a.Passage.CompareTo(b.Passage) : a.Span.Start.CompareTo(b.Span.Start));
        return chosen;
    }

    private static GroundedDraft Render(IReadOnlyList<EvidencePassage> evidence, List<EvidenceSentence> chosen, IReadOnlyDictionary<string, string>? slots, ReplyTemplate template, string language, InferenceResult? inference)
    {
        bool grounded = chosen.Count > 0;
        bool french = language == LanguageGuess.French;
        var sentences = new List<DraftSentence>(chosen.Count + 3);
        var citations = new List<Citation>();
        var boilerplate = new List<string>();
        var positions = new List<string>(); // each sentence as rendered, to order them by where they appear

        // The model's output is cited first, as [1], when the report states it at all.
        string findings = string.Empty;
        string? modelMarker = null;
        if (inference is not null)
        {
            List<string> phrases = Findings(template, inference, french);
            bool statesFindings = phrases.Count > 0 && template.Slots.Contains(ReplySlots.Findings);
            if (statesFindings || template.UsesInferenceSlot)
            {
                citations.Add(new Citation(1, inference.Id, inference.Model, CitationKind.ModelOutput));
                modelMarker = "[1]";
            }

            if (statesFindings)
            {
                var text = new StringBuilder();
                foreach (string phrase in phrases)
                {
                    text.Append(text.Length > 0 ? " " : string.Empty).Append(phrase).Append(" [1]");
                    sentences.Add(new DraftSentence(phrase, 1, inference.Id, 1, CitationKind.ModelOutput));
                    positions.Add(phrase + " [1]");
                }

                findings = text.ToString();
            }
        }

        var citationOfPassage = new Dictionary<int, int>();
        var renderedSentences = new string[chosen.Count];
        var body = new StringBuilder();

        if (grounded && template.EvidenceLead.Length > 0)
        {
            body.Append(template.EvidenceLead).Append('\n');
            boilerplate.Add(template.EvidenceLead);
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            EvidenceSentence sentence = chosen[i];
            EvidencePassage passage = evidence[sentence.Passage];
            if (!citationOfPassage.TryGetValue(sentence.Passage, out int number))
            {
                number = citations.Count + 1;
                citationOfPassage.Add(sentence.Passage, number);
                citations.Add(new Citation(number, passage.Id, passage.Source));
            }

            string text = passage.Text.Substring(sentence.Span.Start, sentence.Span.Length);
            sentences.Add(new DraftSentence(text, number, passage.Id, sentence.Support));
            string rendered = TextFolding.OneLine(text) + " [" + number.ToString(CultureInfo.InvariantCulture) + "]";
            renderedSentences[i] = rendered;
            positions.Add(rendered);
            if (i > 0)
            {
                body.Append(' ');
            }

            body.Append(rendered);
        }

        if (!grounded)
        {
            body.Append(template.NotCovered);
            boilerplate.Add(template.NotCovered);
        }

        var sources = new StringBuilder();
        if (citations.Count > 0)
        {
            sources.Append(template.SourcesHeading);
            boilerplate.Add(template.SourcesHeading);
            foreach (Citation citation in citations)
            {
                sources.Append('\n').Append('[').Append(citation.Number.ToString(CultureInfo.InvariantCulture)).Append("] ")
                    .Append(TextFolding.OneLine(citation.Source));
                if (citation.Kind == CitationKind.ModelOutput)
                {
                    sources.Append(" (").Append(template.ModelOutputLabel).Append(')');
                }
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (slots is not null)
        {
            foreach (KeyValuePair<string, string> slot in slots)
            {
                values[slot.Key] = slot.Value;
            }
        }

        values[ReplySlots.Greeting] = Supplied(slots, ReplySlots.Greeting)
            ?? (Supplied(slots, ReplySlots.Customer) is string customer
                ? template.GreetingForCustomer.Replace("{customer}", customer, StringComparison.Ordinal)
                : template.Greeting);
        values[ReplySlots.Intro] = Supplied(slots, ReplySlots.Intro)
            ?? (Supplied(slots, ReplySlots.Category) is string category
                ? template.IntroForCategory.Replace("{category}", category, StringComparison.Ordinal)
                : template.Intro);
        values[ReplySlots.Signature] = Supplied(slots, ReplySlots.Signature) ?? template.Signature;
        values[ReplySlots.Title] = Supplied(slots, ReplySlots.Title) ?? template.ReportTitle;
        values[ReplySlots.Findings] = findings;
        values[ReplySlots.Body] = body.ToString();
        values[ReplySlots.Sources] = sources.ToString();
        if (inference is not null)
        {
            AddInferenceValues(values, inference, french);
        }

        var claimLines = new List<string>();
        string reply = template.Render(values, modelMarker, claimLines, boilerplate);
        foreach (string line in claimLines)
        {
            sentences.Add(new DraftSentence(line, 1, inference!.Id, 1, CitationKind.ModelOutput));
            positions.Add(line + " [1]");
        }

        if (inference is not null && sentences.Count > 1)
        {
            // Keep the promise of GroundedDraft.Sentences, the order they appear in the text, whatever the layout.
            var at = new int[sentences.Count];
            for (int i = 0; i < at.Length; i++)
            {
                at[i] = reply.IndexOf(positions[i], StringComparison.Ordinal);
            }

            // Insertion sort: a handful of sentences, stable, no delegates.
            for (int i = 1; i < at.Length; i++)
            {
                int position = at[i];
                DraftSentence sentence = sentences[i];
                int j = i - 1;
                for (; j >= 0 && at[j] > position; j--)
                {
                    at[j + 1] = at[j];
                    sentences[j + 1] = sentences[j];
                }

                at[j + 1] = position;
                sentences[j + 1] = sentence;
            }
        }

        return new GroundedDraft(reply, sentences, citations, grounded, language, LocateSentences(reply, renderedSentences), boilerplate);
    }

    private static List<string> Findings(ReplyTemplate template, InferenceResult inference, bool french)
    {
        var phrases = new List<string>(3);
        if (inference.Label is not null && template.ClassificationFinding.Length > 0)
        {
            phrases.Add(template.ClassificationFinding
                .Replace("{category}", ReportValues.OneLine(inference.Label), StringComparison.Ordinal)
                .Replace("{confidence}", ReportValues.Confidence(inference.Confidence!.Value, french), StringComparison.Ordinal));
        }

        if (inference.Score is double score && template.ScoreFinding.Length > 0)
        {
            phrases.Add(template.ScoreFinding.Replace("{score}", ReportValues.Score(score, french), StringComparison.Ordinal));
        }

        if (inference.TopFeatures.Count > 0 && template.FeaturesFinding.Length > 0)
        {
            phrases.Add(template.FeaturesFinding.Replace("{top_features}", ReportValues.Features(inference.TopFeatures, french), StringComparison.Ordinal));
        }

        return phrases;
    }

    private static void AddInferenceValues(Dictionary<string, string> values, InferenceResult inference, bool french)
    {
        if (inference.Label is not null)
        {
            values[ReplySlots.Category] = ReportValues.OneLine(inference.Label);
            values[ReplySlots.Confidence] = ReportValues.Confidence(inference.Confidence!.Value, french);
        }

        if (inference.Score is double score)
        {
            values[ReplySlots.Score] = ReportValues.Score(score, french);
        }

        if (inference.TopFeatures.Count > 0)
        {
            values[ReplySlots.TopFeatures] = ReportValues.Features(inference.TopFeatures, french);
        }
    }

    private static string? Supplied(IReadOnlyDictionary<string, string>? slots, string name) =>
        slots is not null && slots.TryGetValue(name, out string? value) ? value : null;

    private static int[] LocateSentences(string reply, string[] renderedSentences)
    {
        if (renderedSentences.Length == 0)
        {
            return [];
        }

        var offsets = new int[renderedSentences.Length + 1];
        int from = 0;
        for (int i = 0; i < renderedSentences.Length; i++)
        {
            int at = reply.IndexOf(renderedSentences[i], from, StringComparison.Ordinal);
            if (at < 0)
            {
                return []; // a custom template without {body}: nothing to cut at
            }

            offsets[i] = at;
            from = at + renderedSentences[i].Length;
        }

        offsets[^1] = from;
        return offsets;
    }
}
