namespace HybridAI.Cli.Commands.Index;

/// <summary>One file of an <c>index add</c> run as its documents stream into batches (see <see cref="AddRun"/>).</summary>
internal sealed class AddedFile(string relative, int number)
{
    /// <summary>The file's path in the folder added ('/'-separated).</summary>
    public string Relative { get; } = relative;

    /// <summary>0-based position of the file in the run.</summary>
    public int Number { get; } = number;

    /// <summary>Documents read from the file so far.</summary>
    public long Read { get; set; }

    /// <summary>Documents of the file in the batch not yet committed; they are the batch's last ones.</summary>
    public int Pending { get; set; }

    /// <summary>Documents of the file committed, always its first ones.</summary>
    public long Committed { get; set; }

    /// <summary>Chunks of the committed documents.</summary>
    public long Chunks { get; set; }

    /// <summary>Documents whose id an earlier file of the run also had.</summary>
    public long Collisions { get; set; }

    /// <summary>The first earlier file an id collided with.</summary>
    public string? CollidedWith { get; set; }

    /// <summary>Documents whose id an earlier record of this same file had (the later one replaces it).</summary>
    public long Repeats { get; set; }

    /// <summary>True once the whole file has been read.</summary>
    public bool Ended { get; set; }
}
