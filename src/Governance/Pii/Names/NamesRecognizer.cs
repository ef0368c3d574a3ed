using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// Persons, organisations and places from the <see cref="NameTagger"/>, scored by the tagger's margin, with a boost
/// where a gazetteer list or a context word agrees. Scores stay in [0.5, 0.8], below the context-phrase recognizers (0.85),
/// so "je m'appelle X" and signature lines keep their own findings.
/// </summary>
internal sealed class NamesRecognizer(NameTagger tagger, Gazetteer gazetteer) : IPiiRecognizer
{
    private const double Floor = 0.5;
    private const double Range = 0.3;
    private const double Agreement = 0.05;
    private const double Ceiling = 0.8;

    public string Name => "names-tagger";

    public void Recognize(string text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (text.Length == 0)
            return;
        var tagged = TaggedText.ForThisThread();
        tagged.Prepare(text, gazetteer);
        tagger.Tag(text, tagged);
        var tags = tagged.Tags;
        var tokens = tagged.Tokens;
        var i = 0;
        while (i < tokens.Length)
        {
            if (tags[i] == NameTags.O)
            {
                i++;
                continue;
            }
            var kind = NameTags.Kind(tags[i]);
            var end = i + 1;
            // A B right after the same kind's entity, with only a space between, continues it ("Mady Covarrubias").
            while (end < tokens.Length && (tags[end] == NameTags.Inside(kind) || tags[end] == NameTags.Begin(kind) && IsWordAfterWord(tokens, end)))
                end++;
            Add(text, tagged, i, end, kind, findings);
            i = end;
        }
    }

    private static bool IsWordAfterWord(ReadOnlySpan<NameToken> tokens, int i) =>
        (tokens[i].Flags & TokenFlags.Word) != 0 && (tokens[i - 1].Flags & TokenFlags.Word) != 0 && tokens[i].Start == tokens[i - 1].End + 1;

    private void Add(string text, TaggedText tagged, int first, int end, int kind, List<PiiFinding> findings)
    {
        var tokens = tagged.Tokens;
        // An entity ends on a word, not on a connector or punctuation ("Smith &", "Dupont,", "Lyon et"),
        // except the dot of a short abbreviation ("Inc.", "S.L.").
        var last = end - 1;
        while (last > first && ((tokens[last].Flags & TokenFlags.Word) == 0 || WordClasses.Of(tagged.Hashes[last]) == WordClasses.Connector))
            last--;
        if (last + 1 < tokens.Length && text[tokens[last + 1].Start] == '.' && tokens[last + 1].Start == tokens[last].End
            && (tokens[last].Length == 1 || (tokens[last].Flags & TokenFlags.AllCaps) != 0 || WordClasses.Of(tagged.Hashes[last]) == WordClasses.CompanySuffix))
            last++;
        if ((tokens[first].Flags & TokenFlags.Word) == 0)
            return;
        var margin = 0f;
        var agrees = false;
        var wanted = kind switch
        {
            1 => GazetteerKinds.FirstName | GazetteerKinds.LastName,
            2 => GazetteerKinds.Company,
            _ => GazetteerKinds.City | GazetteerKinds.State | GazetteerKinds.Country,
        };
        for (var k = first; k <= last; k++)
        {
            margin += tagged.Margins[k];
            agrees |= ((tagged.Single[k] | tagged.Covered[k]) & wanted) != 0;
        }
        margin /= last - first + 1;
        var score = Floor + Range * (margin / (margin + tagger.MarginScale));
        if (agrees)
            score += Agreement;
        if (first > 0 && WordClasses.Of(tagged.Hashes[first - 1]) is var c && (c == WordClasses.Title && kind == 1 || c == WordClasses.CompanyWord && kind == 2))
            score += Agreement;
        var start = tokens[first].Start;
        findings.Add(new PiiFinding(NameTags.PiiType(kind), start, tokens[last].End - start, Math.Min(Ceiling, score), Name));
    }
}
