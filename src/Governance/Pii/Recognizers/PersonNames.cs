using System.Collections.Frozen;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    // Capitalised words that follow greetings and sign-offs without being names ("Hi Team", "Merci Beaucoup").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        [
            "Team", "All", "Everyone", "There", "Customer", "Customers", "Client", "Clients", "Support", "Service",
            "Sales", "Billing", "Again", "Very", "So", "Not", "The", "A", "An", "Writing", "Calling", "Contacting",
            "Sorry", "Happy", "Glad", "Here", "Tous", "Toutes", "Équipe", "Equipe", "Beaucoup", "Le", "La", "Les",
            "Un", "Une", "Désolé", "Désolée", "Ravi", "Ravie", "Votre", "Vous", "Madam", "Sir", "Folks", "Guys",
            "Monsieur", "Madame", "Mademoiselle", "For", "In", "Advance", "Please", "Thanks", "Regards", "Merci", "Cordialement",
            "Urgent", "Important", "About", "Regarding", "Concerning", "Re", "Just", "Still", "Also", "Really", "Unable",
            "Bien", "Encore", "Toujours", "Pas", "Vraiment", "Nicht", "Hallo", "Guten",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Names after a context phrase or title: "my name is", "je m'appelle", "Mr.", "Mme", "Dear", "Bonjour",
    /// and after sign-offs such as "Regards," or "Cordialement," (signature lines).
    /// </summary>
    public static IPiiRecognizer PersonNameInContext() =>
        new RegexRecognizer("person-context", PiiTypes.Person, NameInContextRegex(), IsNotStopWord, score: 0.85);

    /// <summary>A known first name (from the @faker-js/faker locale data), with the capitalised word after it as last name.</summary>
    public static IPiiRecognizer PersonNameFromFirstName() => new FirstNameRecognizer();

    private static bool IsNotStopWord(ReadOnlySpan<char> value)
    {
        var space = value.IndexOf(' ');
        var first = space < 0 ? value : value[..space];
        return !NotNames.Contains(first);
    }

    private sealed class FirstNameRecognizer : IPiiRecognizer
    {
        public string Name => "person-first-name";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            var covered = 0;
            foreach (var m in CapitalisedWordRegex().EnumerateMatches(text))
            {
                if (m.Index < covered)
                    continue; // the last name of the previous finding ("Jean-Pierre Martin") is not a first name again
                var word = text.AsSpan(m.Index, m.Length);
                var hyphen = word.IndexOf('-');
                if (!FirstNames.Lookup.Contains(word) && (hyphen < 0 || !FirstNames.Lookup.Contains(word[..hyphen])))
                    continue;
                var end = m.Index + m.Length;
                var score = 0.6;
                foreach (var surname in FollowingSurnameRegex().EnumerateMatches(text.AsSpan(end)))
                {
                    if (!NotNames.Contains(text.AsSpan(end + 1, surname.Length - 1)))
                    {
                        end += surname.Length;
                        score = 0.85;
                    }
                    break;
                }
                findings.Add(new PiiFinding(PiiTypes.Person, m.Index, end - m.Index, score, Name));
                covered = end;
            }
        }
    }
}
