using HybridAI.Abstractions.Classification;

namespace HybridAI.Generators.Grounding;

/// <summary>
/// What a model decided about the case a report is written on: a classifier's label and confidence, a scorer's
/// score, and the features that weighed most. A report states these in finding sentences that cite this result
/// (<see cref="CitationKind.ModelOutput"/>), never a document.
/// </summary>
/// <param name="Id">Stable id reported with every finding taken from it, e.g. the run id and step name.</param>
/// <param name="Model">What the citation shows: the model's name and version, e.g. "Fraud score (GBDT v3)".</param>
/// <example>
/// <code>
/// Classification triage = classifier.Classify(ticket.Text);
/// var result = InferenceResult.FromClassification("run-42/triage", "Ticket triage v2", triage, score: fraudScorer.Score(ticket));
/// GroundedDraft report = new GroundedDraftWriter().WriteReport(result, EvidencePassage.FromHits(hits), focus: ticket.Text);
/// </code>
/// </example>
public sealed record InferenceResult(string Id, string Model)
{
    /// <summary>The predicted label (the <c>{category}</c> slot); null when the model only scores.</summary>
    public string? Label { get; init; }

    /// <summary>The probability of <see cref="Label"/>, in [0, 1] (the <c>{confidence}</c> slot); required with a label.</summary>
    public double? Confidence { get; init; }

    /// <summary>A scorer's output (the <c>{score}</c> slot), e.g. a fraud or churn score; null when there is none.</summary>
    public double? Score { get; init; }

    /// <summary>The features that pushed most towards the decision, strongest first (the <c>{top_features}</c> slot; the first three are named).</summary>
    public IReadOnlyList<FeatureContribution> TopFeatures { get; init; } = [];

    /// <summary>Makes a result from a classifier's output, optionally with a scorer's score for the same case.</summary>
    /// <param name="id">Stable id of this result (see <see cref="Id"/>).</param>
    /// <param name="model">The model's display name (see <see cref="Model"/>).</param>
    /// <param name="classification">The classifier's output: label, confidence and top features are taken from it.</param>
    /// <param name="score">A scorer's score for the same case, if any.</param>
    public static InferenceResult FromClassification(string id, string model, Classification classification, double? score = null)
    {
        ArgumentNullException.ThrowIfNull(classification);
        return new InferenceResult(id, model)
        {
            Label = classification.Label,
            Confidence = classification.Confidence,
            Score = score,
            TopFeatures = classification.TopFeatures ?? [],
        };
    }

    /// <summary>Checks the values a report would state; the message names the result and the bad field.</summary>
    internal void Validate(string paramName)
    {
        if (Id is null || Model is null)
        {
            throw new ArgumentException($"The inference result's {(Id is null ? nameof(Id) : nameof(Model))} is null.", paramName);
        }

        if (Label is null && Score is null)
        {
            throw new ArgumentException($"Inference result '{Id}' has neither a Label nor a Score: a report needs at least one to state.", paramName);
        }

        if (Label is not null && string.IsNullOrWhiteSpace(Label))
        {
            throw new ArgumentException($"Inference result '{Id}' has a blank Label; use null for a result without a label.", paramName);
        }

        if (Label is not null && Confidence is null)
        {
            throw new ArgumentException($"Inference result '{Id}' has a Label but no Confidence.", paramName);
        }

        if (Confidence is double confidence && (double.IsNaN(confidence) || confidence is < 0 or > 1))
        {
            throw new ArgumentException($"Inference result '{Id}' has Confidence {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be between 0 and 1.", paramName);
        }

        if (Score is double score && !double.IsFinite(score))
        {
            throw new ArgumentException($"Inference result '{Id}' has a Score that is not a finite number.", paramName);
        }

        if (TopFeatures is null)
        {
            throw new ArgumentException($"Inference result '{Id}' has TopFeatures null; use an empty list for none.", paramName);
        }

        for (int i = 0; i < TopFeatures.Count; i++)
        {
            FeatureContribution feature = TopFeatures[i];
            if (string.IsNullOrWhiteSpace(feature.Feature) || !double.IsFinite(feature.Weight))
            {
                throw new ArgumentException($"Inference result '{Id}': TopFeatures[{i}] needs a feature name and a finite weight.", paramName);
            }
        }
    }
}
