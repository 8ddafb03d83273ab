using Labelforge.Core.Annotations;

namespace Labelforge.Core.Export;

/// <summary>
/// An item of a text-spans project as the span writers take it: text, stored document, the latest given annotation's
/// spans (null when no person or import annotated it).
/// </summary>
internal sealed record SpanExportItem(long Id, string? ExternalId, string Text, string DataJson, int? TextSlot, IReadOnlyList<LabeledSpan>? Spans,
    string? Author = null, string? Kind = null);
