using System.Text;
using System.Text.Json;
using HybridAI.Governance.Masking;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Review;

/// <summary>
/// What a reviewer sees of a tool call: <c>refund(order_id="A-1042", amount=250, email="&lt;EMAIL_1&gt;")</c>. Every
/// name and value passes through the PII masker before it is shortened (shortening first could cut a card number below
/// what the detector recognises and leak its digits), and one vault per call keeps repeated values recognisable.
/// </summary>
internal static class ToolCallSummary
{
    private const int MaxNameLength = 64;
    private const int MaxValueLength = 160;
    private const int MaxLength = 2000;

    public static string Describe(FunctionCallContent call, PiiMasker masker)
    {
        var vault = new PiiVault();
        var text = new StringBuilder(Shorten(masker.Mask(call.Name, vault), MaxNameLength)).Append('(');
        var first = true;
        foreach (var (name, value) in call.Arguments ?? new Dictionary<string, object?>())
        {
            if (!first)
                text.Append(", ");
            first = false;
            text.Append(Shorten(masker.Mask(name, vault), MaxNameLength)).Append('=')
                .Append(Shorten(masker.Mask(Render(value), vault), MaxValueLength));
            if (text.Length > MaxLength)
                break;
        }

        return Shorten(text.Append(')').ToString(), MaxLength);
    }

    private static string Render(object? value)
    {
        try
        {
            return JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "<unreadable value>";
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
