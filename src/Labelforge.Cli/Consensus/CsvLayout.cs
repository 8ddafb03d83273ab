namespace Labelforge.Cli.Consensus;

/// <summary>
/// Where the answer fields are in a delimited file: the delimiter and the header names of the columns. A null
/// annotator column means the default: <see cref="DefaultAnnotatorColumn"/>, or <see cref="FallbackAnnotatorColumn"/>
/// when the header has no such column (the name crowdsourcing exports use).
/// </summary>
public sealed record CsvLayout(char Delimiter = ',', string ItemColumn = "item", string? AnnotatorColumn = null, string LabelColumn = "label")
{
    public const string DefaultAnnotatorColumn = "annotator";
    public const string FallbackAnnotatorColumn = "worker";
}
