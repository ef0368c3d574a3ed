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

    /// <summary>The ticket's category; when given, the built-in intro mentions it.</summary>
    public const string Category = "category";
}
