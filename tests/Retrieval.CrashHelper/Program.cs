using System.Globalization;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Sqlite;

// Usage: CrashHelper <index.db>. Writes batches of five documents, each of several chunks, and prints
// "committed <version> <batch>" after each commit, until killed.
await using var index = await SqliteDocumentIndex.OpenAsync(args[0], new SqliteIndexOptions { EmbeddingGenerator = new HashingEmbeddingGenerator() });
for (long batch = index.CurrentVersion; ; batch++)
{
    var documents = Enumerable.Range(0, 5).Select(i => CrashDocument(batch, i)).ToList();
    await index.UpsertAsync(documents);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {index.CurrentVersion} {batch}"));
}

static SourceDocument CrashDocument(long batch, int i)
{
    string id = string.Create(CultureInfo.InvariantCulture, $"b{batch}-d{i}");
    string paragraphs = string.Join("\n\n", Enumerable.Range(0, 4).Select(p => string.Create(CultureInfo.InvariantCulture,
        $"Paragraph {p} of document {id}: unique marker {id}x{p} {new string('z', 400 + (p * 50))}")));
    return new SourceDocument(id, paragraphs, "crash " + id) { Metadata = new Dictionary<string, string> { ["batch"] = batch.ToString(CultureInfo.InvariantCulture) } };
}
