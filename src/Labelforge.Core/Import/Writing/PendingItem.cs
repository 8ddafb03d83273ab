using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Import.Writing;

/// <summary>A good row waiting in <see cref="ImportSqlWriter"/> for its multi-row insert, with its annotation values already resolved to label ids.</summary>
internal readonly record struct PendingItem(ImportRecord Record, byte[] Hash, IReadOnlyList<(ImportedAnnotation Source, AnnotationValue Value)>? Annotations);
