using HybridAI.PiiEvalData;

// dotnet run --project eng/PiiEvalData -- [DATA_DIR]   (default: data/pii-eval under the current directory)
// Reads DATA_DIR/sources/*.txt and writes DATA_DIR/pii-eval.jsonl.
var directory = args.Length > 0 ? args[0] : Path.Combine("data", "pii-eval");
if (!Directory.Exists(Path.Combine(directory, "sources")))
{
    Console.Error.WriteLine($"{Path.Combine(directory, "sources")} does not exist: run from the repository root or pass the data directory.");
    return 2;
}

var records = PiiEvalSetGenerator.WriteTo(directory);
Console.WriteLine($"{records.Count} records, {records.Sum(r => r.Spans.Count)} spans -> {Path.Combine(directory, "pii-eval.jsonl")}");
return 0;
