namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>The ticket categories of scenario 01.</summary>
public static class TicketCategories
{
    public const string Billing = "billing";
    public const string Refund = "refund";
    public const string AccountAccess = "account-access";
    public const string ShippingDelivery = "shipping-delivery";
    public const string TechnicalBug = "technical-bug";
    public const string Cancellation = "cancellation";
    public const string ProductQuestion = "product-question";
    public const string PrivacyGdpr = "privacy-gdpr";

    /// <summary>All categories, in the order used by the generated files.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Billing, Refund, AccountAccess, ShippingDelivery, TechnicalBug, Cancellation, ProductQuestion, PrivacyGdpr];
}

/// <summary>Ticket priorities, lowest first.</summary>
public static class TicketPriorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    /// <summary>Security breach, fraud, service down, legal threat: always goes to a human.</summary>
    public const string Urgent = "urgent";

    public static IReadOnlyList<string> All { get; } = [Low, Normal, High, Urgent];
}

/// <summary>How trustworthy a ticket's label is.</summary>
public static class TicketNoise
{
    public const string Clean = "clean";
    /// <summary>The text touches two categories; the label is the main one.</summary>
    public const string Ambiguous = "ambiguous";
    /// <summary>The label was deliberately flipped to a plausible wrong category.</summary>
    public const string Mislabelled = "mislabelled";
}
