namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// Contexts over one shared model, handed out one per concurrent request (at most <see cref="MaxContexts"/>
/// at a time; further requests wait). A request gets the idle context whose cache shares the longest prefix with
/// its prompt, so the next turn of a conversation usually lands on the context that holds the previous one.
/// </summary>
/// <example>
/// <code>
/// using var pool = new LlamaContextPool(model, new LlamaContextOptions { ContextSize = 4096 }, maxContexts: 4);
/// using (var lease = await pool.RentAsync(prompt, cancellationToken))
/// {
///     foreach (var step in lease.Context.Generate(prompt)) Console.Write(step.Text);
/// }
/// </code>
/// </example>
public sealed class LlamaContextPool : IDisposable
{
    private readonly LlamaContextOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly List<LlamaContext> _idle = [];
    private bool _disposed;

    /// <summary>Creates a pool; contexts are created on first need.</summary>
    public LlamaContextPool(LlamaModel model, LlamaContextOptions? options = null, int maxContexts = 2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContexts, 1);
        Model = model;
        _options = options ?? new LlamaContextOptions();
        MaxContexts = maxContexts;
        _slots = new SemaphoreSlim(maxContexts, maxContexts);
    }

    /// <summary>The shared model.</summary>
    public LlamaModel Model { get; }

    /// <summary>Most contexts alive (and requests served) at once.</summary>
    public int MaxContexts { get; }

    /// <summary>Waits for a free context, preferring the one whose cache best matches <paramref name="prompt"/>.</summary>
    public async ValueTask<LlamaContextLease> RentAsync(IReadOnlyList<int> prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LlamaContext? best = null;
            lock (_idle)
            {
                var bestLength = -1;
                foreach (var c in _idle)
                {
                    var length = c.CommonPrefixLength(prompt);
                    if (length > bestLength)
                    {
                        (best, bestLength) = (c, length);
                    }
                }

                if (best is not null)
                {
                    _idle.Remove(best);
                }
            }

            return new LlamaContextLease(this, best ?? Model.CreateContext(_options));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Disposes the idle contexts; rented ones are disposed when returned.</summary>
    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            foreach (var c in _idle)
            {
                c.Dispose();
            }

            _idle.Clear();
        }
    }

    internal void Return(LlamaContext context)
    {
        lock (_idle)
        {
            if (_disposed)
            {
                context.Dispose();
            }
            else
            {
                _idle.Add(context);
            }
        }

        _slots.Release();
    }
}

/// <summary>Exclusive use of one pooled <see cref="LlamaContext"/>; dispose to give it back.</summary>
public sealed class LlamaContextLease : IDisposable
{
    private LlamaContextPool? _pool;

    internal LlamaContextLease(LlamaContextPool pool, LlamaContext context) => (_pool, Context) = (pool, context);

    /// <summary>The context, yours until the lease is disposed.</summary>
    public LlamaContext Context { get; }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _pool, null)?.Return(Context);
}
