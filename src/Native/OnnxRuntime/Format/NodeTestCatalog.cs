namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>Finds and loads every ONNX backend node test under a folder.</summary>
/// <example>
/// <code>
/// foreach (NodeTestCase test in NodeTestCatalog.Load(NodeTestCatalog.DebianRoot))
///     Console.WriteLine($"{test.Name}: {test.Inputs.Count} inputs, {test.DataSets.Count} data sets");
/// </code>
/// </example>
public static class NodeTestCatalog
{
    /// <summary>Where Debian's <c>libonnx-testdata</c> package installs the node tests.</summary>
    public const string DebianRoot = "/usr/share/libonnx-testdata/data/node";

    /// <summary>The test folders (those holding a model.onnx) under <paramref name="root"/>, sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    public static IReadOnlyList<string> FindTestDirectories(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No ONNX node test folder at {root}.");
        }

        var directories = new List<string>();
        foreach (string directory in Directory.GetDirectories(root))
        {
            if (File.Exists(Path.Combine(directory, "model.onnx")))
            {
                directories.Add(directory);
            }
        }

        directories.Sort(StringComparer.Ordinal);
        return directories;
    }

    /// <summary>Loads every test under <paramref name="root"/>, sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="OnnxFormatException">A file is malformed; the message names it.</exception>
    public static IReadOnlyList<NodeTestCase> Load(string root)
    {
        IReadOnlyList<string> directories = FindTestDirectories(root);
        var tests = new List<NodeTestCase>(directories.Count);
        foreach (string directory in directories)
        {
            tests.Add(NodeTestCase.Load(directory));
        }

        return tests;
    }
}
