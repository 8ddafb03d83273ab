namespace Labelforge.Core.Import.Readers.Delimited;

/// <summary>Tells a tab-separated file from a comma-separated one by its header row, so a TSV named .csv still reads.</summary>
internal static class DelimiterGuess
{
    /// <summary>True when the first line holds tabs and no commas outside quotes.</summary>
    public static bool LooksTabSeparated(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf((byte)'\n');
        var line = end < 0 ? head : head[..end];
        var (tabs, commas, quoted) = (0, 0, false);
        foreach (var b in line)
        {
            if (b == '"')
                quoted = !quoted;
            else if (!quoted && b == '\t')
                tabs++;
            else if (!quoted && b == ',')
                commas++;
        }
        return tabs > 0 && commas == 0;
    }

    /// <summary>The hint added to CSV errors that a tab would explain.</summary>
    public const string TsvHint = "this looks tab-separated: use --format tsv";
}
