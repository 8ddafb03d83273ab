namespace Labelforge.Core.Import.Answers;

/// <summary>One answer read from a file: its line, the item's external id, who answered, the label names and the item's text if the file has one.</summary>
public sealed record AnswerRow(long Line, string ExternalId, string Author, IReadOnlyList<string> Labels, string? Text);
