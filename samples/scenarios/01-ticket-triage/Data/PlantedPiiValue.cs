namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>A personal-data value planted in a ticket, exactly as it appears in the subject or body.</summary>
/// <param name="TicketId">The ticket that contains it.</param>
/// <param name="Type">One of <see cref="PiiTypes"/>.</param>
/// <param name="Value">The literal text, so a masker can be scored by exact match.</param>
public sealed record PlantedPiiValue(string TicketId, string Type, string Value);

/// <summary>The kinds of personal data planted in tickets.</summary>
public static class PiiTypes
{
    public const string Person = "PERSON";
    public const string Email = "EMAIL";
    public const string Phone = "PHONE";
    public const string CreditCard = "CREDIT_CARD";
    public const string Iban = "IBAN";
    public const string Address = "ADDRESS";
}
