namespace Labelforge.Core.Import;

/// <summary>Progress of a running import, reported after every batch.</summary>
public readonly record struct ImportProgress(long Rows, long Imported, long SkippedDuplicates, long Errors);
