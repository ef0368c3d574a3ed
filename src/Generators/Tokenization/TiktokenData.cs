namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Where the tiktoken rank files are found: <c>$HYBRIDAI_TIKTOKEN_PATH</c> (a folder), a <c>tiktoken-ranks</c> folder
/// beside the application, or the deps cache that <c>eng/fetch-deps.sh</c> fills
/// (<c>$HYBRIDAI_CACHE</c>, default <c>~/.cache/hybridai</c>, then <c>deps/current/data/tiktoken-ranks</c>), in that order.
/// </summary>
public static class TiktokenData
{
    /// <summary>The environment variable naming a folder of rank files that takes precedence over the others.</summary>
    public const string EnvironmentVariable = "HYBRIDAI_TIKTOKEN_PATH";

    /// <summary>The folder name of the rank files beside the application and in the deps cache.</summary>
    public const string FolderName = "tiktoken-ranks";

    /// <summary>The first of the candidate folders that exists, or the deps-cache one (which may not) when none does.</summary>
    public static string Folder
    {
        get
        {
            string cache = Path.Combine(
                Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } root
                    ? root
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai"),
                "deps", "current", "data", FolderName);
            foreach (string? candidate in (string?[])[Environment.GetEnvironmentVariable(EnvironmentVariable), Path.Combine(AppContext.BaseDirectory, FolderName), cache])
            {
                if (!string.IsNullOrEmpty(candidate) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return cache;
        }
    }

    /// <summary>The rank file of an encoding (<c>cl100k_base</c>, <c>o200k_base</c>…) in <see cref="Folder"/>.</summary>
    public static string PathOf(string encodingName) => Path.Combine(Folder, encodingName + ".cjs");
}
