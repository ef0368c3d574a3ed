namespace HybridAI.Cli.Tests.Commands.Index;

/// <summary>A small support knowledge base in every format 'index add' reads, written to a temporary folder.</summary>
internal sealed class KnowledgeFolder : IDisposable
{
    public KnowledgeFolder()
    {
        Root = Directory.CreateTempSubdirectory("hybridai-index-").FullName;
        Docs = Path.Combine(Root, "docs");
        Store = Path.Combine(Root, "store");
        Write("refunds.md", "# Refund policy\n\nA refund for a double charge is paid back within five working days.\n\nKeep the receipt of the payment.\n");
        Write("shipping/delays.txt", "Parcels to France usually arrive within two weeks. A delayed parcel can be traced with its tracking number.\n");
        Write("shipping/faq.md", "# Shipping FAQ\n\nWe ship to every country in the European Union.\n");
        Write("tickets.jsonl",
            "{\"id\":\"t1\",\"text\":\"My card was charged twice for one order\",\"metadata\":{\"lang\":\"en\",\"team\":\"billing\"}}\n"
            + "{\"id\":\"t2\",\"text\":\"J'ai été prélevé deux fois, je veux un remboursement\",\"metadata\":{\"lang\":\"fr\",\"team\":\"billing\"}}\n"
            + "{\"id\":\"t3\",\"text\":\"The app crashes when I open my invoices\",\"metadata\":{\"lang\":\"en\",\"team\":\"tech\"}}\n");
        Write("faq.csv", "id,text,lang\nc1,How do I reset my password? Use the link in the login page.,en\nc2,Comment changer mon adresse de livraison ?,fr\n");
        Write("notes.bin", "not read: the extension is not one 'index add' takes");
    }

    public string Root { get; }

    public string Docs { get; }

    public string Store { get; }

    public string Write(string relative, string content)
    {
        string path = Path.Combine(Docs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        string path = Path.Combine(Docs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere must not fail a test that already passed.
        }
    }
}
