using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import;

/// <summary>A good row waiting in <see cref="ImportSqlWriter"/> for its multi-row insert, with its annotation values already resolved to label ids.</summary>
internal readonly record struct PendingItem(ImportRecord Record, byte[] Hash, IReadOnlyList<(ImportedAnnotation Source, AnnotationValue Value)>? Annotations);
