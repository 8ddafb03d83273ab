namespace Labelforge.Core.LabelingFunctions.Spans;

/// <summary>
/// A span run of an LF set on a text-spans project: the version applied (and whether this run saved it), the author of
/// the suggestions (<c>lf:SET@VERSION</c>), the items, those that got at least one span, the spans in all, the
/// annotations written (items whose suggestion changed), each function's counts, and the seconds it took.
/// </summary>
public sealed record SpanLabelingFunctionResult(
    string Set, int Version, bool NewVersion, string Author, int Items, int CoveredItems, long Spans, int Annotations,
    IReadOnlyList<SpanLabelingFunctionStats> Functions, double Seconds);
