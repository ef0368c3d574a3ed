namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>Invented name lists (English, French and German first names) for customers and the people they mention.</summary>
internal static class PersonNames
{
    public static readonly string[] FirstNames =
    [
        // English
        "Oliver", "Emily", "James", "Charlotte", "Harry", "Sophie", "Jack", "Amelia", "George", "Grace",
        "Daniel", "Chloe", "Thomas", "Megan", "Ryan", "Hannah", "Michael", "Olivia", "Liam", "Jessica",
        // French
        "Camille", "Louis", "Manon", "Hugo", "Léa", "Théo", "Chloé", "Lucas", "Inès", "Mathis",
        "Élodie", "Antoine", "Margaux", "Julien", "Aurélie", "Nicolas", "Pauline", "Baptiste", "Océane", "François",
        // German
        "Lukas", "Anna", "Jonas", "Lena", "Felix", "Mia", "Maximilian", "Leonie", "Paul", "Johanna",
        "Tobias", "Katrin", "Sebastian", "Jana", "Florian", "Miriam", "Stefan", "Sabine", "Moritz", "Greta",
    ];

    public static readonly string[] LastNames =
    [
        // English
        "Smith", "Taylor", "Brown", "Wilson", "Evans", "Thompson", "Walker", "Roberts", "Clarke", "Hughes",
        "Turner", "Harrison", "Mitchell", "Cooper", "Bennett", "Fletcher", "Marshall", "Palmer", "Wright", "Kennedy",
        // French
        "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Chevalier",
        "Garnier", "Faure", "Mercier", "Blanchard", "Lemaire", "Dupont", "Perrin", "Marchand", "Gauthier", "Bonnet",
        // German
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch",
        "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Lange", "Vogel",
    ];
}
