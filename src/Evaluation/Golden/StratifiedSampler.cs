namespace HybridAI.Evaluation.Golden;

/// <summary>Proportional stratified sampling, deterministic for a seed and independent of input order.</summary>
internal static class StratifiedSampler
{
    public static List<GoldenExample> Sample(GoldenExample[] examples, int count, string? stratifyBy, int seed)
    {
        if (count >= examples.Length)
        {
            return [.. examples];
        }

        // Strata and their members are sorted so the file order does not change the sample.
        List<List<GoldenExample>> strata = [.. examples
            .GroupBy(e => stratifyBy is null ? string.Empty : e.Stratum(stratifyBy) ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Id, StringComparer.Ordinal).ToList())];

        int[] take = Allocate(strata.Select(s => s.Count).ToArray(), count, examples.Length);
        var random = new Random(seed);
        var chosen = new HashSet<GoldenExample>(ReferenceEqualityComparer.Instance);
        for (int s = 0; s < strata.Count; s++)
        {
            List<GoldenExample> members = strata[s];
            // Partial Fisher–Yates: the first take[s] places are a uniform sample.
            for (int i = 0; i < take[s]; i++)
            {
                int j = random.Next(i, members.Count);
                (members[i], members[j]) = (members[j], members[i]);
                chosen.Add(members[i]);
            }
        }

        // Keep the set's own order in the subset.
        return [.. examples.Where(chosen.Contains)];
    }

    private static int[] Allocate(int[] sizes, int count, int total)
    {
        var take = new int[sizes.Length];
        int left = count;
        if (count >= sizes.Length)
        {
            // Every stratum is represented before shares are handed out.
            for (int s = 0; s < sizes.Length; s++)
            {
                take[s] = 1;
            }

            left -= sizes.Length;
        }

        var remainders = new (double Remainder, int Stratum)[sizes.Length];
        int given = 0;
        for (int s = 0; s < sizes.Length; s++)
        {
            double share = (double)sizes[s] * count / total;
            int extra = Math.Max(0, Math.Min((int)Math.Floor(share) - take[s], sizes[s] - take[s]));
            extra = Math.Min(extra, left - given);
            take[s] += extra;
            given += extra;
            remainders[s] = (share - take[s], s);
        }

        left -= given;
        foreach ((_, int stratum) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Stratum))
        {
            if (left == 0)
            {
                break;
            }

            if (take[stratum] < sizes[stratum])
            {
                take[stratum]++;
                left--;
            }
        }

        // Rounding can leave places when small strata are full; give them to any stratum with room.
        for (int s = 0; left > 0 && s < sizes.Length; s++)
        {
            int room = Math.Min(sizes[s] - take[s], left);
            take[s] += room;
            left -= room;
        }

        return take;
    }
}
