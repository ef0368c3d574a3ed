namespace HybridAI.Governance.Pii.Names;

/// <summary>Context words that announce a name, a company or a place, English and French (folded hashes).</summary>
internal static class WordClasses
{
    public const int None = 0;
    public const int Title = 1;
    public const int CompanySuffix = 2;
    public const int PlaceWord = 3;
    public const int CompanyWord = 4;
    public const int Greeting = 5;
    public const int Connector = 6;

    private static readonly Dictionary<ulong, int> Classes = Build();

    public static int Of(ulong foldedHash) => Classes.GetValueOrDefault(foldedHash);

    private static Dictionary<ulong, int> Build()
    {
        var d = new Dictionary<ulong, int>();
        void Add(int c, string words)
        {
            foreach (var w in words.Split(' '))
                d[Folding.Hash(w)] = c;
        }
        Add(Title, "mr mrs ms miss mister sir dr prof m mme mmes mlle monsieur madame mademoiselle messieurs herr frau docteur professeur maître me");
        Add(CompanySuffix, "inc ltd llc plc corp corporation co sa sarl sas sasu eurl snc sca scop gie gmbh ag kg ohg bv nv spa srl sl group groupe holding holdings cie partners associates");
        Add(PlaceWord, "in à a au aux en near près vers from to depuis based live lives habite vis vit located située situé city ville");
        Add(CompanyWord, "at chez with avec company société entreprise firm bank banque employer employeur agency agence merchant marchand vendor supplier fournisseur");
        Add(Greeting, "dear cher chère hi hello bonjour bonsoir salut thanks merci regards cordialement");
        Add(Connector, "de du des la le van von der den di da del et and und y e &");
        return d;
    }
}
