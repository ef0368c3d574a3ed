namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>Chooses each next token from the logits by <see cref="SamplingSettings"/>, in managed code, deterministically for a seed. One per generation.</summary>
internal sealed class TokenSampler
{
    // Tokens whose logit is this far below the best have probability under e^-40 of it: below float precision of the
    // sum, so leaving them out before sorting changes no draw but keeps sorting to a handful of candidates.
    private const float Negligible = 40f;

    private readonly SamplingSettings _settings;
    private readonly Random _random;
    private readonly Dictionary<int, int> _generated = [];
    private readonly HashSet<int> _seen = [];
    private int[] _order = [];
    private float[] _weights = [];

    public TokenSampler(SamplingSettings settings, IEnumerable<int> prompt)
    {
        _settings = settings;
        _random = settings.Seed is long seed ? new Random(unchecked((int)seed ^ (int)(seed >> 32))) : new Random();
        _seen.UnionWith(prompt);
    }

    /// <summary>The next token; <paramref name="logits"/> is changed in place.</summary>
    public int Next(float[] logits)
    {
        Penalise(logits);
        int token = _settings.Temperature <= 0 ? ArgMax(logits) : Draw(logits);
        _seen.Add(token);
        _generated[token] = _generated.GetValueOrDefault(token) + 1;
        return token;
    }

    private void Penalise(float[] logits)
    {
        float repetition = _settings.RepetitionPenalty;
        if (repetition != 1)
        {
            foreach (int token in _seen)
            {
                if ((uint)token < (uint)logits.Length)
                {
                    logits[token] = logits[token] > 0 ? logits[token] / repetition : logits[token] * repetition;
                }
            }
        }

        if (_settings.FrequencyPenalty != 0 || _settings.PresencePenalty != 0)
        {
            foreach ((int token, int count) in _generated)
            {
                if ((uint)token < (uint)logits.Length)
                {
                    logits[token] -= (_settings.FrequencyPenalty * count) + _settings.PresencePenalty;
                }
            }
        }
    }

    private static int ArgMax(float[] logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    private int Draw(float[] logits)
    {
        float temperature = _settings.Temperature;
        float max = logits[ArgMax(logits)];
        int count = 0;
        if (_order.Length < logits.Length)
        {
            _order = new int[logits.Length];
            _weights = new float[logits.Length];
        }

        for (int i = 0; i < logits.Length; i++)
        {
            if ((max - logits[i]) / temperature < Negligible)
            {
                _order[count++] = i;
            }
        }

        // Most likely first; ties by id so the order (and so the draw) never depends on the sort's stability.
        Span<int> order = _order.AsSpan(0, count);
        order.Sort((a, b) => logits[b] != logits[a] ? logits[b].CompareTo(logits[a]) : a.CompareTo(b));
        if (_settings.TopK > 0 && _settings.TopK < count)
        {
            count = _settings.TopK;
            order = order[..count];
        }

        Span<float> weights = _weights.AsSpan(0, count);
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            weights[i] = MathF.Exp((logits[order[i]] - max) / temperature);
            sum += weights[i];
        }

        if (_settings.TopP < 1)
        {
            double cumulative = 0;
            for (int i = 0; i < count; i++)
            {
                cumulative += weights[i] / sum;
                if (cumulative >= _settings.TopP)
                {
                    count = i + 1;
                    break;
                }
            }
        }

        if (_settings.MinP > 0)
        {
            float floor = _settings.MinP * weights[0];
            int kept = 1;
            while (kept < count && weights[kept] >= floor)
            {
                kept++;
            }

            count = kept;
        }

        double total = 0;
        for (int i = 0; i < count; i++)
        {
            total += weights[i];
        }

        double target = _random.NextDouble() * total;
        for (int i = 0; i < count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return order[i];
            }
        }

        return order[count - 1];
    }
}
