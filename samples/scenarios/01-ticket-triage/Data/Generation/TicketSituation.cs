namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>
/// One thing that happens to a customer (e.g. "charged twice"), in one language, with several ways to say it.
/// Slots in braces are filled per ticket; {card}, {iban}, {address}, {phone}, {email}, {person} are personal data.
/// </summary>
internal sealed record TicketSituation(string Category, string Priority, string Language, string[] Subjects, string[] Bodies)
{
    public static TicketSituation En(string category, string priority, string subjects, params string[] bodies) =>
        new(category, priority, "en", subjects.Split('|'), bodies);

    public static TicketSituation Fr(string category, string priority, string subjects, params string[] bodies) =>
        new(category, priority, "fr", subjects.Split('|'), bodies);
}
