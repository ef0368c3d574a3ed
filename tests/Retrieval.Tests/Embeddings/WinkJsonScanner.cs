using System.Globalization;
using System.Text;

namespace HybridAI.Retrieval.Tests.Embeddings;

/// <summary>
/// Finds a few words' vectors in the wink JSON by plain byte search and float.Parse: an independent reading of the
/// file (no JSON reader, no converter code) for the round-trip check.
/// </summary>
internal static class WinkJsonScanner
{
    public static Dictionary<string, float[]> Find(string jsonPath, IReadOnlyList<string> words, int dimensions)
    {
        // The file writes these words unescaped; the JSON serializer would escape the apostrophe.
        var patterns = words.ToDictionary(w => w, w => Encoding.UTF8.GetBytes("\"" + w + "\":["));
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        const int Overlap = 1 << 14;
        var buffer = new byte[1 << 23];
        using var stream = File.OpenRead(jsonPath);
        int kept = 0;
        while (found.Count < words.Count)
        {
            int read = stream.ReadAtLeast(buffer.AsSpan(kept), buffer.Length - kept, throwOnEndOfStream: false);
            var chunk = buffer.AsSpan(0, kept + read);
            foreach ((string word, byte[] pattern) in patterns)
            {
                int at = found.ContainsKey(word) ? -1 : chunk.IndexOf(pattern);
                int end = at < 0 ? -1 : chunk[(at + pattern.Length)..].IndexOf((byte)']');
                if (end >= 0)
                {
                    string numbers = Encoding.ASCII.GetString(chunk.Slice(at + pattern.Length, end));
                    found[word] = [.. numbers.Split(',').Take(dimensions).Select(n => float.Parse(n, CultureInfo.InvariantCulture))];
                }
            }

            if (read == 0)
            {
                break;
            }

            kept = Math.Min(Overlap, chunk.Length);
            chunk[^kept..].CopyTo(buffer);
        }

        return found;
    }
}
