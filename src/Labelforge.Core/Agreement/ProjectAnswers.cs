using Labelforge.Engine.Consensus;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Each annotator's current class label per item in a project, as parallel arrays (one entry per answer) with what
/// the breakdowns group by: the answer's time, guideline version (-1: before versioning) and taxonomy version.
/// </summary>
internal sealed class ProjectAnswers
{
    public required CrowdAnswers Answers { get; init; }

    public required string[] AnnotatorNames { get; init; }

    /// <summary>The reference (name or path) of each label index.</summary>
    public required string[] LabelNames { get; init; }

    public required long[] CreatedAtMs { get; init; }

    public required int[] GuidelineVersions { get; init; }

    public required int[] TaxonomyVersions { get; init; }

    /// <summary>The answers whose index <paramref name="keep"/> accepts, items renumbered densely (annotators and labels kept).</summary>
    public CrowdAnswers Subset(IReadOnlyList<int> keep)
    {
        var itemMap = new Dictionary<int, int>();
        var items = new int[keep.Count];
        var annotators = new int[keep.Count];
        var labels = new int[keep.Count];
        for (var n = 0; n < keep.Count; n++)
        {
            var a = keep[n];
            var item = Answers.Items[a];
            if (!itemMap.TryGetValue(item, out var dense))
                itemMap[item] = dense = itemMap.Count;
            items[n] = dense;
            annotators[n] = Answers.Annotators[a];
            labels[n] = Answers.Labels[a];
        }
        return new CrowdAnswers(items, annotators, labels, itemMap.Count, Answers.AnnotatorCount, Answers.ClassCount);
    }
}
