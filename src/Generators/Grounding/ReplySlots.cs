namespace HybridAI.Generators.Grounding;

/// <summary>Slot names a <see cref="ReplyTemplate"/> may use, written <c>{name}</c> in its text.</summary>
public static class ReplySlots
{
    /// <summary>The salutation. Supply it to override the template's; otherwise built from <see cref="Customer"/> when given.</summary>
    public const string Greeting = "greeting";

    /// <summary>The line before the body. Supply it to override the template's.</summary>
    public const string Intro = "intro";

    /// <summary>The cited sentences (or the "not covered" line). Filled by the writer; cannot be supplied.</summary>
    public const string Body = "body";

    /// <summary>The "Sources:" list. Filled by the writer; cannot be supplied.</summary>
    public const string Sources = "sources";

    /// <summary>The closing and agent signature. Supply it to override the template's.</summary>
    public const string Signature = "signature";

    /// <summary>The customer's name or a placeholder such as <c>{{first_name}}</c> for the CRM to fill later.</summary>
    public const string Customer = "customer";

    /// <summary>
    /// The ticket's category; when given, the built-in intro mentions it. In a report it is the inference result's
    /// <see cref="InferenceResult.Label"/>, filled by the writer and followed by the result's citation marker.
    /// </summary>
    public const string Category = "category";

    /// <summary>A report's heading. Supply it to override the template's <see cref="ReplyTemplate.ReportTitle"/>.</summary>
    public const string Title = "title";

    /// <summary>A report's finding sentences, each citing the inference result. Filled by the writer; cannot be supplied.</summary>
    public const string Findings = "findings";

    /// <summary>In a report: the probability of the label, as a percentage ("87%"). Filled by the writer.</summary>
    public const string Confidence = "confidence";

    /// <summary>In a report: the scorer's score, culture-independent ("0.42", French "0,42"). Filled by the writer.</summary>
    public const string Score = "score";

    /// <summary>In a report: the first three top features with their weights ("refund (+1.9), invoice (+0.8) and charged (+0.35)"). Filled by the writer.</summary>
    public const string TopFeatures = "top_features";

    /// <summary>True for the slots a report fills from its inference result.</summary>
    internal static bool IsInference(string name) => name is Category or Confidence or Score or TopFeatures;
}
