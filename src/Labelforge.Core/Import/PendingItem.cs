namespace Labelforge.Core.Import;

/// <summary>A good row waiting in <see cref="ImportSqlWriter"/> for its multi-row insert, with its labels already resolved to ids.</summary>
internal readonly record struct PendingItem(ImportRecord Record, byte[] Hash, IReadOnlyList<(ImportedAnnotation Source, long[] Ids)>? Annotations);
