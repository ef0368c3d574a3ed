using System.Collections.Concurrent;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Masking;

/// <summary>
/// Masks the personal data in a run's state before any step runs: every public read/write string property, string
/// list and string sequence of the state (and of the objects it holds, one level deep) is replaced by its masked text.
/// The vault is stored in <see cref="RunContext.Items"/> under <see cref="VaultKey"/> so the final reply can be unmasked.
/// </summary>
/// <example>
/// <code>
/// var masking = new PiiMaskingMiddleware(PiiMasker.CreateDefault());
/// // register it as run middleware before audit; then, after the run:
/// string reply = PiiMaskingMiddleware.GetVault(run)!.Unmask(state.Reply);
/// </code>
/// </example>
public sealed class PiiMaskingMiddleware : IRunMiddleware
{
    /// <summary>The key of the run's <see cref="PiiVault"/> in <see cref="RunContext.Items"/>.</summary>
    public const string VaultKey = "hybridai.pii.vault";

    private readonly PiiMasker _masker;
    private readonly Func<string, bool> _include;
    private readonly ConcurrentDictionary<Type, StateStrings> _members = new();

    /// <summary>Creates the middleware.</summary>
    /// <param name="masker">Masks each string.</param>
    /// <param name="options">Optional: the only properties to mask; all string members when null or empty.</param>
    public PiiMaskingMiddleware(PiiMasker masker, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(masker);
        _masker = masker;
        _include = options is null || options.Properties.Count == 0 ? static _ => true : Matcher(options.Properties);
    }

    /// <summary>Gets the vault of a run masked by this middleware, or null when none was stored.</summary>
    public static PiiVault? GetVault(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(VaultKey, out var v) ? v as PiiVault : null;
    }

    /// <inheritdoc />
    public ValueTask InvokeAsync(RunContext context, RunDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var vault = GetVault(context);
        if (vault is null)
        {
            vault = new PiiVault();
            context.Items[VaultKey] = vault;
        }
        var state = context.State;
        if (state is not null)
        {
            var members = _members.GetOrAdd(state.GetType(), static (t, include) => StateStrings.For(t, include), _include);
            members.Mask(state, _masker, vault);
        }
        return next(context);
    }

    private static Func<string, bool> Matcher(IEnumerable<string> properties)
    {
        var paths = new HashSet<string>(properties, StringComparer.Ordinal);
        // A listed "Customer.Email" also opens the way to "Customer"; a listed "Customer" takes all its strings.
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paths)
        {
            var dot = p.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
                parents.Add(p[..dot]);
        }
        return path =>
        {
            if (paths.Contains(path))
                return true;
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 ? paths.Contains(path[..dot]) : parents.Contains(path);
        };
    }

    /// <summary>Which properties of the state to mask.</summary>
    public sealed class Options
    {
        /// <summary>Property names ("Body") or paths into a nested object ("Customer.Email"); empty means every string member.</summary>
        public IList<string> Properties { get; } = new List<string>();
    }
}
