using System.CommandLine;
using System.Globalization;
using HybridAI.Native.OnnxRuntime;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary><c>hybridai onnx inspect MODEL.onnx</c>: shows a model's inputs, outputs and metadata as ONNX Runtime sees them.</summary>
internal static class OnnxCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Argument<string>("model") { Description = "Path to an .onnx model file." };
        var inspect = new Command("inspect", "Show a model's inputs, outputs (name, kind, element type, shape) and metadata.") { model };
        inspect.SetAction(parse => Inspect(console, parse.GetRequiredValue(model)));
        return new Command("onnx", "Work with ONNX models through ONNX Runtime.") { inspect };
    }

    private static int Inspect(IAnsiConsole console, string path)
    {
        OnnxSession session;
        try
        {
            // One thread and no graph rewrites: inspecting should be quick and show the model as written.
            session = OnnxSession.FromFile(path, new OnnxSessionOptions
            {
                IntraOpThreads = 1,
                InterOpThreads = 1,
                GraphOptimization = OnnxGraphOptimization.Disabled,
            });
        }
        catch (FileNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }
        catch (OnnxRuntimeException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }
        catch (DllNotFoundException e)
        {
            // Not the user's model at fault: the runtime itself is missing, so this is not an input error.
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }

        using (session)
        {
            console.Write(Describe("inputs", session.Inputs));
            console.Write(Describe("outputs", session.Outputs));
            console.Write(Describe(session.Metadata));
        }

        return 0;
    }

    private static Table Describe(string title, IReadOnlyList<OnnxValueInfo> values)
    {
        var table = new Table().Title(title).AddColumn("name").AddColumn("kind").AddColumn("element type").AddColumn("shape");
        foreach (var v in values)
        {
            table.AddRow(
                Markup.Escape(v.Name),
                v.Kind.ToString(),
                v.Kind is OnnxValueKind.Tensor or OnnxValueKind.SparseTensor ? v.ElementType.ToString() : "",
                Markup.Escape(Shape(v)));
        }

        return table;
    }

    private static Table Describe(OnnxModelMetadata metadata)
    {
        var table = new Table().Title("metadata").AddColumn("field").AddColumn("value");
        table.AddRow("producer", Markup.Escape(metadata.ProducerName));
        table.AddRow("graph name", Markup.Escape(metadata.GraphName));
        table.AddRow("domain", Markup.Escape(metadata.Domain));
        table.AddRow("description", Markup.Escape(metadata.Description));
        // ORT reports a model without model_version as Int64.MaxValue; showing that number would mislead.
        table.AddRow("version", metadata.Version == long.MaxValue ? "(not set)" : metadata.Version.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in metadata.Custom.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape("custom: " + key), Markup.Escape(value));
        }

        return table;
    }

    /// <summary>"[batch, 3, 48, 192]": a symbolic dimension shows its name, an unnamed unknown one shows "?".</summary>
    internal static string Shape(OnnxValueInfo value)
    {
        if (value.Kind is not (OnnxValueKind.Tensor or OnnxValueKind.SparseTensor))
        {
            return "";
        }

        var dims = new string[value.Shape.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            var symbol = i < value.SymbolicDims.Length ? value.SymbolicDims[i] : "";
            dims[i] = value.Shape[i] >= 0 ? value.Shape[i].ToString(CultureInfo.InvariantCulture)
                : symbol.Length > 0 ? symbol
                : "?";
        }

        return "[" + string.Join(", ", dims) + "]";
    }
}
