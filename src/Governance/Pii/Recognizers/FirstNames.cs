using System.Collections.Frozen;

namespace HybridAI.Governance.Pii.Recognizers;

/// <summary>
/// Common English, French and German first names. Words that are also common nouns, months, places or
/// technologies (May, June, Bill, Paris, Ruby, Ernst…) are left out on purpose: they would mask ordinary words.
/// </summary>
internal static class FirstNames
{
    public static readonly FrozenSet<string> Set = FrozenSet.Create(StringComparer.Ordinal,
    [
        // English
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth",
        "Kevin", "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob",
        "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin",
        "Samuel", "Gregory", "Alexander", "Patrick", "Jack", "Dennis", "Tyler", "Aaron", "Henry", "Peter",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol",
        "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy",
        "Emma", "Olivia", "Sophia", "Isabella", "Charlotte", "Amelia", "Harper", "Evelyn", "Abigail", "Alice",
        "Oliver", "Harry", "Oscar", "Charlie", "Emily", "Chloe", "Lucy", "Sophie", "Jane", "Anna",
        // French
        "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Christophe", "Nicolas",
        "François", "Frédéric", "Laurent", "Stéphane", "Sébastien", "Julien", "Mathieu", "Guillaume", "Antoine", "Olivier",
        "Jérôme", "Vincent", "Thierry", "Éric", "Didier", "Pascal", "Hugo", "Louis", "Lucas", "Gabriel",
        "Léo", "Raphaël", "Arthur", "Jules", "Maël", "Théo", "Noé", "Baptiste", "Quentin", "Romain",
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique", "Valérie", "Sandrine", "Christine",
        "Céline", "Aurélie", "Camille", "Julie", "Élodie", "Émilie", "Manon", "Léa", "Chloé", "Inès",
        "Jade", "Louise", "Zoé", "Lina", "Mila", "Hélène", "Brigitte", "Martine", "Véronique", "Sophie",
        "Jean-Pierre", "Jean-Claude", "Jean-Marc", "Jean-Luc", "Marie-Claire", "Anne-Sophie", "Marie-Christine", "Anne", "Claire", "Margaux",
        // German
        "Hans", "Klaus", "Jürgen", "Wolfgang", "Helmut", "Dieter", "Uwe", "Stefan", "Andreas", "Matthias",
        "Markus", "Torsten", "Jörg", "Günter", "Horst", "Lukas", "Felix", "Maximilian", "Jonas", "Leon",
        "Ursula", "Monika", "Petra", "Sabine", "Renate", "Helga", "Karin", "Brigitte", "Ingrid", "Gisela",
        "Andrea", "Birgit", "Susanne", "Claudia", "Katharina", "Johanna", "Lena", "Hannah", "Mia", "Greta",
        "Katrin", "Jana", "Moritz", "Sebastian", "Tobias", "Florian", "Niklas", "Tim", "Jan", "Paul",
        "Julia", "Laura", "Lea", "Sarah", "Anja", "Nicole", "Stefanie", "Daniela", "Kerstin", "Heike",
        "Thorsten", "Ralf", "Frank", "Bernd", "Holger", "Sven", "Dirk", "Kai", "Lars", "Timo",
        // More English
        "Liam", "Noah", "Ethan", "Mason", "Logan", "Lucas", "Jacob", "Aiden", "Elijah", "Owen",
        "Isaac", "Dylan", "Nathan", "Adam", "Callum", "Connor", "Jamie", "Luke", "Max", "Ben",
        "Grace", "Ella", "Ava", "Isla", "Poppy", "Freya", "Evie", "Holly", "Megan",
        "Hannah", "Rachel", "Rebecca", "Victoria", "Natalie", "Samantha", "Katie", "Lauren", "Zoe", "Jessica",
        // More French
        "Mathis", "Nathan", "Enzo", "Clément", "Maxime", "Alexandre", "Thomas", "Paul", "Adrien", "Damien",
        "Pauline", "Mathilde", "Lucie", "Océane", "Marion", "Laure", "Audrey", "Émilie", "Agathe", "Juliette",
        "Amandine", "Charlotte", "Elise", "Élise", "Margot", "Justine", "Morgane", "Coralie", "Gaëlle", "Anaïs",
        "Guillaume", "Benoît", "Cédric", "Fabien", "Florent", "Grégory", "Jérémy", "Loïc", "Ludovic", "Yannick",
        "Gaël", "Killian", "Mathéo", "Timothée", "Valentin", "Corentin", "Alexis", "Titouan", "Aurélien", "Bastien",
        "Sylvain", "Hervé", "Gérard", "Yves", "Marcel", "Lucien", "Henri", "Étienne", "Rémi", "Xavier",
        "Aurore", "Laetitia", "Virginie", "Delphine", "Karine", "Stéphanie", "Séverine", "Caroline", "Mélanie", "Estelle",
        "Anaëlle", "Clémence", "Capucine", "Apolline", "Maëlys", "Lilou", "Romane", "Clara", "Eva",
        // More German
        "Jens", "Uli", "Volker", "Rainer", "Reinhard", "Manfred", "Werner", "Gerhard", "Heinz", "Karl",
        "Jannik", "Finn", "Elias", "Luca", "Ben", "Paula", "Emilia", "Marlene", "Frieda", "Ida",
        "Anke", "Silke", "Ute", "Dagmar", "Gudrun", "Elke", "Bärbel", "Annika", "Franziska", "Vanessa",
        "Jürgen", "Björn", "Malte", "Henrik", "Benedikt", "Dominik", "Fabian", "Philipp", "Christian",
        // More English
        "Oliver", "Archie", "Alfie", "Freddie", "Theo", "Arlo", "Reuben", "Rory", "Toby", "Finley",
        "Chelsea", "Bethany", "Danielle", "Gemma", "Kirsty", "Leanne", "Nicola", "Siobhan", "Shannon",
        "Heather", "Tracy", "Kelly", "Wendy", "Brenda", "Janet", "Joanne", "Julie", "Helen", "Fiona",
        "Graham", "Keith", "Nigel", "Trevor", "Colin", "Stuart", "Gavin", "Wayne", "Darren", "Lee",
    ]);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Set.GetAlternateLookup<ReadOnlySpan<char>>();
}
