using Labelforge.Core.Annotations;

namespace Labelforge.Core.Export;

/// <summary>An item's labels under <see cref="ExportResolve.Latest"/>, <see cref="ExportResolve.Majority"/> and <see cref="ExportResolve.Consensus"/>.</summary>
internal static class ExportResolution
{
    private static readonly string ConsensusKind = AnnotationKind.Consensus.ToWire();

    /// <summary><paramref name="authors"/> in annotation id order (oldest first).</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<ExportAuthorLabels> authors, ExportResolve resolve)
    {
        if (resolve == ExportResolve.Consensus)
        {
            for (var i = authors.Count - 1; i >= 0; i--)
            {
                if (authors[i].Kind == ConsensusKind)
                    return authors[i].Labels;
            }
        }
        if (resolve == ExportResolve.Majority)
            return Majority(authors);
        for (var i = authors.Count - 1; i >= 0; i--)
        {
            if (AnnotationKinds.Given.Contains(authors[i].Kind))
                return authors[i].Labels;
        }
        return [];
    }

    private static IReadOnlyList<string> Majority(IReadOnlyList<ExportAuthorLabels> authors)
    {
        var votes = new Dictionary<string, (int Count, int Last, IReadOnlyList<string> Labels)>(StringComparer.Ordinal);
        for (var i = 0; i < authors.Count; i++)
        {
            if (!AnnotationKinds.Given.Contains(authors[i].Kind))
                continue;
            var key = string.Join('\u001f', authors[i].Labels.Order(StringComparer.Ordinal));
            var (count, _, _) = votes.GetValueOrDefault(key);
            votes[key] = (count + 1, i, authors[i].Labels);
        }
        IReadOnlyList<string> best = [];
        var (bestCount, bestLast) = (0, -1);
        foreach (var (count, last, labels) in votes.Values)
        {
            if (count > bestCount || (count == bestCount && last > bestLast))
                (best, bestCount, bestLast) = (labels, count, last);
        }
        return best;
    }
}
