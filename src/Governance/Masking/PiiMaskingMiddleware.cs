using System.Collections.Concurrent;
using HybridAI.Governance.Anonymization;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Masking;

/// <summary>
/// Masks the personal data in a run's state before any step runs: every public read/write string property, string
/// list and string sequence of the state (and of the objects it holds, one level deep) is replaced by its masked text.
/// The vault is stored in <see cref="RunContext.Items"/> under <see cref="VaultKey"/> so the final reply can be unmasked.
/// </summary>
/// <remarks>
/// With an <see cref="Anonymizer"/>, each type gets its own operator (placeholder, mask, hash, encryption…), values are
/// attributed to the run's subject (<see cref="Options.Subject"/>), and, where policy allows, the properties listed in
/// <see cref="Options.Reidentify"/> get clear values back once the run has finished.
/// </remarks>
/// <example>
/// <code>
/// var masking = new PiiMaskingMiddleware(PiiMasker.CreateDefault());
/// // register it as run middleware before audit; then, after the run:
/// string reply = PiiMaskingMiddleware.GetVault(run)!.Unmask(state.Reply);
///
/// // or: operators per type, and the re-identified reply in the state when the run ends
/// var options = new PiiMaskingMiddleware.Options { Subject = run => ((Ticket)run.State).CustomerId };
/// options.Reidentify.Add("Reply");
/// var anonymizing = new PiiMaskingMiddleware(new Anonymizer(PiiDetector.CreateDefault(), anonymizerOptions, keys), options);
/// </code>
/// </example>
public sealed class PiiMaskingMiddleware : IRunMiddleware
{
    /// <summary>The key of the run's <see cref="PiiVault"/> in <see cref="RunContext.Items"/>.</summary>
    public const string VaultKey = "hybridai.pii.vault";

    private readonly PiiMasker? _masker;
    private readonly Anonymizer? _anonymizer;
    private readonly Func<string, bool> _include;
    private readonly Func<string, bool>? _reidentify;
    private readonly Func<RunContext, string?>? _subject;
    private readonly ConcurrentDictionary<Type, StateStrings> _members = new();
    private readonly ConcurrentDictionary<Type, StateStrings> _answers = new();
    private readonly string? _scopeProperty;
    private readonly ConcurrentDictionary<Type, System.Reflection.PropertyInfo> _scopeAccessors = new();

    /// <summary>Creates the middleware.</summary>
    /// <param name="masker">Masks each string.</param>
    /// <param name="options">Optional: the only properties to mask; all string members when null or empty.</param>
    public PiiMaskingMiddleware(PiiMasker masker, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(masker);
        _masker = masker;
        _include = options is null || options.Properties.Count == 0 ? static _ => true : Matcher(options.Properties);
    }

    /// <summary>Creates the middleware over an anonymizer (operators per type, subjects, re-identification).</summary>
    /// <param name="anonymizer">Anonymizes each string.</param>
    /// <param name="options">Optional: properties to mask, the run's subject, the properties to re-identify.</param>
    public PiiMaskingMiddleware(Anonymizer anonymizer, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(anonymizer);
        _anonymizer = anonymizer;
        _include = options is null || options.Properties.Count == 0 ? static _ => true : Matcher(options.Properties);
        _subject = options?.Subject;
        _reidentify = options is null || options.Reidentify.Count == 0 ? null : Matcher(options.Reidentify);
        _scopeProperty = options?.SealedScopeProperty;
        if (_scopeProperty is not null && anonymizer.Keys is null)
            throw new ArgumentException("Options.SealedScopeProperty needs an Anonymizer with a PiiKeyVault, which seals the scope.", nameof(options));
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
        var state = context.State;
        var scopeProperty = _scopeProperty is not null && state is not null ? ScopeProperty(state.GetType()) : null;
        var vault = GetVault(context);
        if (vault is null)
        {
            // A resumed run (another process, maybe) brings its pseudonyms back from its checkpointed state.
            vault = scopeProperty?.GetValue(state) is byte[] { Length: > 0 } sealedScope ? _anonymizer!.Keys!.OpenScope(sealedScope) : new PiiVault();
            context.Items[VaultKey] = vault;
        }
        if (state is null)
            return next(context);
        var members = _members.GetOrAdd(state.GetType(), static (t, include) => StateStrings.For(t, include), _include);
        if (_anonymizer is null)
        {
            members.Mask(state, _masker!, vault);
            return next(context);
        }
        // Read the subject before masking: its id may itself look like personal data.
        var subject = _subject?.Invoke(context);
        var anonymizer = _anonymizer;
        members.Transform(state, value => anonymizer.Anonymize(value, vault, subject));
        // Sealed before any step runs, so a checkpoint taken at a gate carries the scope (encrypted per subject).
        scopeProperty?.SetValue(state, anonymizer.Keys!.SealScope(vault));
        return _reidentify is null ? next(context) : RunThenReidentifyAsync(context, next, vault);
    }

    private async ValueTask RunThenReidentifyAsync(RunContext context, RunDelegate next, PiiVault vault)
    {
        await next(context).ConfigureAwait(false);
        // The runner has already stored any checkpoint (inside the run): only the caller's copy gets clear values.
        if (context.State is not { } state)
            return;
        var answers = _answers.GetOrAdd(state.GetType(), static (t, include) => StateStrings.For(t, include), _reidentify!);
        var anonymizer = _anonymizer!;
        answers.Transform(state, value => anonymizer.Reidentify(value, vault));
    }

    private System.Reflection.PropertyInfo ScopeProperty(Type stateType) => _scopeAccessors.GetOrAdd(stateType, static (t, name) =>
    {
        var p = t.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        if (p is null || p.PropertyType != typeof(byte[]) || p.GetMethod is not { IsPublic: true } || p.SetMethod is not { IsPublic: true })
            throw new InvalidOperationException($"Options.SealedScopeProperty names '{name}', which '{t.FullName}' lacks as a public read/write byte[] property.");
        return p;
    }, _scopeProperty!);

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

        /// <summary>
        /// With an <see cref="Anonymizer"/>: the properties (names or paths, as <see cref="Properties"/>) that get clear
        /// values back when the run has finished: the policy that lets the user see the re-identified answer. Empty
        /// (the default) re-identifies nothing.
        /// </summary>
        public IList<string> Reidentify { get; } = new List<string>();

        /// <summary>
        /// With an <see cref="Anonymizer"/> that has a key vault: a public <c>byte[]</c> property of the state that carries
        /// the run's pseudonym scope, sealed (<see cref="Anonymization.PiiKeyVault.SealScope"/>), through checkpoints, so
        /// a run resumed in another process still re-identifies <c>&lt;PERSON_1&gt;</c>. Null: the scope lives only in memory.
        /// </summary>
        public string? SealedScopeProperty { get; set; }

        /// <summary>With an <see cref="Anonymizer"/>: whose data the run holds (e.g. the customer id in the state); read before masking.</summary>
        public Func<RunContext, string?>? Subject { get; set; }
    }
}
