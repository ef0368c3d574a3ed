// Retrains the PERSON / ORGANIZATION / LOCATION tagger from generated text (training split only) and writes the
// model embedded in HybridAI.Governance. Deterministic: the same sources give the same bytes.
// Usage: dotnet run -c Release --project eng/pii-data/TrainNames [-- <output path>]
using System.Diagnostics;
using HybridAI.Governance.Pii.Names;

if (args.Length > 1 && args[0] == "--try")
{
    // Shows the tags the embedded model gives each token, for looking at mistakes.
    foreach (var text in args[1..])
    {
        using var tagged = new TaggedText();
        tagged.Prepare(text, Gazetteer.Default);
        NameTagger.Default.Tag(text, tagged);
        for (var i = 0; i < tagged.Count; i++)
            Console.Write($"{text.AsSpan(tagged.Tokens[i].Start, tagged.Tokens[i].Length)}/{tagged.Tags[i]}:{tagged.Margins[i]:F1} ");
        Console.WriteLine();
    }
    return;
}
if (args.Length > 1 && args[0] == "--profile")
{
    // Splits the recognizer's time between preparing (tokens, hashes, gazetteer) and tagging, over one text file.
    var text = File.ReadAllText(args[1]);
    var lines = text.Split('\n');
    using var tagged = new TaggedText();
    for (var round = 0; round < 3; round++)
    {
        var prepare = Stopwatch.StartNew();
        for (var k = 0; k < 5; k++)
            foreach (var line in lines)
                tagged.Prepare(line, Gazetteer.Default);
        var prepared = prepare.Elapsed.TotalSeconds;
        var both = Stopwatch.StartNew();
        for (var k = 0; k < 5; k++)
            foreach (var line in lines)
            {
                tagged.Prepare(line, Gazetteer.Default);
                NameTagger.Default.Tag(line, tagged);
            }
        var all = both.Elapsed.TotalSeconds;
        Console.WriteLine($"prepare {5 * text.Length / prepared / 1e6:F1} M chars/s, prepare+tag {5 * text.Length / all / 1e6:F1} M chars/s");
    }
    return;
}
var output = args.Length > 0 ? args[0] : Path.Combine(RepoRoot(), "src", "Governance", "Pii", "Names", "names-model.bin");
var clock = Stopwatch.StartNew();
var model = NameTaggerTraining.TrainDefault();
var trained = clock.Elapsed;
using (var file = File.Create(output))
    model.Save(file);
Console.WriteLine($"Trained on {NameTaggerTraining.DefaultTexts} texts x {NameTaggerTraining.DefaultEpochs} epochs in {trained.TotalSeconds:F1} s; " +
    $"wrote {new FileInfo(output).Length / 1024} KiB to {Path.GetFullPath(output)}");

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            return dir.FullName;
    }
    throw new DirectoryNotFoundException("Run TrainNames inside the HybridAI checkout (HybridAI.sln not found above " + Environment.CurrentDirectory + ").");
}
