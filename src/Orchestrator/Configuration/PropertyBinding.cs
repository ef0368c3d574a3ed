using System.Linq.Expressions;
using System.Reflection;

namespace HybridAI.Orchestrator;

/// <summary>Turns state property names from a definition file into compiled getters and setters (compiled once, at build).</summary>
internal static class PropertyBinding
{
    public static PropertyInfo? Find(Type stateType, string name)
        => stateType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
           ?? stateType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    public static Func<TState, TValue> Getter<TState, TValue>(PropertyInfo property)
    {
        var state = Expression.Parameter(typeof(TState), "state");
        Expression body = Expression.Property(state, property);
        if (body.Type != typeof(TValue))
        {
            body = Expression.Convert(body, typeof(TValue));
        }
        return Expression.Lambda<Func<TState, TValue>>(body, state).Compile();
    }

    /// <summary>A setter from <typeparamref name="TValue"/>, optionally through a projection (e.g. a classification's label).</summary>
    public static Action<TState, TValue> Setter<TState, TValue>(PropertyInfo property, Func<Expression, Expression>? project = null)
    {
        var state = Expression.Parameter(typeof(TState), "state");
        var value = Expression.Parameter(typeof(TValue), "value");
        var projected = project is null ? value : project(value);
        if (projected.Type != property.PropertyType)
        {
            projected = Expression.Convert(projected, property.PropertyType);
        }
        var assign = Expression.Assign(Expression.Property(state, property), projected);
        return Expression.Lambda<Action<TState, TValue>>(assign, state, value).Compile();
    }
}
