using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Data;

/// <summary>The German Credit data set as shipped by Debian's weka package (1000 rows, 20 attributes, class good/bad).</summary>
internal static class GermanCredit
{
    public const string Path = "/usr/share/doc/weka/examples/credit-g.arff";

    public static TabularData Load() => ArffReader.ReadFile(Path);
}

/// <summary>
/// A fact that needs the German Credit file: skipped with a reason when it is missing, unless
/// CI=true, where a missing file must fail the run rather than hide it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GermanCreditFactAttribute : FactAttribute
{
    public GermanCreditFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(GermanCredit.Path) && !ci)
        {
            Skip = $"{GermanCredit.Path} is missing (install the Debian package 'weka'); set CI=true to make this a failure.";
        }
    }
}
