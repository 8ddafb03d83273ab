namespace Labelforge.Core.Counts;

/// <summary>
/// A project's maintained counts as the UI shows them: the <see cref="ProjectCounts"/> totals, the items per label
/// (in taxonomy order) and the items each annotator labeled (most first).
/// </summary>
public sealed record CountsView(
    long Items, long AnnotatedItems, long DecidedItems, long GivenItems, IReadOnlyList<LabelCount> Labels, IReadOnlyList<AnnotatorCount> Annotators);
