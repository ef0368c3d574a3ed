using System.Linq.Expressions;
using System.Reflection;

namespace HybridAI.Governance.Masking;

/// <summary>
/// The string members of a state type, reached through delegates compiled once per type: public read/write string
/// properties, string lists and sequences, and the same inside nested objects (one level deep).
/// </summary>
internal sealed class StateStrings
{
    private readonly (Func<object, string?> Get, Action<object, string?> Set)[] _strings;
    private readonly Func<object, IList<string?>?>[] _lists;
    private readonly (Func<object, IEnumerable<string?>?> Get, Action<object, string?[]> Set)[] _sequences;
    private readonly (Func<object, object?> Get, StateStrings Members)[] _nested;

    private StateStrings(
        (Func<object, string?>, Action<object, string?>)[] strings,
        Func<object, IList<string?>?>[] lists,
        (Func<object, IEnumerable<string?>?>, Action<object, string?[]>)[] sequences,
        (Func<object, object?>, StateStrings)[] nested)
    {
        _strings = strings;
        _lists = lists;
        _sequences = sequences;
        _nested = nested;
    }

    public bool IsEmpty => _strings.Length == 0 && _lists.Length == 0 && _sequences.Length == 0 && _nested.Length == 0;

    /// <summary>Finds the members of <paramref name="type"/> whose path (e.g. "Body" or "Customer.Email") <paramref name="include"/> accepts.</summary>
    public static StateStrings For(Type type, Func<string, bool> include, string prefix = "", bool nestedAllowed = true)
    {
        if (type.IsValueType)
            throw new NotSupportedException($"PII masking needs a class state; '{type.FullName}' is a value type.");
        var strings = new List<(Func<object, string?>, Action<object, string?>)>();
        var lists = new List<Func<object, IList<string?>?>>();
        var sequences = new List<(Func<object, IEnumerable<string?>?>, Action<object, string?[]>)>();
        var nested = new List<(Func<object, object?>, StateStrings)>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is not { IsPublic: true })
                continue;
            var path = prefix + p.Name;
            var canSet = p.SetMethod is { IsPublic: true };
            var t = p.PropertyType;
            if (t == typeof(string))
            {
                if (canSet && include(path))
                    strings.Add((Getter<string?>(type, p), Setter<string?>(type, p)));
            }
            else if (typeof(IList<string>).IsAssignableFrom(t))
            {
                if (include(path))
                    lists.Add(Getter<IList<string?>?>(type, p));
            }
            else if (typeof(IEnumerable<string>).IsAssignableFrom(t) && t.IsAssignableFrom(typeof(string[])))
            {
                if (canSet && include(path))
                    sequences.Add((Getter<IEnumerable<string?>?>(type, p), Setter<string?[]>(type, p)));
            }
            else if (nestedAllowed && t.IsClass && t != typeof(object) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t)
                && !t.IsArray && t.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
            {
                var inner = For(t, include, path + ".", nestedAllowed: false);
                if (!inner.IsEmpty)
                    nested.Add((Getter<object?>(type, p), inner));
            }
        }
        return new StateStrings([.. strings], [.. lists], [.. sequences], [.. nested]);
    }

    /// <summary>Masks every reached string of <paramref name="target"/> in place.</summary>
    public void Mask(object target, PiiMasker masker, PiiVault vault) =>
        Transform(target, value => masker.Mask(value, vault));

    /// <summary>Replaces every reached string of <paramref name="target"/> by <paramref name="change"/>'s result (kept when it returns the same instance).</summary>
    public void Transform(object target, Func<string, string> change)
    {
        foreach (var (get, set) in _strings)
        {
            var value = get(target);
            if (value is null)
                continue;
            var masked = change(value);
            if (!ReferenceEquals(masked, value))
                set(target, masked);
        }
        foreach (var get in _lists)
        {
            if (get(target) is not { } list)
                continue;
            for (var i = 0; i < list.Count; i++)
            {
                var value = list[i];
                if (value is null)
                    continue;
                var masked = change(value);
                if (!ReferenceEquals(masked, value))
                    list[i] = masked;
            }
        }
        foreach (var (get, set) in _sequences)
        {
            if (get(target) is not { } sequence)
                continue;
            string?[] copy = [.. sequence];
            var changed = false;
            for (var i = 0; i < copy.Length; i++)
            {
                if (copy[i] is not { } value)
                    continue;
                var masked = change(value);
                changed |= !ReferenceEquals(masked, value);
                copy[i] = masked;
            }
            if (changed)
                set(target, copy);
        }
        foreach (var (get, members) in _nested)
        {
            if (get(target) is { } inner)
                members.Transform(inner, change);
        }
    }

    private static Func<object, T> Getter<T>(Type owner, PropertyInfo p)
    {
        var obj = Expression.Parameter(typeof(object), "state");
        var body = Expression.Convert(Expression.Property(Expression.Convert(obj, owner), p), typeof(T));
        return Expression.Lambda<Func<object, T>>(body, obj).Compile();
    }

    private static Action<object, T> Setter<T>(Type owner, PropertyInfo p)
    {
        var obj = Expression.Parameter(typeof(object), "state");
        var value = Expression.Parameter(typeof(T), "value");
        var body = Expression.Call(Expression.Convert(obj, owner), p.SetMethod!, Expression.Convert(value, p.PropertyType));
        return Expression.Lambda<Action<object, T>>(body, obj, value).Compile();
    }
}
