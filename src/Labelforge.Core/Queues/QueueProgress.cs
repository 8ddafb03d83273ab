namespace Labelforge.Core.Queues;

/// <summary>
/// Progress of a project's human labeling: items this annotator labeled, items a person decided (a human label or a
/// review), all items, and the items this annotator skipped that nobody has decided yet.
/// </summary>
public sealed record QueueProgress(long AnnotatorDone, long ProjectDone, long Total, long AnnotatorSkipped = 0);
