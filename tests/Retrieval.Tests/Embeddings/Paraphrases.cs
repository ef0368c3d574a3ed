using System.Numerics.Tensors;

namespace HybridAI.Retrieval.Tests.Embeddings;

/// <summary>Pairs of sentences that say the same thing in different words: each query should find its own match among all matches.</summary>
internal static class Paraphrases
{
    public static readonly (string Query, string Match)[] Pairs =
    [
        ("My card was charged twice for the same order.", "I was billed two times for one purchase."),
        ("How do I reset my password?", "I forgot my login details and cannot sign in."),
        ("The package has not arrived yet.", "My delivery is late and still missing."),
        ("I want to cancel my subscription.", "Please stop my monthly plan."),
        ("The app crashes when I open it.", "The application freezes and closes at startup."),
        ("Can I get a refund for the broken item?", "I would like my money back for a damaged product."),
        ("What time does the store open on Sunday?", "Opening hours of the shop at the weekend."),
        ("The train was delayed because of snow.", "Heavy snowfall made the railway service late."),
        ("The doctor prescribed antibiotics for the infection.", "The physician gave medicine to treat the bacterial illness."),
        ("The team won the championship final.", "The club took the title after winning the last match."),
        ("Interest rates were raised by the central bank.", "The federal reserve increased borrowing costs."),
        ("She is learning to play the piano.", "She takes music lessons on the keyboard."),
        ("The flight to London was cancelled.", "The airline called off the plane trip to England."),
        ("Heavy rain caused flooding in the city.", "Storms flooded the streets of the town."),
        ("The company reported higher profits this quarter.", "The firm's earnings rose in the latest three months."),
        ("He adopted a puppy from the shelter.", "He took home a young dog from the animal rescue."),
    ];

    public static (double Top1, double Mrr) Evaluate(Func<string, float[]> embed)
    {
        float[][] matches = [.. Pairs.Select(p => embed(p.Match))];
        double top1 = 0, mrr = 0;
        for (int i = 0; i < Pairs.Length; i++)
        {
            float[] query = embed(Pairs[i].Query);
            float own = TensorPrimitives.CosineSimilarity(query, matches[i]);
            int rank = 1 + matches.Where((m, j) => j != i && TensorPrimitives.CosineSimilarity(query, m) >= own).Count();
            top1 += rank == 1 ? 1 : 0;
            mrr += 1.0 / rank;
        }

        return (top1 / Pairs.Length, mrr / Pairs.Length);
    }
}
