namespace Labelforge.Cli.Consensus;

/// <summary>Where the answer fields are in a delimited file: the delimiter and the header names of the columns.</summary>
public sealed record CsvLayout(char Delimiter = ',', string ItemColumn = "item", string WorkerColumn = "worker", string LabelColumn = "label");
