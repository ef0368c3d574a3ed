using System.Globalization;

namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>Lumio, the invented smart-home company of scenario 01: its products, plans, carriers and error codes.</summary>
internal static class Catalog
{
    public static readonly string[] Products =
    [
        "Lumio Hub 2", "Lumio Cam Indoor", "Lumio Cam Outdoor", "Lumio Doorbell", "Lumio Smart Plug",
        "Lumio Thermostat", "Lumio Light Strip", "Lumio Motion Sensor",
    ];

    public static readonly string[] Plans = ["Lumio Plus", "Lumio Pro"];
    public static readonly string[] Carriers = ["Colissimo", "DHL", "UPS", "Chronopost", "DPD"];
    public static readonly string[] ErrorCodes = ["E-1042", "E-2001", "E-3107", "E-4410"];
    private static readonly int[] PricesInCents = [499, 999, 2499, 3996, 4999, 5990, 8900, 12900, 14999, 19900, 24900, 5997, 11988];

    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"];
    private static readonly string[] MonthsFr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre"];

    public static string OrderNumber(SeededRandom random) =>
        "CMD-" + random.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);

    public static string InvoiceNumber(SeededRandom random) =>
        "INV-2026-" + random.Next(0, 1000000).ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>"€49.99" / "£49.99" in English tickets, "49,99 €" in French ones.</summary>
    public static string Amount(SeededRandom random, string language)
    {
        int cents = random.Pick(PricesInCents);
        string plain = (cents / 100).ToString(CultureInfo.InvariantCulture);
        string withCents = plain + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture);
        if (language == "fr")
        {
            return withCents.Replace('.', ',') + " €";
        }
        return (random.Chance(0.2) ? "£" : "€") + withCents;
    }

    /// <summary>A 2026 date as a customer writes it: "12 March", "March 12th", "12 mars", "12/03".</summary>
    public static string Date(SeededRandom random, string language)
    {
        int month = random.Next(MonthsEn.Length);
        int day = random.Next(1, 29);
        string d = day.ToString(CultureInfo.InvariantCulture);
        return (language, random.Next(3)) switch
        {
            ("fr", 2) => d.PadLeft(2, '0') + "/" + (month + 1).ToString("00", CultureInfo.InvariantCulture),
            ("fr", _) => d + " " + MonthsFr[month],
            (_, 0) => d + " " + MonthsEn[month],
            (_, 1) => MonthsEn[month] + " " + d + Ordinal(day),
            _ => d.PadLeft(2, '0') + "/" + (month + 1).ToString("00", CultureInfo.InvariantCulture) + "/2026",
        };
    }

    private static string Ordinal(int day) => (day % 10, day / 10 == 1) switch
    {
        (_, true) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
}
