using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.LabelingFunctions.Spans;

/// <summary>
/// Applies a set whose functions mark spans (<see cref="LabelingFunction.EmitsSpans"/>) to documents: each function's
/// ranges, snapped to the document's tokens when given (a range covering no token is dropped), each range once per
/// function, then merged into one answer per document by <see cref="SpanVoting"/>. A function that throws on a
/// document is a fault there (counted, the first kept) and the others still run, as in <see cref="LabelingFunctionApplier"/>.
/// </summary>
internal static class SpanLabelingFunctionApplier
{
    public static SpanLabelingFunctionApplyResult Apply(LabelingFunctionSet set, IReadOnlyList<SpanLabelingFunctionInput> documents,
        bool overlapping, CancellationToken ct)
    {
        var m = set.Functions.Count;
        var faults = new LabelingFunctionFaultLog(m);
        var (items, spans) = (new long[m], new long[m]);
        var answers = new LabeledRange[documents.Count][];
        for (var d = 0; d < documents.Count; d++)
        {
            ct.ThrowIfCancellationRequested();
            var proposals = new List<LabeledRange>();
            for (var f = 0; f < m; f++)
            {
                IReadOnlyList<LabeledRange> found;
                try
                {
                    found = set.Functions[f].Spans(documents[d].Document);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    faults.Record(d, f, ex);
                    continue;
                }
                var own = found.Select(s => Snap(s, documents[d].Tokens)).OfType<LabeledRange>().Distinct().ToArray();
                items[f] += own.Length > 0 ? 1 : 0;
                spans[f] += own.Length;
                proposals.AddRange(own);
            }
            answers[d] = SpanVoting.Merge(proposals, overlapping);
        }
        var functions = set.Functions.Select((fn, f) => new SpanLabelingFunctionStats(fn.Name, fn.Kind, items[f], spans[f], faults.Counts[f], faults.First[f])).ToArray();
        return new SpanLabelingFunctionApplyResult(answers, functions);
    }

    private static LabeledRange? Snap(LabeledRange span, IReadOnlyList<TextToken>? tokens)
    {
        if (tokens is null)
            return span;
        return SpanTokenizer.Snap(tokens, span.Start, span.End) is { } t ? new LabeledRange(t.Start, t.End, span.Label) : null;
    }
}

/// <summary>One document for <see cref="SpanLabelingFunctionApplier"/> and the tokens its spans snap to (null: keep offsets as found).</summary>
internal sealed record SpanLabelingFunctionInput(LabelingFunctionDocument Document, IReadOnlyList<TextToken>? Tokens);

/// <summary>The merged spans of each document (label indices into the set's labels) and each function's counts.</summary>
internal sealed record SpanLabelingFunctionApplyResult(LabeledRange[][] Spans, IReadOnlyList<SpanLabelingFunctionStats> Functions);
