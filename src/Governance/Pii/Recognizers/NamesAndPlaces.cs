using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// Persons, organisations and places (PERSON, ORGANIZATION, LOCATION) in English and French, found by a sequence
    /// tagger (averaged perceptron over word shape, affixes, neighbouring and context words such as "Mme", "chez",
    /// "SARL") with gazetteers of first names, last names, companies, cities, regions and countries taken from the
    /// @faker-js/faker locale data. Finds names in no list from their context and shape; scores between 0.5 and 0.8, below the context-phrase recognizers.
    /// </summary>
    /// <example>
    /// <code>
    /// var found = new List&lt;PiiFinding&gt;();
    /// PiiRecognizers.NamesAndPlaces().Recognize("Mme Lefèvre a payé chez Garnier SARL à Toulouse.", found);
    /// // PERSON "Lefèvre", ORGANIZATION "Garnier SARL", LOCATION "Toulouse"
    /// </code>
    /// </example>
    public static IPiiRecognizer NamesAndPlaces() => new NamesRecognizer(NameTagger.Default, Gazetteer.Default);
}
