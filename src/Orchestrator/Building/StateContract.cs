using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace HybridAI.Orchestrator;

/// <summary>How a state type is written to checkpoints: the JSON contract, its round-trip check and its schema hash.</summary>
internal static class StateContract
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonTypeInfo<TState> TypeInfo<TState>(string workflowName)
    {
        try
        {
            return (JsonTypeInfo<TState>)Options.GetTypeInfo(typeof(TState));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new WorkflowValidationException(
                $"Workflow '{workflowName}': state type {typeof(TState).Name} cannot be serialized to JSON, so its runs cannot be checkpointed.", ex);
        }
    }

    /// <summary>Serializes, deserializes and re-serializes <paramref name="sample"/>; both texts must match.</summary>
    public static void CheckRoundTrip<TState>(string workflowName, JsonTypeInfo<TState> info, TState sample)
    {
        string first, second;
        try
        {
            first = JsonSerializer.Serialize(sample, info);
            var back = JsonSerializer.Deserialize(first, info);
            second = JsonSerializer.Serialize(back!, info);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new WorkflowValidationException(
                $"Workflow '{workflowName}': state type {typeof(TState).Name} does not round-trip through System.Text.Json ({ex.GetType().Name}), so its runs cannot be checkpointed.", ex);
        }
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new WorkflowValidationException(
                $"Workflow '{workflowName}': state type {typeof(TState).Name} does not round-trip through System.Text.Json (a property is lost or changed when read back; make it settable), so its runs cannot be checkpointed.");
        }
    }

    public static string SchemaHash<TState>()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Options, typeof(TState)).ToJsonString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(schema));
        return Convert.ToHexStringLower(hash);
    }
}
