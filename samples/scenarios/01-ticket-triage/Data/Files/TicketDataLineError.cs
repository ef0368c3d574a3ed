namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>A line of a data file that could not be read. The reason never quotes the line, which may hold personal data.</summary>
/// <param name="File">The file name (without folder).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">What is wrong, e.g. "missing field 'category'".</param>
public sealed record TicketDataLineError(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => File + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Reason;
}

/// <summary>The records that could be read, plus one error per line that could not.</summary>
public sealed record TicketDataReadResult<T>(IReadOnlyList<T> Records, IReadOnlyList<TicketDataLineError> Errors)
{
    /// <summary>True when every line was read.</summary>
    public bool IsComplete => Errors.Count == 0;
}
