namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Prodigy's JSONL fields the readers must not misread. Each row of a Prodigy dataset carries "answer": "accept",
/// "reject" or "ignore": an accepted label applies, a rejected one does not, and an ignored row was skipped by the
/// annotator (no decision). Span answers ("spans") and multiple-choice answers ("options" with "accept" ids) are
/// not class labels; until span projects exist, rows holding them are refused when labels are read.
/// </summary>
internal static class ProdigyAnswer
{
    public const string Field = "answer";
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Ignore = "ignore";
    public const string Spans = "spans";

    public static ReadOnlySpan<byte> FieldUtf8 => "answer"u8;

    public static ReadOnlySpan<byte> SpansUtf8 => "spans"u8;

    public static ReadOnlySpan<byte> AcceptUtf8 => "accept"u8;

    public static ReadOnlySpan<byte> OptionsUtf8 => "options"u8;

    /// <summary>Why ignored rows were left out, as the report lists it after their count.</summary>
    public const string IgnoredReason = "with Prodigy answer \"ignore\" were skipped (the annotator made no decision)";

    /// <summary>One of the three answers, or null for any other value (then the field is not Prodigy's and is kept as data).</summary>
    public static string? Parse(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("accept"u8) ? Accept : value.SequenceEqual("reject"u8) ? Reject : value.SequenceEqual("ignore"u8) ? Ignore : null;

    public static string Unsupported(string field) => field == Spans
        ? "row holds Prodigy \"spans\" (span annotations); span labels are not imported yet and are not read as class labels. "
            + "Import the texts without --label-field, or leave these rows out"
        : "row is a Prodigy multiple-choice answer (\"options\" with the chosen ids in \"accept\"); it is not read as class labels yet. "
            + "Import the texts without --label-field, or leave these rows out";
}
